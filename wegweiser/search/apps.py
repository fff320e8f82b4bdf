from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "wegweiser.search"
    label = "search"
    #: Installations from before the label was "search" are switched by `migrate` (wegweiser.site.former_labels).
    former_labels = ("finder",)
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # once the apps are ready (they import models): these modules connect their signal receivers
        from wegweiser.search import former_label, signals  # noqa: F401
        from wegweiser.search.alerts import openings  # noqa: F401
