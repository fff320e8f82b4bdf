"""The plugin's AppConfig: how Wegweiser finds it (entry point ``housing``) and checks its compatibility."""

from django.utils.translation import gettext_lazy as _

from wegweiser.plugin_api import PluginConfig, PluginMeta
from wegweiser_housing import __version__


class HousingConfig(PluginConfig):
    name = "wegweiser_housing"
    label = "wegweiser_housing"
    verbose_name = _("Housing")
    plugin_meta = PluginMeta(
        name="Housing",
        version=__version__,
        description="Flats, rooms and temporary accommodation offered to refugees and newcomers.",
        author="Wegweiser contributors",
        compatibility=">=0.1,<1.0",
    )
