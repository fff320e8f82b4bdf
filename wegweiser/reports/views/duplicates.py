"""Likely duplicates report: pairs the office can raise with both partner organisations."""

from __future__ import annotations

from collections import Counter

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wegweiser.reports.charts import bar_chart
from wegweiser.reports.duplicates import DEFAULT_THRESHOLD, find_duplicates
from wegweiser.reports.filters import DuplicatesFilterSet
from wegweiser.reports.views.base import OfficeReportView
from wegweiser.reports.xlsx_charts import XlsxChart


class DuplicatesReportView(OfficeReportView):
    page_title = _("Likely duplicates")
    header_icon = "copy"
    url_name = "duplicates"
    filterset_class = DuplicatesFilterSet
    export_filename = "likely-duplicates"
    no_results_message = _("No likely duplicates found with these filters.")
    export_columns = {
        "score_percent": _("Similarity (%)"),
        "first.title": _("Listing"),
        "first.organisation": _("Organisation"),
        "second.title": _("Similar listing"),
        "second.organisation": _("Its organisation"),
        "topics_label": _("Shared topics"),
        "district": _("District"),
        "first.type_label": _("Listing type"),
    }
    table_columns = ("score_percent", "first.title", "second.title", "topics_label", "district")
    #: The page writes the "%" into each cell.
    table_headings = {"score_percent": _("Similarity")}
    xlsx_chart = XlsxChart(
        _("Similarity of the likely duplicates (%)"),
        category_fields=["first.title"],
        value_fields=["score_percent"],
    )

    @cached_property
    def threshold(self) -> float:
        return float(self.cleaned_filters.get("similarity") or DEFAULT_THRESHOLD)

    def get_rows(self):
        return find_duplicates(
            self.selection,
            threshold=self.threshold,
            topic=self.cleaned_filters.get("topic") or "",
            district=self.cleaned_filters.get("district") or "",
        )

    def get_report_context(self):
        per_topic = Counter(topic for pair in self.rows for topic in pair.topics)
        chart = bar_chart(
            _("Likely duplicates per topic"),
            [(topic, [(count, "ww-chart__bar")], "") for topic, count in per_topic.most_common(12)],
            label_heading=_("Topic"),
            value_heading=_("Likely duplicates"),
        )
        return {"chart": chart if per_topic else None, "threshold_percent": round(self.threshold * 100)}
