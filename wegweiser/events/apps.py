from django.utils.translation import gettext_lazy as _

from wegweiser.plugin_api import PluginConfig, PluginMeta


class EventsConfig(PluginConfig):
    name = "wegweiser.events"
    label = "events"
    verbose_name = _("Events")
    plugin_meta = PluginMeta(
        name="Events",
        version="0.1.0",
        description="Events with recurrence, calendars, iCal feeds and iCal import.",
        compatibility=">=0.1,<1.0",
        urls="wegweiser.events.urls",
        url_prefix="kalender/",
    )
    receivers = ("wegweiser.events.signals",)
