from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "wegweiser.site"
    label = "core"
    verbose_name = _("Wegweiser core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # once the apps are ready (they import models): these modules register their checks and receivers,
        # and Wagtail's widget module imports its models
        from wagtail.admin.widgets import AdminPageChooser
        from wagtail_localize.models import StringTranslation

        from wegweiser.site import admin_widgets, checks, page_tree_cache, signals  # noqa: F401
        from wegweiser.site.scoping import page_chooser_title
        from wegweiser.site.translation_editor import translation_note
        from wegweiser.site.translations_report import name_the_report_s_filters_and_count

        # Every page chooser (in Wagtail's blocks and panels, in a plugin's) shows a partner only what the
        # partner's page tree shows; Wagtail's widget has no hook for it, so its one title method is ours.
        AdminPageChooser.get_display_title = page_chooser_title
        # wagtail-localize's editor dated each translated text with an English month, in UTC.
        StringTranslation.get_comment = translation_note
        name_the_report_s_filters_and_count()
        admin_widgets.register()
