"""The base of the office's report views: Wagtail's ReportView (filters, CSV/XLSX export) over computed rows."""

from __future__ import annotations

import itertools

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest, QueryDict
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from wegweiser.reports.permissions import can_view_office_reports
from wegweiser.reports.selection import ListingSelection
from wegweiser.site.spreadsheets import UnknownCsvDialect, csv_dialect_for, csv_response


class OfficeReportView(ReportView):
    """A report only the integration office sees; rows are plain objects, not a queryset.

    Subclasses implement :meth:`get_rows` and may add context in :meth:`get_report_context`.
    """

    url_name = ""
    results_template_name = "reports/report_results.html"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not can_view_office_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def index_url_name(self):
        return f"reports:{self.url_name}"

    @property
    def index_results_url_name(self):
        return f"reports:{self.url_name}_results"

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

    def get_filtered_queryset(self):
        return self.get_rows()

    def get_report_context(self) -> dict:
        return {}

    def write_csv_response(self, queryset):
        """The CSV export in the portal's one CSV writer: for German spreadsheets unless ``?dialect=rfc4180``."""
        try:
            dialect = csv_dialect_for(self.request)
        except UnknownCsvDialect as error:
            return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")
        header = [self.get_heading(queryset, field) for field in self.list_export]
        rows = (
            [
                self.preprocess_field_value(field, value, self.FORMAT_CSV)
                for field, value in self.to_row_dict(item).items()
            ]
            for item in queryset
        )
        return csv_response(
            f"{self.get_filename()}.csv", itertools.chain([header], rows), dialect, streaming=True
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["filter_errors"] = self.filter_errors
        context.update(self.get_report_context())
        return context


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
    "Searches are counted once the finder's search log is installed."
)
