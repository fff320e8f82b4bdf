from django.utils.translation import gettext_lazy as _

from wegweiser.plugin_api import PluginConfig, PluginMeta


class OffersConfig(PluginConfig):
    name = "wegweiser.offers"
    label = "offers"
    verbose_name = _("Offers")
    plugin_meta = PluginMeta(
        name="Offers",
        version="0.1.0",
        description="Courses, counselling, services and groups, with course dates and seats.",
        compatibility=">=0.1,<1.0",
    )
    receivers = ("wegweiser.offers.openings",)
