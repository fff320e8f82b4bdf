from django.db import models
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import ModelLogEntry, Page

from wegweiser.site import (
    admin_api,
    barrier_reports,
    document_access,  # noqa: F401 - documents are public only once a live page uses them
    freshness,
    outbox_hooks,  # noqa: F401 - the outbox's admin page
    page_cache,
    scheduling_hooks,  # noqa: F401 - registers the recurring jobs and their admin page
    translation_permissions,
)
from wegweiser.site.accounts import admin_urls as account_request_urls
from wegweiser.site.accounts import privacy as account_request_privacy
from wegweiser.site.accounts.admin_views import may_review
from wegweiser.site.admin_menu import OwnPagesExplorerMenuItem, RestrictedMenuItem
from wegweiser.site.data_requests.registry import PersonalData
from wegweiser.site.models import OrganisationLogEntry
from wegweiser.site.rich_text import PublicPageLinkHandler
from wegweiser.site.scoping import (
    OFFICE_REPORTS,
    scope_the_admin_s_people_filters,
    sees_the_whole_page_tree,
    visible_in_the_page_tree,
)
from wegweiser.site.spreadsheets import defuse_wagtail_s_csv_exports
from wegweiser.site.viewsets import TaxonomyViewSetGroup


@hooks.register("register_personal_data")
def register_barrier_reports():
    """Barrier reports with an address for the answer, on the "copy or delete my data" page."""
    return PersonalData.from_module(barrier_reports, "barrier_reports", _("Reports of barriers"))


@hooks.register("register_personal_data")
def register_account_requests():
    """A request for a partner account holds its contact person's name, address and phone."""
    return PersonalData.from_module(account_request_privacy, "account_requests", _("Account requests"))


@hooks.register("register_admin_viewset")
def register_taxonomies():
    return TaxonomyViewSetGroup()


@hooks.register("register_admin_urls")
def register_translation_permission_checks():
    return translation_permissions.urlpatterns()


@hooks.register("register_admin_urls")
def register_still_valid_url():
    return [path("listings/<int:page_id>/still-valid/", freshness.still_valid, name="still_valid")]


@hooks.register("construct_homepage_panels")
def add_stale_listings_panel(request, panels):
    panels.append(freshness.StaleListingsPanel(request))


@hooks.register("register_admin_urls")
def register_account_request_urls():
    return [path("account-requests/", include((account_request_urls, "account_requests")))]


@hooks.register("register_admin_menu_item")
def register_account_requests_menu_item():
    return RestrictedMenuItem(
        _("Account requests"),
        reverse("account_requests:index"),
        shown_to=may_review,
        icon_name="group",
        order=260,
    )


@hooks.register("register_log_actions", order=100)  # after Wagtail's own hook, whose fallback it replaces
def log_organisation_owned_objects_for_their_organisation(actions):
    """Every model's history through :class:`OrganisationLogEntry` (Wagtail's table, scoped reading)."""
    actions.register_model(models.Model, OrganisationLogEntry)
    actions.log_entry_models.discard(ModelLogEntry)


#: What the office does with an account request, in its history: (action, label, message).
ACCOUNT_REQUEST_ACTIONS = (
    ("core.approve_account_request", _("Approve account request"), _("Account request approved")),
    ("core.reject_account_request", _("Reject account request"), _("Account request rejected")),
    ("core.delete_account_request", _("Delete account request"), _("Account request deleted")),
    ("core.withdraw_invitation", _("Withdraw the invitation"), _("Invitation withdrawn")),
)


@hooks.register("register_log_actions")
def register_account_request_actions(actions):
    for action, label, message in ACCOUNT_REQUEST_ACTIONS:
        actions.register_action(action, label, message)


@hooks.register("construct_reports_menu")
def leave_the_office_s_reports_out_of_a_partner_s_menu(request, menu_items):
    """Reports that list every organisation's pages answer partners 404 (``scoping.AdminScopeMiddleware``)."""
    if not sees_the_whole_page_tree(request.user):
        hidden = {reverse(name.replace("_results", "")) for name in OFFICE_REPORTS}
        menu_items[:] = [item for item in menu_items if item.url not in hidden]


@hooks.register("construct_homepage_summary_items", order=100)  # after the images and documents add theirs
def leave_the_portal_s_totals_out_of_a_partner_s_start_page(request, summary_items):
    """Wagtail's start page counted every page, image and document of the portal for a partner ("430 Seiten
    erstellt in Wegweiser"): not theirs, and the page count links into a tree they mostly may not open."""
    if not sees_the_whole_page_tree(request.user):
        summary_items.clear()


def name_what_the_page_search_counts() -> None:
    """Wagtail's page search said "1-20 von 61 None" above its results: its view names no model (Wagtail
    8.0), and the title column's header counts "{{ model_name }}". It counts pages."""
    # An admin view module: imported when the hooks load, not with this module's other imports.
    from wagtail.admin.views.pages.search import SearchView

    SearchView.verbose_name = Page._meta.verbose_name
    SearchView.verbose_name_plural = Page._meta.verbose_name_plural


# Once, when Wagtail loads the hooks (before its admin answers anything).
scope_the_admin_s_people_filters()
defuse_wagtail_s_csv_exports()
name_what_the_page_search_counts()


@hooks.register("construct_main_menu")
def open_a_partner_s_pages_at_its_organisation(request, menu_items):
    menu_items[:] = [
        OwnPagesExplorerMenuItem.replacing(item) if item.name == "explorer" else item for item in menu_items
    ]


@hooks.register("construct_explorer_page_queryset")
def partners_see_no_other_organisations_drafts_in_the_explorer(parent_page, pages, request):
    return visible_in_the_page_tree(request.user, pages)


@hooks.register("construct_page_chooser_queryset")
def partners_see_no_other_organisations_drafts_in_the_chooser(pages, request):
    return visible_in_the_page_tree(request.user, pages)


# After Wagtail's own image and document hooks (order 0), so that the scoped endpoints replace theirs.
@hooks.register("construct_admin_api", order=100)
def partners_see_only_their_collections_in_the_admin_api(router):
    admin_api.scope_the_admin_api(router)


# Marks an answer as a page of the tree, which the anonymous page cache may keep (wegweiser.site.page_cache).
hooks.register("before_serve_page", page_cache.mark_page_of_the_tree)


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html_join(
        "",
        '<link rel="stylesheet" href="{}">',
        [(static("css/admin/weekly_slots.css"),), (static("css/admin/wide_tables.css"),)],
    )


@hooks.register("register_rich_text_features", order=1)  # after Wagtail's own "page" link type
def link_pages_in_rich_text_as_the_portal_does(features):
    features.register_link_type(PublicPageLinkHandler)
