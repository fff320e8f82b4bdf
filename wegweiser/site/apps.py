from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "wegweiser.site"
    label = "core"
    verbose_name = _("Wegweiser core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # once the apps are ready (they import models): these modules register their checks and receivers
        from wegweiser.site import checks, page_tree_cache, signals  # noqa: F401
