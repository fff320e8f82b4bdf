"""Demand report: most frequent searches, searches without results per language, filters used most."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wegweiser.reports.charts import bar_chart
from wegweiser.reports.demand import (
    filters_used,
    most_frequent_searches,
    place_alert_demand,
    searches_in_period,
    searches_without_results,
)
from wegweiser.reports.filters import DEMAND_TABLES, DemandFilterSet
from wegweiser.reports.views.base import NO_SEARCH_LOG, OfficeReportView
from wegweiser.reports.xlsx_charts import XlsxChart

DEFAULT_PERIOD_DAYS = 30

#: Per table, the export's columns and their headings (``OfficeReportView.export_columns``).
EXPORTS = {
    "searches": {
        "query": _("Search words"),
        "searches": _("Searches"),
        "without_results": _("Without results"),
        "weak": _("Only partly found"),
    },
    "no_results": {
        "query": _("Search words"),
        "locale": _("Language"),
        "searches": _("Searches without results"),
        "weak": _("Only partly found"),
    },
    "filters": {"facet_label": _("Filter"), "value_label": _("Value"), "uses": _("Times used")},
    "alerts": {
        "criteria": _("Waiting for"),
        "waiting": _("People waiting now"),
        "in_period": _("Alerts started in the period"),
    },
}

LEGENDS = {
    "searches": [
        ("ww-chart__bar", _("with results")),
        ("ww-chart__bar--weak", _("only partly found")),
        ("ww-chart__bar--stale", _("without results")),
    ],
    "no_results": [
        ("ww-chart__bar--stale", _("without results")),
        ("ww-chart__bar--weak", _("only partly found")),
    ],
}


class DemandReportView(OfficeReportView):
    page_title = _("Demand")
    header_icon = "search"
    url_name = "demand"
    filterset_class = DemandFilterSet
    export_columns = EXPORTS["searches"]

    @cached_property
    def table(self) -> str:
        return self.cleaned_filters.get("table") or "searches"

    @cached_property
    def period(self) -> tuple[datetime.date, datetime.date]:
        end = self.cleaned_filters.get("end") or timezone.localdate()
        start = self.cleaned_filters.get("start") or end - datetime.timedelta(days=DEFAULT_PERIOD_DAYS)
        return (start, end) if start <= end else (end, start)

    @cached_property
    def searches(self):
        start, end = self.period
        return searches_in_period(start, end, self.cleaned_filters.get("locale") or "")

    def get_filename(self):
        start, end = self.period
        return f"demand-{self.table}-{start.isoformat()}-{end.isoformat()}"

    def get_rows(self):
        self.export_columns = EXPORTS[self.table]
        if self.searches is None:
            return []
        if self.table == "no_results":
            return searches_without_results(self.searches)
        if self.table == "filters":
            return filters_used(self.searches)
        if self.table == "alerts":
            start, end = self.period
            return place_alert_demand(start, end) or []
        return most_frequent_searches(self.searches)

    def get_xlsx_chart(self):
        fields = list(EXPORTS[self.table])
        if self.table == "alerts":  # the people waiting now, per filter combination
            return XlsxChart(
                dict(DEMAND_TABLES)[self.table], category_fields=fields[:1], value_fields=fields[1:2]
            )
        labels = 1 if self.table == "searches" else 2  # the words (and their language), or filter and value
        return XlsxChart(
            dict(DEMAND_TABLES)[self.table], category_fields=fields[:labels], value_fields=fields[labels:]
        )

    def get_report_context(self):
        start, end = self.period
        context = {
            "search_log_missing": self.searches is None,
            "no_search_log": NO_SEARCH_LOG,
            "table": self.table,
            "table_caption": dict(DEMAND_TABLES)[self.table],
            "period_start": start,
            "period_end": end,
        }
        if self.searches is None:
            return context
        context["search_count"] = self.searches.count()
        rows = self.object_list[:15]
        if self.table == "alerts":
            label_heading, value_heading = _("Waiting for"), _("People waiting now")
            chart_rows = [(row.criteria, [(row.waiting, "ww-chart__bar")], "") for row in rows]
        elif self.table == "filters":
            label_heading, value_heading = _("Filter"), _("Times used")
            chart_rows = [
                (f"{row.facet_label}: {row.value_label}", [(row.uses, "ww-chart__bar")], "") for row in rows
            ]
        elif self.table == "no_results":
            label_heading, value_heading = _("Search words"), _("Without results")
            chart_rows = [
                (
                    f"{row.query} ({row.locale})",
                    [(row.searches, "ww-chart__bar--stale"), (row.weak, "ww-chart__bar--weak")],
                    "",
                )
                for row in rows
            ]
        else:
            label_heading, value_heading = _("Search words"), _("Searches")
            chart_rows = [
                (
                    row.query,
                    [
                        (row.searches - row.without_results - row.weak, "ww-chart__bar"),
                        (row.weak, "ww-chart__bar--weak"),
                        (row.without_results, "ww-chart__bar--stale"),
                    ],
                    "",
                )
                for row in rows
            ]
        context["chart"] = (
            bar_chart(
                context["table_caption"],
                chart_rows,
                label_heading=label_heading,
                value_heading=value_heading,
                legend=LEGENDS.get(self.table, ()),
            )
            if chart_rows
            else None
        )
        return context
