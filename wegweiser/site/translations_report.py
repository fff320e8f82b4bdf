"""wagtail-localize's translations report names its filters and its count in the admin's language.

Two of its filters took their labels from the model fields they filter ("Source locale", "Target locale")
and its count from the model's name ("2 translations"): names wagtail-localize never marked for
translation, so no catalogue could give them in German.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.paginator import WagtailPaginator
from wagtail_localize.views.report import TranslationsReportFilterSet, TranslationsReportView


class TranslationsPaginator(WagtailPaginator):
    verbose_name = _("translation")
    verbose_name_plural = _("translations")


def name_the_report_s_filters_and_count() -> None:
    TranslationsReportFilterSet.base_filters["source_locale"].label = _("Source language")
    TranslationsReportFilterSet.base_filters["target_locale"].label = _("Target language")
    TranslationsReportView.paginator_class = TranslationsPaginator
