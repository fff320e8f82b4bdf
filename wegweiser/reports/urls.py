"""Admin URLs of the office's reports (included under /admin/office-reports/ by wagtail_hooks)."""

from django.urls import path

from wegweiser.reports.views.coverage import CoverageReportView
from wegweiser.reports.views.demand import DemandReportView
from wegweiser.reports.views.duplicates import DuplicatesReportView
from wegweiser.reports.views.freshness import FreshnessReportView
from wegweiser.reports.views.listings import ListingsReportView

app_name = "reports"

REPORTS = (
    CoverageReportView,
    DuplicatesReportView,
    FreshnessReportView,
    DemandReportView,
    ListingsReportView,
)

urlpatterns = []
for _view in REPORTS:
    _name = _view.url_name
    urlpatterns += [
        path(f"{_name}/", _view.as_view(), name=_name),
        path(f"{_name}/results/", _view.as_view(results_only=True), name=f"{_name}_results"),
        path(f"{_name}/print/", _view.as_view(print_view=True), name=f"{_name}_print"),
    ]
