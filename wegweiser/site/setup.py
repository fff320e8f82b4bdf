"""Idempotent set-up of an installation: languages, the site's home page, the office group and workflow."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from wegweiser.site.models import HomePage, OfficeReviewTask, PortalSettings
from wegweiser.site.models.pages import office_group_name
from wegweiser.site.organisations import grant_collection_rights

OFFICE_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
WORKFLOW_NAME = "Freigabe durch das Integrationsbüro"
REVIEW_TASK_NAME = "Prüfung durch das Integrationsbüro"


def default_port(scheme: str | None = None) -> int:
    """The port of the portal's Site: 443 makes Wagtail build ``https://`` page URLs.

    From ``scheme`` if given, else from ``WAGTAILADMIN_BASE_URL`` (its explicit port, or its scheme's).
    """
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if scheme is None:
        if base.port:
            return base.port
        scheme = base.scheme
    return 443 if scheme == "https" else 80


@transaction.atomic
def ensure_portal(
    home_title: str = "Willkommen", hostname: str = "localhost", scheme: str | None = None
) -> HomePage:
    ensure_locales()
    home = ensure_home_page(home_title, hostname, default_port(scheme))
    if scheme is not None:
        Site.objects.filter(root_page=home, is_default_site=True).update(port=default_port(scheme))
    ensure_office_rights(home)
    PortalSettings.for_site(home.get_site())
    return home


def ensure_office_rights(home: Page) -> None:
    """Office permissions and the review workflow on the home page in every language."""
    for translated_home in home.get_translations(inclusive=True):
        office = ensure_office_group(translated_home)
        ensure_moderation_workflow(translated_home, office)


def ensure_locales() -> None:
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def ensure_home_page(title: str, hostname: str, port: int = 80) -> HomePage:
    default_locale = Locale.get_default()
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=default_locale)
    )
    home = HomePage.objects.filter(depth=2, locale=default_locale).first()
    if home is None:
        home = root.add_child(instance=HomePage(title=title, slug="start", locale=default_locale))
        home.save_revision().publish()
    if site is None:
        site = Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name=title
        )
    else:
        old_root = site.root_page
        if old_root.pk != home.pk:  # first set-up: Wagtail's placeholder site becomes the portal's
            site.hostname, site.port = hostname, port
        site.root_page = home
        site.save()
        if type(old_root.specific) is Page and old_root.depth == 2 and not old_root.get_children().exists():
            old_root.delete()  # Wagtail's placeholder "Welcome to your new Wagtail site!" page
    return home


def ensure_office_group(home: Page) -> Group:
    """The integration office: moderates, manages organisations and taxonomies, sees reports."""
    group, _created = Group.objects.get_or_create(name=office_group_name())
    codenames = [
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        ("core", "manage_organisations"),
    ]
    for model in ("topic", "targetgroup", "language", "district"):
        codenames += [("core", f"add_{model}"), ("core", f"change_{model}"), ("core", f"delete_{model}")]
    codenames += [
        ("core", "change_portalsettings"),
        ("core", "view_scheduledjobrun"),
        ("core", "view_outgoingmail"),
        ("core", "change_outgoingmail"),
        ("reports", "view_office_reports"),
    ]
    for app_label, codename in codenames:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission:
            group.permissions.add(permission)
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=OFFICE_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
    # The office's own pages need images and documents, and it moderates every organisation's: it works
    # with all of them, as Wagtail grants images and documents, by collection (a right on the model alone
    # opened no chooser).
    grant_collection_rights(group, Collection.get_first_root_node())
    return group


def ensure_moderation_workflow(home: Page, office: Group) -> Workflow:
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = OfficeReviewTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = OfficeReviewTask.objects.create(name=REVIEW_TASK_NAME)
        task.groups.set([office])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow
