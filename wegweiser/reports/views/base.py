"""The base of the office's report views: Wagtail's ReportView (filters, CSV/XLSX export) over computed rows."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from wagtail.admin.views.mixins import ExcelDateFormatter
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Page, Site

from wegweiser.reports.permissions import can_view_office_reports
from wegweiser.reports.selection import ListingSelection
from wegweiser.reports.xlsx_charts import XlsxChart, add_bar_chart
from wegweiser.site.models import PortalSettings
from wegweiser.site.spreadsheets import SpreadsheetExportMixin


class OfficeReportView(SpreadsheetExportMixin, ReportView):
    """A report only the integration office sees; rows are plain objects, not a queryset.

    Subclasses implement :meth:`get_rows` (computed once a request, as :attr:`rows`) and may add context in
    :meth:`get_report_context`. Each report also has a print view (``print_view=True``): one page for the
    council, without the admin around it. The ``url_name`` names the rest: the URLs, the results template
    ``reports/<url_name>_results.html`` (extending ``reports/report_results.html``, which draws the table's
    headings from :attr:`table_columns`: the results template writes only a row) and, unless
    ``export_filename`` says otherwise, the export's file name.
    """

    url_name = ""
    #: The export's columns in their order, each with its heading: ``list_export`` and ``export_headings`` said
    #: once. A report whose columns depend on the request sets it in :meth:`get_rows`.
    export_columns: dict = {}
    #: The columns of the table on the page, in their order: keys of :attr:`export_columns`, shown under their
    #: export headings (one declaration for the page and the export). Empty: every export column.
    table_columns: tuple[str, ...] = ()
    #: ``{key: heading}`` for a column the page names differently from the export.
    table_headings: dict = {}
    print_template_name = "reports/print.html"
    paginate_by = 50
    print_view = False
    no_results_message = _("No current listings match these filters.")

    def dispatch(self, request, *args, **kwargs):
        if not can_view_office_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def list_export(self) -> list[str]:
        return list(self.export_columns)

    @property
    def export_headings(self) -> dict:
        return self.export_columns

    @property
    def results_template_name(self):
        return f"reports/{self.url_name}_results.html"

    @property
    def export_filename(self):
        return self.url_name

    @property
    def index_url_name(self):
        return f"reports:{self.url_name}"

    @property
    def index_results_url_name(self):
        return f"reports:{self.url_name}_results"

    def _filter_query(self) -> str:
        """The query string of the filters in force, without export, page or fragment parameters."""
        query = self.request.GET.copy()
        for name in ("export", self.page_kwarg, "_w_filter_fragment"):
            query.pop(name, None)
        return f"?{query.urlencode()}" if query else ""

    @property
    def print_url(self) -> str:
        return reverse(f"reports:{self.url_name}_print") + self._filter_query()

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(_("Print / PDF"), url=self.print_url, icon_name="doc-full", priority=10),
        ]

    def get_paginate_by(self, queryset):
        return None if self.print_view else super().get_paginate_by(queryset)

    @property
    def active_filters(self):
        """The print page names the filters itself, as text, without the buttons that remove them."""
        return [] if self.print_view else self.wagtail_active_filters

    @cached_property
    def wagtail_active_filters(self) -> list:
        # The parent's cached_property by its function: through super() it would cache under our name.
        return ReportView.active_filters.func(self)

    @cached_property
    def filters_in_force(self) -> list[tuple[str, str]]:
        """``(label, value)`` of every filter the report was narrowed by, as the filter bar shows them."""
        return [(str(active.field_label), str(active.value)) for active in self.wagtail_active_filters]

    def print_heading(self) -> dict:
        """Who made the report and when: the town's office (or the site's name) and today's date."""
        site = Site.find_for_request(self.request) or Site.objects.filter(is_default_site=True).first()
        office = PortalSettings.for_site(site).office_name if site else ""
        heading = {
            "town": office or (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME,
            "printed_on": timezone.localdate(),
            "filters_in_force": self.filters_in_force,
            "report_url": self.index_url + self._filter_query(),
        }
        heading["page_footer_css"] = css_string(f"{heading['town']} · {self.get_page_title()}")
        return heading

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": Page.objects.none()}

    @cached_property
    def cleaned_filters(self) -> dict:
        if self.filters is not None and self.filters.is_valid():
            return self.filters.form.cleaned_data
        return {}

    @cached_property
    def filter_errors(self) -> list[str]:
        """Filter values that could not be understood; the report runs without them and says so."""
        if self.filters is None or self.filters.is_valid():
            return []
        return [
            f"{self.filters.form[name].label}: {' '.join(errors)}"
            for name, errors in self.filters.errors.items()
        ]

    @cached_property
    def selection(self) -> ListingSelection:
        if self.filters is None or not self.filters.is_valid():
            return ListingSelection()
        return self.filters.selection()

    def get_rows(self) -> list:
        raise NotImplementedError

    @cached_property
    def rows(self) -> list:
        return self.get_rows()

    def get_filtered_queryset(self):
        return self.rows

    def get_report_context(self) -> dict:
        """More context for the report's templates; ``table_caption`` names its table for screen readers."""
        return {}

    def get_table_headings(self) -> list:
        """The headings of the table on the page (``core/admin/includes/listing_table.html``)."""
        columns = self.table_columns or self.list_export
        return [self.table_headings.get(name, self.export_columns[name]) for name in columns]

    #: The chart the XLSX export carries over its rows; ``None`` for a report without one.
    xlsx_chart: XlsxChart | None = None

    def get_xlsx_chart(self) -> XlsxChart | None:
        """:attr:`xlsx_chart`, or a chart that depends on the filters."""
        return self.xlsx_chart

    def write_xlsx(self, queryset, output):
        """Wagtail's XLSX export (header row, one row per item), plus the report's chart as a native bar chart."""
        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=sheet_title(self.get_page_title()))
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        row_count = 0
        for item in queryset:
            worksheet.append(
                self.generate_xlsx_row(worksheet, self.to_row_dict(item), date_format=date_format)
            )
            row_count += 1
        chart = self.get_xlsx_chart()
        if chart is not None:
            add_bar_chart(worksheet, chart, self.list_export, row_count)
        workbook.save(output)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["filter_errors"] = self.filter_errors
        context["print_view"] = self.print_view
        context["table_headings"] = self.get_table_headings()
        context.update(self.get_report_context())
        if self.print_view:
            context.update(self.print_heading())
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.print_view and not self.is_export:
            return TemplateResponse(self.request, self.print_template_name, context)
        return super().render_to_response(context, **response_kwargs)


def sheet_title(title) -> str:
    """``title`` as Excel allows a sheet's name: at most 31 characters, none of ``[]:*?/\\``."""
    return re.sub(r"[\[\]:*?/\\]", " ", str(title))[:31].strip() or "Sheet1"


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string for a ``<style>`` block (the print page's footer line)."""
    escaped = "".join(f"\\{ord(char):X} " if char in '"\\<>&\n' else char for char in str(text))
    return mark_safe(f'"{escaped}"')  # noqa: S308 - every character that could end the string or the style is escaped


def listings_url(selection: ListingSelection, **narrowing) -> str:
    """The drill-down: the listings report for ``selection`` narrowed further (a topic, a district …)."""
    query = QueryDict(mutable=True)
    if selection.types:
        query["listing_type"] = selection.types[0]
    for name in ("target_group", "kind", "topic", "district", "language"):
        value = narrowing.get(name, getattr(selection, name))
        if value:
            query[name] = value
    organisation = narrowing.get("organisation", selection.organisation)
    if organisation:
        query["organisation"] = str(organisation)
    if narrowing.get("stale", selection.stale_only):
        query["stale"] = "true"
    if selection.current_on:
        query["current_on"] = selection.current_on.isoformat()
    return f"{reverse('reports:listings')}?{query.urlencode()}"


NO_SEARCH_LOG = _(
    "The search log is not available on this installation yet, so there is nothing to show. "
    "Searches are counted once the search log is installed."
)
