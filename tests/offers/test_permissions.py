"""The permission table: who may do what in the admin with an offer of organisation A, checked cell by cell.

Rows are admin URLs, columns are roles. Every denied cell must answer with the login page, a
permission-denied redirect, 403 or 404, and leave the database exactly as it was. Every allowed
mutating cell must actually change it. Rights come from Wagtail's page permissions on each
organisation's subtree and the office's review workflow — nothing here is hand-rolled.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page, Revision, TaskState, WorkflowState

from tests.offers.admin_forms import offer_form_data
from wegweiser.offers.factories import OfferPageFactory
from wegweiser.offers.models import OfferPage
from wegweiser.plugin_api.testing import built_once, make_organisation, make_organisation_index, make_user
from wegweiser.site.models.pages import office_group_name
from wegweiser.site.setup import ensure_portal

ROLES = ("anonymous", "editor_a", "editor_b", "office", "admin")
A, B, OFFICE, ADMIN = "editor_a", "editor_b", "office", "admin"


@dataclass(frozen=True)
class Cell:
    """One admin URL: how to call it, and which roles may."""

    name: str
    method: str
    url: str
    allowed: frozenset[str]
    data: str | None = None
    mutates: bool = False
    # Roles whose request is refused by re-showing the form with an error (200) instead of a redirect.
    refused_with_form_error: frozenset[str] = frozenset()
    # Roles for whom Wagtail turns the request into something they may do (a publish into a draft):
    # the live page must stay as it was.
    degrades_to_draft_for: frozenset[str] = frozenset()


TABLE = [
    Cell("edit form", "GET", "/admin/pages/{offer}/edit/", frozenset({A, OFFICE, ADMIN})),
    Cell(
        "save draft",
        "POST",
        "/admin/pages/{offer}/edit/",
        frozenset({A, OFFICE, ADMIN}),
        "draft",
        mutates=True,
    ),
    Cell(
        "submit for review",
        "POST",
        "/admin/pages/{offer}/edit/",
        frozenset({A, OFFICE, ADMIN}),
        "submit",
        mutates=True,
    ),
    Cell(
        "publish",
        "POST",
        "/admin/pages/{offer}/edit/",
        frozenset({OFFICE, ADMIN}),
        "publish",
        mutates=True,
        degrades_to_draft_for=frozenset({A}),
    ),
    Cell("preview", "POST", "/admin/pages/{offer}/edit/preview/", frozenset({A, OFFICE, ADMIN}), "draft"),
    Cell("view draft", "GET", "/admin/pages/{offer}/view_draft/", frozenset({A, OFFICE, ADMIN})),
    Cell("revision", "GET", "/admin/pages/{offer}/revisions/{revision}/view/", frozenset({A, OFFICE, ADMIN})),
    Cell(
        "revert form",
        "GET",
        "/admin/pages/{offer}/revisions/{revision}/revert/",
        frozenset({A, OFFICE, ADMIN}),
    ),
    Cell(
        "revisions compare",
        "GET",
        "/admin/pages/{offer}/revisions/compare/earliest...{revision}/",
        frozenset({A, OFFICE, ADMIN}),
    ),
    Cell("history", "GET", "/admin/pages/{offer}/history/", frozenset({A, OFFICE, ADMIN})),
    Cell("workflow history", "GET", "/admin/pages/{offer}/workflow_history/", frozenset({A, OFFICE, ADMIN})),
    Cell(
        "add offer form",
        "GET",
        "/admin/pages/add/offers/offerpage/{organisation_a}/",
        frozenset({A, OFFICE, ADMIN}),
    ),
    Cell("copy form", "GET", "/admin/pages/{offer}/copy/", frozenset({A, OFFICE, ADMIN})),
    Cell(
        "copy into own organisation",
        "POST",
        "/admin/pages/{offer}/copy/",
        frozenset({A, OFFICE, ADMIN}),
        "copy_to_a",
        mutates=True,
    ),
    Cell(
        "copy into organisation B",
        "POST",
        "/admin/pages/{offer}/copy/",
        frozenset({OFFICE, ADMIN}),
        "copy_to_b",
        mutates=True,
        refused_with_form_error=frozenset({A}),
    ),
    Cell("move form", "GET", "/admin/pages/{offer}/move/", frozenset({OFFICE, ADMIN})),
    Cell(
        "move to organisation B",
        "POST",
        "/admin/pages/{offer}/move/{organisation_b}/confirm/",
        frozenset({OFFICE, ADMIN}),
        mutates=True,
    ),
    Cell("delete form", "GET", "/admin/pages/{offer}/delete/", frozenset({OFFICE, ADMIN})),
    Cell("delete", "POST", "/admin/pages/{offer}/delete/", frozenset({OFFICE, ADMIN}), mutates=True),
    Cell("unpublish", "POST", "/admin/pages/{offer}/unpublish/", frozenset({OFFICE, ADMIN}), mutates=True),
    Cell("lock", "POST", "/admin/pages/{offer}/lock/", frozenset({A, OFFICE, ADMIN}), mutates=True),
    Cell(
        "approve submitted change",
        "POST",
        "/admin/pages/workflow/action/{submitted}/approve/{task_state}/",
        frozenset({OFFICE, ADMIN}),
        "comment",
        mutates=True,
    ),
    Cell(
        "reject submitted change",
        "POST",
        "/admin/pages/workflow/action/{submitted}/reject/{task_state}/",
        frozenset({OFFICE, ADMIN}),
        "comment",
        mutates=True,
    ),
    Cell(
        "cancel review",
        "POST",
        "/admin/pages/{submitted}/edit/",
        frozenset({A, OFFICE, ADMIN}),
        "cancel",
        mutates=True,
    ),
    # Wagtail's read-only confirmation dialog changes nothing, but would tell B that A's page with
    # unpublished changes is in review: another organisation's such page is not found for B.
    Cell(
        "cancel review dialog",
        "GET",
        "/admin/pages/workflow/confirm_cancellation/{submitted}/",
        frozenset({A, OFFICE, ADMIN}),
    ),
    # Everyone with admin access may open the import; the organisation choice offers only their own.
    Cell("import form", "GET", "/admin/offers/import/", frozenset({A, B, OFFICE, ADMIN})),
    Cell(
        "import into organisation A",
        "POST",
        "/admin/offers/import/",
        frozenset({A, OFFICE, ADMIN}),
        "import",
        mutates=True,
        refused_with_form_error=frozenset({B}),
    ),
]


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker):
    """Built once for the module in a transaction rolled back at its end; each test runs in a savepoint,
    so whatever a role manages to change is undone before the next one tries."""
    with built_once(django_db_blocker, _build_scene) as built:
        yield built


def _build_scene():
    """A live offer of organisation A with two revisions, and a second one submitted for review."""
    home = ensure_portal(home_title="Willkommen in Teststadt")
    index = make_organisation_index(home)
    organisation_a = make_organisation(index, "Verein A", "verein-a")
    organisation_b = make_organisation(index, "Verein B", "verein-b")
    editor_a = make_user("editor-a", organisation_a.editors_group)
    editor_b = make_user("editor-b", organisation_b.editors_group)
    office_user = make_user("office", Group.objects.get(name=office_group_name()))
    admin_user = get_user_model().objects.create_superuser(
        "admin", "admin@example.org", "correct horse battery"
    )
    offer = OfferPageFactory(parent=organisation_a, title="Sprachcafé", slug="sprachcafe", live=True)
    offer.save_revision(user=editor_a).publish()
    offer.summary = "Deutsch üben bei Kaffee und Tee."
    revision = offer.save_revision(user=office_user)
    revision.publish()
    submitted = OfferPageFactory(parent=organisation_a, title="Frauentreff", slug="frauentreff", live=True)
    submitted.summary = "Neue Zeiten."
    submitted_revision = submitted.save_revision(user=editor_a)
    workflow = submitted.get_workflow()
    workflow.start(submitted, editor_a)
    submitted.refresh_from_db()
    users = {"anonymous": None, A: editor_a, B: editor_b, OFFICE: office_user, ADMIN: admin_user}
    ids = {
        "offer": offer.pk,
        "revision": revision.pk,
        "submitted": submitted.pk,
        "submitted_revision": submitted_revision.pk,
        "task_state": submitted.current_workflow_task_state.pk,
        "organisation_a": organisation_a.pk,
        "organisation_b": organisation_b.pk,
    }
    return users, ids


def _data(kind: str | None, ids: dict) -> dict:
    if kind in ("draft", "submit", "publish"):
        return offer_form_data(
            None if kind == "draft" else kind,
            title="Übernommenes Sprachcafé",
            slug="sprachcafe",
            summary="Neu",
        )
    if kind == "copy_to_a":
        return {
            "new_title": "Sprachcafé (Kopie)",
            "new_slug": "sprachcafe-kopie",
            "new_parent_page": ids["organisation_a"],
        }
    if kind == "copy_to_b":
        return {
            "new_title": "Sprachcafé (Kopie)",
            "new_slug": "sprachcafe-kopie",
            "new_parent_page": ids["organisation_b"],
        }
    if kind == "cancel":
        data = offer_form_data(title="Frauentreff", slug="frauentreff", summary="Neue Zeiten.")
        data["action-cancel-workflow"] = "on"
        return data
    if kind == "import":
        upload = SimpleUploadedFile("angebote.csv", b"title;summary;kind\nImportiert;Neu;group\n", "text/csv")
        return {"organisation": ids["organisation_a"], "file": upload}
    if kind == "comment":
        return {"comment": "Geprüft."}
    return {}


def database_state() -> tuple:
    """Everything a denied request could have changed."""
    pages = tuple(
        Page.objects.order_by("pk").values_list(
            "pk", "title", "slug", "path", "live", "has_unpublished_changes", "locked", "latest_revision_id"
        )
    )
    offers = tuple(OfferPage.objects.order_by("pk").values_list("pk", "summary", "organisation_id"))
    revisions = Revision.objects.count()
    workflows = tuple(WorkflowState.objects.order_by("pk").values_list("pk", "status"))
    tasks = tuple(TaskState.objects.order_by("pk").values_list("pk", "status"))
    return pages, offers, revisions, workflows, tasks


def live_content() -> tuple:
    return tuple(OfferPage.objects.order_by("pk").values_list("pk", "title", "summary", "live", "path"))


def _is_denied(response) -> bool:
    if response.status_code in (403, 404):
        return True
    if response.status_code == 302:
        location = response["Location"]
        return location.startswith("/admin/login/") or location == "/admin/"
    return False


def _form_errors(response) -> bool:
    return response.status_code == 200 and bool(response.context and response.context.get("form").errors)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("cell", TABLE, ids=lambda cell: cell.name)
def test_permission_table(client, scene, db, cell, role):
    users, ids = scene
    if users[role] is not None:
        client.force_login(users[role])
    url = cell.url.format(**ids)
    before, live_before = database_state(), live_content()
    mail.outbox.clear()
    if cell.method == "GET":
        response = client.get(url)
    else:
        response = client.post(url, _data(cell.data, ids))
    after = database_state()

    if role in cell.allowed:
        assert not _is_denied(response), f"{role} should be allowed: {cell.name} ({response.status_code})"
        assert response.status_code == 200 if cell.method == "GET" else response.status_code in (200, 302)
        if cell.mutates:
            assert after != before, f"{role} was allowed to {cell.name} but nothing changed"
    elif role in cell.degrades_to_draft_for:
        assert response.status_code in (200, 302)
        assert live_content() == live_before, f"{role} must not {cell.name}, but the live page changed"
    elif role in cell.refused_with_form_error:
        assert _form_errors(response), f"{role} must not {cell.name}: no error shown ({response.status_code})"
        assert after == before, f"{role} was refused {cell.name} but the database changed"
    else:
        assert _is_denied(response), f"{role} must not {cell.name}: got {response.status_code}"
        if role == "anonymous":
            assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
        assert after == before, f"{role} was denied {cell.name} but the database changed"
        assert not mail.outbox
