from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from wegweiser.reports import urls
from wegweiser.reports.panels import OfficeAttentionPanel
from wegweiser.reports.partner_panel import PartnerDashboardPanel, partner_organisations
from wegweiser.reports.permissions import can_view_office_reports
from wegweiser.site.admin_menu import RestrictedMenuItem


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("office-reports/", include(urls, namespace="reports"))]


@hooks.register("register_permissions")
def register_report_permission():
    return Permission.objects.filter(content_type__app_label="reports", codename="view_office_reports")


def _menu_item(label, url_name, icon, order):
    return RestrictedMenuItem(
        label,
        reverse(url_name),
        shown_to=can_view_office_reports,
        name=f"office-{url_name.split(':')[1]}",
        icon_name=icon,
        order=order,
    )


@hooks.register("register_reports_menu_item")
def register_coverage_menu_item():
    return _menu_item(_("Coverage"), "reports:coverage", "table", 10)


@hooks.register("register_reports_menu_item")
def register_duplicates_menu_item():
    return _menu_item(_("Likely duplicates"), "reports:duplicates", "copy", 11)


@hooks.register("register_reports_menu_item")
def register_freshness_menu_item():
    return _menu_item(_("Freshness"), "reports:freshness", "time", 12)


@hooks.register("register_reports_menu_item")
def register_demand_menu_item():
    return _menu_item(_("Demand"), "reports:demand", "search", 13)


@hooks.register("construct_homepage_panels")
def add_office_attention_panel(request, panels):
    if can_view_office_reports(request.user):
        panels.append(OfficeAttentionPanel(request))


@hooks.register("construct_homepage_panels")
def add_partner_dashboard_panel(request, panels):
    organisations = partner_organisations(request.user)
    if organisations:
        panels.append(PartnerDashboardPanel(request, organisations))
