from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "wegweiser.search"
    label = "finder"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wegweiser.search import signals  # noqa: F401
        from wegweiser.search.alerts import openings  # noqa: F401
