from django.utils.translation import gettext_lazy as _

from wegweiser.plugin_api import PluginConfig, PluginMeta


class VolunteersConfig(PluginConfig):
    name = "wegweiser.volunteers"
    label = "volunteers"
    verbose_name = _("Volunteering")
    plugin_meta = PluginMeta(
        name="Volunteering",
        version="0.1.0",
        description="Volunteer opportunities, sign-ups with consent and double opt-in, and their life cycle.",
        compatibility=">=0.1,<1.0",
        urls="wegweiser.volunteers.urls",
        url_prefix="ehrenamt/",
    )
    receivers = ("wegweiser.volunteers.signals",)
