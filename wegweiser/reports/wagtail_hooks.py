from functools import partial

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks

from wegweiser.reports import urls
from wegweiser.reports.panels import OfficeAttentionPanel
from wegweiser.reports.partner_panel import PartnerDashboardPanel, partner_organisations
from wegweiser.reports.permissions import can_view_office_reports
from wegweiser.reports.views.coverage import CoverageReportView
from wegweiser.reports.views.demand import DemandReportView
from wegweiser.reports.views.duplicates import DuplicatesReportView
from wegweiser.reports.views.freshness import FreshnessReportView
from wegweiser.site.admin_menu import RestrictedMenuItem


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("office-reports/", include(urls, namespace="reports"))]


@hooks.register("register_permissions")
def register_report_permission():
    return Permission.objects.filter(content_type__app_label="reports", codename="view_office_reports")


#: The reports in Wagtail's Reports menu, in this order (the listings report is reached from their figures).
MENU_REPORTS = (CoverageReportView, DuplicatesReportView, FreshnessReportView, DemandReportView)


def _menu_item(view, order):
    return RestrictedMenuItem(
        view.page_title,
        reverse(f"reports:{view.url_name}"),
        shown_to=can_view_office_reports,
        name=f"office-{view.url_name}",
        icon_name=view.header_icon,
        order=order,
    )


for _order, _view in enumerate(MENU_REPORTS, start=10):
    hooks.register("register_reports_menu_item", partial(_menu_item, _view, _order))


@hooks.register("construct_homepage_panels")
def add_office_attention_panel(request, panels):
    if can_view_office_reports(request.user):
        panels.append(OfficeAttentionPanel(request))


@hooks.register("construct_homepage_panels")
def add_partner_dashboard_panel(request, panels):
    organisations = partner_organisations(request.user)
    if organisations:
        panels.append(PartnerDashboardPanel(request, organisations))
