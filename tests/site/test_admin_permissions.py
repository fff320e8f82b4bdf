"""Partner isolation in the admin, tried as an attacker would."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.log_actions import log
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views.snippets import SnippetViewSet

from tests.events.conftest import make_event
from tests.site.admin_world import ROLES, SECRET, admin_urls, build_world, url_kwargs
from wegweiser.events.models import EventRegistration
from wegweiser.plugin_api.testing import built_once
from wegweiser.site.checks import check_organisation_scoping
from wegweiser.site.scoping import OrganisationScopedViewSetMixin


@pytest.fixture
def registration_of_b(organisation_b):
    event = make_event(organisation_b, title="Elterncafé B")
    return EventRegistration.objects.create(
        event=event,
        occurrence_start=event.start,
        name="Leyla Yilmaz",
        email="leyla@example.org",
        status=EventRegistration.Status.CONFIRMED,
    )


def test_partner_cannot_open_change_or_move_another_organisations_event_registration(
    client, editor_a, organisation_a, registration_of_b
):
    event_of_a = make_event(organisation_a, title="Sprachcafé A")
    client.force_login(editor_a)
    pk = registration_of_b.pk

    for url in (
        f"/admin/event_registrations/edit/{pk}/",
        f"/admin/event_registrations/history/{pk}/",
        f"/admin/event_registrations/usage/{pk}/",
        f"/admin/event_registrations/delete/{pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Leyla" not in response.content.decode()

    response = client.post(
        f"/admin/event_registrations/edit/{pk}/",
        {
            "event": event_of_a.pk,
            "occurrence_start": "2026-03-03 19:00",
            "name": "Leyla Yilmaz",
            "email": "attacker@example.org",
            "status": EventRegistration.Status.WITHDRAWN,
        },
    )
    assert response.status_code == 404
    client.post(f"/admin/event_registrations/delete/{pk}/")

    registration = EventRegistration.objects.get(pk=pk)
    assert registration.event_id == registration_of_b.event_id
    assert registration.email == "leyla@example.org"
    assert registration.status == EventRegistration.Status.CONFIRMED
    assert "Leyla" not in client.get("/admin/event_registrations/").content.decode()


def test_a_partner_s_site_history_shows_no_other_organisation_s_registrants(
    client, editor_a, editor_b, registration_of_b
):
    # B's editor changed the registration in the admin. Its log entry names the record by its number: the
    # history outlives the registration, which is erased on request or after its time.
    entry = log(registration_of_b, "wagtail.edit", user=editor_b)
    assert "Leyla" not in entry.label and str(registration_of_b.pk) in entry.label

    def site_history(export: str = "") -> str:
        response = client.get("/admin/reports/site-history/", {"export": export} if export else {})
        assert response.status_code == 200
        return b"".join(response.streaming_content if response.streaming else [response.content]).decode()

    client.force_login(editor_a)
    assert entry.label not in site_history() and entry.label not in site_history("csv")
    client.force_login(editor_b)
    assert entry.label in site_history() and entry.label in site_history("csv")
    history = client.get(f"/admin/event_registrations/history/{registration_of_b.pk}/")
    assert "editor-b" in history.content.decode()


def test_entries_logged_with_a_person_s_name_are_relabelled_by_number_when_migrating(registration_of_b):
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import ModelLogEntry

    from wegweiser.plugin_api import label_records_by_number

    logged = ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(EventRegistration),
        object_id=str(registration_of_b.pk),
        label="Leyla Yilmaz – Elterncafé B (bestätigt)",
        action="wagtail.edit",
        timestamp=timezone.now(),
    )
    label_records_by_number("events", "eventregistration").code(apps, None)
    logged.refresh_from_db()
    assert logged.label == f"Veranstaltungsanmeldung {registration_of_b.pk}"


def test_a_partner_opening_another_organisation_s_drafts_and_files_by_id_learns_no_title(
    client, organisation_a, editor_a, editor_b, organisation_b
):
    renamed = make_event(organisation_b, title="Elterncafé B")
    renamed.title = "Elterncafé Neu-Geheim"  # not published yet: the new title is B's
    renamed.save_revision()
    unpublished = make_event(organisation_b, title="Vorschau-Geheim")
    unpublished.unpublish()
    image = Image.objects.create(
        title="Bild-Geheim", file=get_test_image_file(), collection=organisation_b.collection
    )
    document = Document.objects.create(
        title="Dokument-Geheim",
        file=ContentFile(b"%PDF-1.4", name="notizen.pdf"),
        collection=organisation_b.collection,
    )
    addresses = [
        f"/admin/pages/{renamed.pk}/",
        f"/admin/choose-page/{renamed.pk}/",
        f"/admin/pages/{unpublished.pk}/",
        f"/admin/pages/{unpublished.pk}/move/{organisation_a.pk}/confirm/",
        f"/admin/bulk/wagtailcore/page/delete/?id={unpublished.pk}",
        f"/admin/bulk/wagtailcore/page/publish/?id={renamed.pk}",
        f"/admin/bulk/wagtailimages/image/delete/?id={image.pk}",
        f"/admin/bulk/wagtailimages/image/add_to_collection/?id={image.pk}",
        f"/admin/bulk/wagtaildocs/document/delete/?id={document.pk}",
        "/admin/reports/page-types-usage/",
        "/admin/bulk/nothing/nomodel/delete/?id=1",  # no such model: not found, no server error
        # Wagtail reads an id with int(): " 421", "+421", "4_21" and "٤٢١" are 421, and went unchecked
        *(
            f"/admin/bulk/{model}/{action}/?id={quote(sent)}"
            for model, action, pk in (
                ("wagtailcore/page", "delete", unpublished.pk),
                ("wagtailcore/page", "publish", renamed.pk),
                ("wagtailimages/image", "add_tags", image.pk),
                ("wagtaildocs/document", "add_to_collection", document.pk),
            )
            for sent in (f" {pk}", f"+{pk}", f"{pk} ", _underscored(pk), _arabic_digits(pk))
        ),
        "/admin/bulk/wagtailcore/page/delete/?id=%C2%B2",  # "²" is a digit to isdigit(), not to int()
        "/admin/bulk/wagtailcore/page/delete/?id=all&childOf=%C2%B2",
    ]
    client.force_login(editor_a)
    client.raise_request_exception = False
    for address in addresses:
        response = client.get(address, follow=True)
        assert response.status_code < 500 and "Geheim" not in body_of(response), address
    menu = client.get("/admin/").content.decode()
    assert "/admin/reports/page-types-usage/" not in menu and "/admin/reports/aging-pages/" in menu
    client.force_login(editor_b)  # B's own editor still finds them where they were
    assert "Neu-Geheim" in body_of(client.get(f"/admin/pages/{renamed.pk}/"))
    assert "Bild-Geheim" in body_of(client.get(f"/admin/bulk/wagtailimages/image/delete/?id={image.pk}"))


def _underscored(pk: int) -> str:
    return f"{pk}"[0] + "_" + f"{pk}"[1:] if pk > 9 else f"0_{pk}"


def _arabic_digits(pk: int) -> str:
    return str(pk).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def test_a_partner_selecting_all_pages_of_another_organisation_for_a_bulk_action_learns_no_title(
    client, organisation_a, editor_a, editor_b, organisation_b
):
    # Wagtail's "select all in listing" sends no ids but ``id=all`` and the listing's parent (``childOf``);
    # the bulk action's confirmation lists every page of it, those the user may not act on by title too.
    renamed = make_event(organisation_b, title="Elterncafé B")
    renamed.title = "Elterncafé Neu-Geheim"
    renamed.save_revision()
    make_event(organisation_b, title="Vorschau-Geheim").unpublish()
    index = organisation_b.get_parent()
    client.force_login(editor_a)
    for query in (
        f"id=all&childOf={organisation_b.pk}",
        f"id=all&childOf={index.pk}&q=Vorschau",  # searching from a page on the way: all its descendants
        "id=all&q=Vorschau",  # no parent: every page
        "id=all",
    ):
        for action in ("delete", "unpublish", "move"):
            address = f"/admin/bulk/wagtailcore/page/{action}/?{query}"
            response = client.get(address)
            assert response.status_code == 404 and "Geheim" not in body_of(response), address
        before = rows_written()
        assert client.post(f"/admin/bulk/wagtailcore/page/delete/?{query}").status_code == 404
        assert rows_written() == before
    assert client.get("/admin/bulk/wagtailcore/page/delete/?id=all&childOf=999999").status_code == 404
    client.force_login(editor_b)  # B's own editor selects all of its own pages as before
    own = client.get(f"/admin/bulk/wagtailcore/page/delete/?id=all&childOf={organisation_b.pk}")
    assert "Neu-Geheim" in body_of(own) and "Vorschau-Geheim" in body_of(own)


def test_a_partner_naming_another_organisation_s_records_in_a_snippet_bulk_action_learns_no_name(
    client, editor_a, editor_b, registration_of_b, monkeypatch
):
    # A plugin may show its organisation-owned records as snippets (OrganisationScopedViewSetMixin, see
    # docs/plugins.md); a snippet bulk action's confirmation lists every record it is sent, by name, those
    # the user may not act on too. Here the registrations stand for such a snippet.
    class DeleteRegistrations(DeleteBulkAction):
        models = [EventRegistration]

    bulk_action_registry.get_bulk_actions_for_model("events", "eventregistration")  # scanned once
    registered = {"eventregistration": {"delete": DeleteRegistrations}}
    monkeypatch.setitem(bulk_action_registry.actions, "events", registered)
    registrations = next(viewset for viewset in viewsets.viewsets if viewset.name == "event_registrations")
    monkeypatch.setattr(EventRegistration, "snippet_viewset", registrations, raising=False)
    address = f"/admin/bulk/events/eventregistration/delete/?id={registration_of_b.pk}"

    client.force_login(editor_a)
    for query in (f"id={registration_of_b.pk}", "id=all"):
        response = client.get(f"/admin/bulk/events/eventregistration/delete/?{query}")
        assert response.status_code == 404 and "Leyla" not in body_of(response), query
        before = rows_written()
        assert client.post(f"/admin/bulk/events/eventregistration/delete/?{query}").status_code == 404
        assert rows_written() == before
    assert EventRegistration.objects.filter(pk=registration_of_b.pk).exists()
    client.force_login(editor_b)  # B's own editor still has its registrant listed
    assert "Leyla" in body_of(client.get(address))


def test_partner_cannot_move_own_registrant_to_another_organisations_event(
    client, editor_a, organisation_a, registration_of_b
):
    event_of_a = make_event(organisation_a, title="Sprachcafé A")
    own = EventRegistration.objects.create(
        event=event_of_a,
        occurrence_start=event_of_a.start,
        name="Olena Koval",
        email="olena@example.org",
        status=EventRegistration.Status.CONFIRMED,
    )
    client.force_login(editor_a)
    form = client.get(f"/admin/event_registrations/edit/{own.pk}/").content.decode()
    assert "Sprachcafé A" in form
    assert "Elterncafé B" not in form

    # the event, the date, the name and the address are the person's: shown, and not changed by a form
    response = client.post(
        f"/admin/event_registrations/edit/{own.pk}/",
        {
            "event": registration_of_b.event_id,
            "occurrence_start": "2026-03-03 19:00",
            "name": "Someone Else",
            "email": "else@example.org",
            "status": EventRegistration.Status.CONFIRMED,
        },
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.event_id == event_of_a.pk
    assert own.occurrence_start == event_of_a.start
    assert (own.name, own.email) == ("Olena Koval", "olena@example.org")


# --- Every admin URL, every role -------------------------------------------------------------------
#
# The expected outcome per URL name, as data: the first rule whose pattern matches the name applies.
# Each rule gives one letter per role, in the order anonymous, editor of A (the outsider), editor of B
# (the owner of every object the URL points at), the office, a superuser:
#   A = allowed, D = denied (403/404, or sent to the login or the dashboard), - = not asserted.
# POST (an attacker's payload) is tried for views that change data (add, edit, delete, lock, approve ...)
# and wherever a rule gives POST letters.
# A new admin URL that no rule matches fails the test: add a rule here.


# Runs before the module's world is built (it needs a portal of its own).
def test_a_scoped_snippets_chooser_offers_only_the_users_organisations_objects(
    rf, editor_a, editor_b, registration_of_b
):
    class RegistrationSnippets(OrganisationScopedViewSetMixin, SnippetViewSet):
        model = EventRegistration

    choose = RegistrationSnippets().chooser_viewset.choose_view

    def offered_names(user) -> list[str]:
        request = rf.get("/")
        request.user = user
        view = choose.view_class(**choose.view_initkwargs)
        view.setup(request)
        return [registration.name for registration in view.get_object_list()]

    assert offered_names(editor_b) == ["Leyla Yilmaz"]
    assert offered_names(editor_a) == []


@dataclass(frozen=True)
class Rule:
    pattern: str
    get: str | None
    post: str | None = None
    fails_on_purpose: str = ""  # why an "E" (server error) is the expected answer here


RULES = (
    # Wagtail's /admin/failwhale/ raises, so that an office can see its error reporting work; only for
    # people with admin access: anyone else is sent to the login.
    Rule(r"^wagtailadmin_error_test$", "DEEEE", fails_on_purpose="Wagtail's test of the error page"),
    Rule(r"^admin/test404/$", "-----"),
    Rule(r"^wagtailadmin_(login|password_reset.*)$", "A----", "-----"),
    Rule(r"^wagtailadmin_(logout|sprite|javascript_catalog)$|^wagtail_localize:javascript_catalog$", "-----"),
    # The plugins' organisation-owned data: only its organisation (and a superuser) sees it.
    Rule(r"^event_registrations:index(_results)?$", "DAADA"),
    Rule(r"^event_registrations:", "DDADA", "DDADA"),
    Rule(r"^calendar_feeds:(index(_results)?|add)$", "DAADA", "DAADA"),
    Rule(r"^calendar_feeds:", "DDADA", "DDADA"),
    Rule(r"^volunteers_inbox:(index|export)$", "DAA-A"),
    Rule(r"^volunteers_inbox:detail$", "DDADA", "DDADA"),
    Rule(r"^volunteers_inbox:report$", "DDDAA"),
    Rule(r"^still_valid$", "D----", "DDAAA"),
    Rule(r"^offers_admin:", "DAAAA"),
    # The office's own work.
    Rule(r"^account_requests:(index|detail)$", "DDDAA"),
    Rule(r"^account_requests:(resend|withdraw)$", "DDD--", "DDD--"),  # only for approved requests
    Rule(r"^account_requests:", "DDD--", "DDDAA"),
    Rule(r"^reports:", "DDDAA"),
    Rule(r"^scheduled_jobs$", "DDDAA"),
    Rule(r"^outbox$", "DDDAA", "DDDAA"),
    # Pages: Wagtail's page permissions on each organisation's subtree.
    Rule(r"^wagtailadmin_pages:(edit|history|history_results|revisions_index|usage)$", "DDAAA", "DD---"),
    Rule(r"^wagtailadmin_pages:(lock|unlock)$", "D----", "DDAAA"),
    Rule(r"^wagtailadmin_pages:(type_use|type_use_results|search|search_results|choose_parent)$", "D----"),
    Rule(r"^wagtailadmin_pages:confirm_workflow_cancellation$", "D----"),
    Rule(r"^wagtailadmin_pages:move_confirm$", "D----", "DD---"),
    Rule(r"^wagtailadmin_pages:", "DD---", "DD---"),
    # Explorer and page chooser: every editor may browse, a partner sees no other organisation's drafts.
    Rule(r"^wagtailadmin_(explore|explore_results)$", "DAAAA"),
    Rule(r"^wagtailadmin_choose_page(_child)?$", "DAAAA"),
    # Wagtail's reports that list every organisation's newest drafts and translations: the office's.
    Rule(r"^wagtailadmin_reports:page_types_usage(_results)?$", "DDDAA"),
    # The admin API's images and documents: what the user's choosers offer (wegweiser.site.admin_api).
    Rule(r"^wagtailadmin_api:(images|documents):listing$", "DAAAA"),
    Rule(r"^wagtailadmin_api:(images|documents):detail$", "DDA-A"),
    Rule(r"^wagtailadmin_api:(images|documents):", "D----"),
    Rule(r"^(wagtailadmin_|wegweiser_|wagtail_localize:)", "D----", "D----"),
    # Images and documents: each organisation's own collection.
    # The office works with every organisation's (its own pages and its moderation need them); it deletes
    # none but its own uploads.
    Rule(r"^wagtail(images|docs):(edit|image_usage|document_usage)$", "DDAAA", "DDA-A"),
    Rule(r"^wagtail(images|docs):delete$", "DDA-A", "DDA-A"),
    Rule(r"^wagtail(images|docs)(_chooser)?:", "D----", "D----"),
    # Site-wide settings, users, taxonomies: the office or the superuser.
    Rule(r"^wagtail(snippets|snippetchoosers)_", "D----", "D----"),
    Rule(r"^wagtailsnippets:index$", "D----"),
    Rule(r"^wagtailsettings:preview_on_edit$", "D----", "D----"),  # portal settings have no preview
    Rule(r"^wagtailsettings:", "DDD-A", "DDD-A"),
    Rule(r"^wagtail(users_users|users_groups|sites|locales)", "DDD-A", "DDD-A"),
    Rule(r"^wagtail(redirects|forms|embeds)", "D----", "D----"),
    Rule(r"^wagtail_bulk_action$", "D----", "D----"),
)

POST_NAME = re.compile(
    r"(^|[:_])(add|create|edit|copy|delete|lock|unlock|still_valid|approve|reject|resend|move_confirm)(_multiple)?$"
)


def rule_for(name: str) -> Rule:
    for rule in RULES:
        if re.search(rule.pattern, name):
            return rule
    pytest.fail(
        f"No permission rule for the admin URL {name!r}: add one to RULES in {__file__} "
        "(who may GET it, and POST if it changes data)."
    )


def outcome(response) -> str:
    """A (allowed), D (denied), E (server error) or - (method not allowed) for one answer.

    Redirects are followed: one to the login or the dashboard anywhere in the chain is a denial.
    """
    if response.status_code >= 500:
        return "E"
    chain = [location for location, _status in getattr(response, "redirect_chain", [])]
    if response.status_code == 302:
        chain.append(response["Location"])
    if any(_is_denied_redirect(location) for location in chain):
        return "D"
    if response.status_code == 405:
        return "-"
    return "D" if response.status_code in (401, 403, 404) else "A"


def _is_denied_redirect(location: str) -> bool:
    path = location.split("?")[0]
    return path == "/admin/" or path.startswith("/admin/login/")


def body_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


def request_following(client, method: str, address: str, data=None):
    """The answer after following redirects, as ``follow=True`` gives it, except that a redirect to the
    login or the dashboard (a denial) is not followed: what those pages show is not what is tested, and
    rendering the dashboard's panels for every denial made up a fifth of this module's time."""
    response = client.post(address, data) if method == "POST" else client.get(address)
    chain = []
    while response.status_code in (301, 302, 303, 307, 308) and len(chain) < 10:
        location = response["Location"]
        chain.append((location, response.status_code))
        if _is_denied_redirect(location):
            break
        response = client.get(location)
    response.redirect_chain = chain
    return response


def rows_written() -> int:
    """Rows inserted, updated or deleted so far on this connection (in this transaction on PostgreSQL)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT total_changes()")
        else:
            cursor.execute(
                "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_xact_user_tables"
            )
        return cursor.fetchone()[0]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module, in a transaction rolled back at its end; each test runs in a savepoint."""
    with built_once(django_db_blocker, build_world) as built:
        yield built


URLS = admin_urls()


def attack_payload(world) -> dict:
    a = world.objects["organisation_a"]
    return {
        "title": "Übernommen",
        "slug": "uebernommen",
        "name": "Übernommen",
        "email": "attacker@example.org",
        "status": EventRegistration.Status.WITHDRAWN,
        "event": world.objects["event_a"].pk,
        "organisation": a.pk,
        "collection": a.collection_id,
        "url": "https://example.org/attacker.ics",
        "publish_mode": "draft",
        "next": "/admin/pages/",  # where a successful action returns, so that it is not the dashboard
    }


@pytest.mark.parametrize("url", URLS, ids=[f"{url.name}|{url.route}" for url in URLS])
def test_every_admin_url_answers_each_role_as_the_rules_say(world, db, settings, url):
    rule = rule_for(url.name)
    address = (
        reverse(url.name, kwargs=url_kwargs(url, world)) if ":" in url.name or "/" not in url.name else None
    )
    address = address or "/" + url.route
    methods = [("GET", rule.get)]
    if POST_NAME.search(url.name) or rule.post is not None:
        assert rule.post is not None, f"{url.name} changes data: give its rule POST letters"
        methods.append(("POST", rule.post))
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"  # logins write no rows
    client = Client(raise_request_exception=False)
    problems = []
    for method, letters in methods:
        observed = ""
        for role, expected in zip(ROLES, letters, strict=True):
            if expected == "-" and (role not in ("superuser", "editor_a") or method == "POST"):
                observed += "-"  # not asserted; the superuser's GET is always tried, for server errors,
                continue  # and editor A's, for organisation B's data in whatever it answers
            with transaction.atomic():
                user = world.user(role)
                if user is None:
                    client.logout()
                else:
                    client.force_login(user)
                before = rows_written()
                data = attack_payload(world) if method == "POST" else None
                response = request_following(client, method, address, data)
                got = outcome(response)
                observed += got
                if got == "E" and not (expected == "E" and rule.fails_on_purpose):
                    problems.append(f"{method} as {role}: server error {response.status_code}")
                if got == "D" and rows_written() != before:
                    problems.append(f"{method} as {role} was denied but changed the database")
                if role == "editor_a" and SECRET in body_of(response):
                    problems.append(f"{method} as editor A shows organisation B's data")
                transaction.set_rollback(True)
        # "-" observed: the view does not take this method (405), so it did nothing either way.
        mismatch = any("-" not in (e, g) and e != g for e, g in zip(letters, observed, strict=True))
        if mismatch:
            problems.append(f"{method} {address}: expected {letters}, got {observed}")
    assert not problems, f"{url.name}: " + "; ".join(problems)


def test_registering_organisation_owned_data_in_an_unscoped_viewset_fails_the_system_check():
    unscoped = ModelViewSet("all_registrations", model=EventRegistration, form_fields=["name", "email"])
    viewsets.viewsets.append(unscoped)
    try:
        errors = check_organisation_scoping()
    finally:
        viewsets.viewsets.remove(unscoped)
    assert [(error.id, error.obj) for error in errors] == [("wegweiser.E010", unscoped)]
    assert check_organisation_scoping() == []


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_the_admin_api_lists_an_organisations_images_and_documents_only_to_that_organisation(
    world, db, endpoint
):
    client = Client()
    titles = {}
    for role in ("editor_a", "editor_b", "superuser"):
        client.force_login(world.user(role))
        response = client.get(f"/admin/api/main/{endpoint}/")
        assert response.status_code == 200
        titles[role] = [item["title"] for item in response.json()["items"]]
    assert any(SECRET in title for title in titles["editor_b"])
    assert any(SECRET in title for title in titles["superuser"])
    assert not any(SECRET in title for title in titles["editor_a"])


@pytest.mark.parametrize(
    "address",
    [
        "/admin/images/chooser/chosen/abc/",
        "/admin/documents/chooser/chosen/abc/",
        "/admin/snippets/choose/core/topic/chosen/abc/",
        "/admin/snippets/core/topic/edit/abc/",
    ],
)
def test_a_record_s_key_that_is_no_number_is_not_found_not_a_server_error(world, db, address):
    """Wagtail's choosers take any text as a record's key and answered a server error (with the record's
    title on a debug page)."""
    client = Client(raise_request_exception=False)
    for role in ("editor_a", "superuser"):
        client.force_login(world.user(role))
        assert client.get(address).status_code == 404, (role, address)
