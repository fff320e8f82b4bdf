"""Freshness report: organisations with the most stale listings first, and how old the reviews are."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wegweiser.reports.charts import bar_chart
from wegweiser.reports.filters import FreshnessFilterSet
from wegweiser.reports.freshness import freshness_by_organisation, review_age_bands
from wegweiser.reports.views.base import OfficeReportView, listings_url
from wegweiser.reports.xlsx_charts import XlsxChart
from wegweiser.site.freshness import stale_after_days


class FreshnessReportView(OfficeReportView):
    page_title = _("Freshness")
    header_icon = "time"
    url_name = "freshness"
    filterset_class = FreshnessFilterSet
    export_filename = "freshness-by-organisation"
    export_columns = {
        "organisation": _("Organisation"),
        "listings": _("Current listings"),
        "stale": _("Stale listings"),
        "stale_percent": _("Stale (%)"),
        "oldest_review": _("Oldest review"),
    }
    table_columns = ("organisation", "listings", "stale", "oldest_review")
    xlsx_chart = XlsxChart(
        _("Current and stale listings per organisation"),
        category_fields=["organisation"],
        value_fields=["listings", "stale"],
        value_axis_title=_("Listings"),
    )

    def get_rows(self):
        rows = freshness_by_organisation(self.selection)
        for row in rows:
            row.url = listings_url(self.selection, organisation=row.organisation_id)
            row.stale_url = listings_url(self.selection, organisation=row.organisation_id, stale=True)
        return rows

    def get_report_context(self):
        top = [row for row in self.rows if row.stale][:12]
        organisations_chart = bar_chart(
            _("Organisations with the most stale listings"),
            [
                (
                    row.organisation,
                    [(row.stale, "ww-chart__bar--stale"), (row.fresh, "ww-chart__bar--fresh")],
                    row.stale_url,
                )
                for row in top
            ],
            label_heading=_("Organisation"),
            value_heading=_("Current listings"),
            legend=[("ww-chart__bar--stale", _("stale")), ("ww-chart__bar--fresh", _("up to date"))],
        )
        bands = review_age_bands(self.selection)
        age_chart = bar_chart(
            _("Listings by time since their last review"),
            [
                (label, [(count, "ww-chart__bar--stale" if stale else "ww-chart__bar--fresh")], "")
                for label, count, stale in bands
            ],
            label_heading=_("Last reviewed"),
            value_heading=_("Listings"),
            legend=[("ww-chart__bar--stale", _("stale")), ("ww-chart__bar--fresh", _("up to date"))],
        )
        return {
            "organisations_chart": organisations_chart if top else None,
            "age_chart": age_chart,
            "stale_after_days": stale_after_days(),
            "stale_total": sum(row.stale for row in self.rows),
            "all_stale_url": listings_url(self.selection, stale=True),
        }
