"""Coverage report: topic × district (or language spoken), gaps marked, every cell a drill-down link."""

from __future__ import annotations

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wegweiser.reports.charts import bar_chart
from wegweiser.reports.coverage import coverage_matrix
from wegweiser.reports.filters import CoverageFilterSet
from wegweiser.reports.views.base import OfficeReportView, listings_url
from wegweiser.reports.xlsx_charts import XlsxChart


class CoverageReportView(OfficeReportView):
    page_title = _("Coverage")
    header_icon = "table"
    url_name = "coverage"
    filterset_class = CoverageFilterSet
    paginate_by = None
    no_results_message = _("There are no topics yet. Add topics in the taxonomy settings to see coverage.")
    export_columns = {"label": _("Topic"), "total": _("Listings in this topic")}

    @cached_property
    def across(self) -> str:
        return self.cleaned_filters.get("across") or "district"

    @cached_property
    def matrix(self):
        return coverage_matrix(self.selection, self.across)

    def get_filename(self):
        return f"coverage-topic-{self.across}"

    def get_rows(self):
        matrix = self.matrix
        columns = type(self).export_columns
        self.export_columns = {
            "label": columns["label"],
            **{f"values.{slug}": label for slug, label in matrix.columns},
            "total": columns["total"],
            "gaps": _("Empty cells"),
        }
        for row in matrix.rows:
            for cell in row.cells:
                cell.url = listings_url(self.selection, topic=row.topic, **{self.across: cell.column})
            row.url = listings_url(self.selection, topic=row.topic)
        return matrix.rows

    def get_xlsx_chart(self):
        columns = [f"values.{slug}" for slug, _label in self.matrix.columns]
        return XlsxChart(
            _("Current listings: topic × %(dimension)s") % {"dimension": self.matrix.across_label},
            category_fields=["label"],
            value_fields=columns,
            stacked=True,
            value_axis_title=_("Current listings"),
        )

    def get_report_context(self):
        matrix = self.matrix
        chart_rows = [
            (
                label,
                [(matrix.column_totals[slug], "ww-chart__bar")],
                listings_url(self.selection, **{self.across: slug}),
            )
            for slug, label in matrix.columns
        ]
        chart = bar_chart(
            _("Listings per %(dimension)s") % {"dimension": matrix.across_label},
            chart_rows,
            label_heading=matrix.across_label,
            value_heading=_("Current listings"),
            marker_at_most=0,
            marker=_("none"),
        )
        return {"matrix": matrix, "chart": chart}
