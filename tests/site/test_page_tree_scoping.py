"""A partner browsing the admin's page tree or choosing a page meets other organisations only as the
public sees them: no drafts, no unpublished pages, no new titles not yet published. The office sees all."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db

SECRET = "Geheim-B"


@pytest.fixture
def organisation_b_pages(organisation_b):
    make_event(organisation_b, title=f"Entwurf {SECRET}", slug="entwurf", publish=False)
    make_event(organisation_b, title="Elterncafé", slug="elterncafe")
    changed = make_event(organisation_b, title="Sprachtreff", slug="sprachtreff")
    changed.title = f"Neuer Titel {SECRET}"
    changed.save_revision()  # a change not yet published: the public still sees "Sprachtreff"


def _pages(client, user, name, page) -> str:
    client.force_login(user)
    response = client.get(reverse(name, args=[page.pk]))
    assert response.status_code == 200
    return _html(response)


def _html(response) -> str:
    """The chooser answers JSON with its HTML inside (non-ASCII letters escaped)."""
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def test_a_partner_choosing_a_page_sees_another_organisations_pages_only_as_published(
    client, organisation_b_pages, organisation_a, organisation_b, editor_a
):
    html = _pages(client, editor_a, "wagtailadmin_choose_page_child", organisation_b)
    assert SECRET not in html
    assert "Elterncafé" in html  # what is public stays visible
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Geheim"})
    assert search.status_code == 200 and SECRET not in _html(search)
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Elterncafé"})
    assert "Elterncafé" in _html(search)


def test_a_partner_cannot_browse_into_another_organisation_in_the_explorer(
    client, organisation_b_pages, organisation_a, organisation_b, editor_a
):
    client.force_login(editor_a)
    response = client.get(reverse("wagtailadmin_explore", args=[organisation_b.pk]), follow=True)
    assert SECRET not in response.content.decode()


@pytest.mark.parametrize("view", ["wagtailadmin_explore", "wagtailadmin_choose_page_child"])
def test_the_partner_itself_and_the_office_see_the_drafts(
    client, organisation_b_pages, organisation_b, editor_b, office_user, view
):
    for user in (editor_b, office_user):
        html = _pages(client, user, view, organisation_b)
        assert f"Entwurf {SECRET}" in html and f"Neuer Titel {SECRET}" in html, user.username


def _pages_menu_url(client, user) -> str:
    """Where the admin menu's "Pages" item leads (its link; the sidebar's explorer opens the same page)."""
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    (item,) = [item for item in _dicts(json.loads(props.group(1))) if item.get("name") == "explorer"]
    return item["url"]


def _dicts(value):
    if isinstance(value, dict):
        yield value
        value = list(value.values())
    if isinstance(value, list):
        for inner in value:
            yield from _dicts(inner)


def test_a_partner_s_pages_menu_opens_its_organisation_not_the_tree_s_root(
    client, organisation_a, organisation_b, editor_a, office_user
):
    """The partner edits its organisation's page in every language; Wagtail opened their common ancestor,
    the root, with every language's home page and the notice that pages made there have no address."""
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    organisation_a.copy_for_translation(arabic, copy_parents=True)

    assert _pages_menu_url(client, editor_a) == reverse("wagtailadmin_explore", args=[organisation_a.pk])
    assert _pages_menu_url(client, office_user) == reverse("wagtailadmin_explore_root")


def test_a_partner_s_filters_name_no_other_organisation_s_editors(
    client, organisation_a, organisation_b, editor_a, editor_b, office_user
):
    """Usernames are mail addresses: the explorer's "Owner" and "Edited by", the history's "User", the
    locked pages' "Locked by" listed every organisation's editors to every partner."""
    theirs = make_event(organisation_b, title="Elterncafé", slug="elterncafe")
    theirs.owner = editor_b
    theirs.locked, theirs.locked_by = True, editor_b
    theirs.save()
    theirs.save_revision(user=editor_b, log_action=True)
    ours = make_event(organisation_a, title="Sprachcafé", slug="sprachcafe")
    ours.owner = editor_a
    ours.save()
    ours.save_revision(user=editor_a, log_action=True)
    pages = (
        reverse("wagtailadmin_explore", args=[organisation_a.pk]),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_pages:history", args=[ours.pk]),
    )
    client.force_login(editor_a)
    for url in pages:
        html = client.get(url).content.decode()
        assert editor_b.username not in html, url
    assert editor_a.username in client.get(pages[1]).content.decode(), "its own name stays"

    client.force_login(office_user)
    assert editor_b.username in client.get(pages[1]).content.decode(), "the office sees everyone"


def test_a_lock_names_the_person_who_locked_the_page_only_to_colleagues_and_the_office(
    client, organisation_a, organisation_b, editor_a, editor_b, office_user
):
    """Wagtail's status panel on another organisation's published page said "Only Jana Jobcenter can make
    changes while the page is locked": the name of another organisation's editor, whom no filter shows."""
    editor_b.first_name, editor_b.last_name = "Jana", "Jobcenter"
    editor_b.save()
    theirs = make_event(organisation_b, title="Bewerbungstraining", slug="bewerbungstraining")
    theirs.locked, theirs.locked_by, theirs.locked_at = True, editor_b, timezone.now()
    theirs.save()
    explorer = reverse("wagtailadmin_explore", args=[theirs.pk])

    # With its page in two languages, a partner's explorer starts at the tree's root and opens other pages.
    organisation_a.copy_for_translation(
        Locale.objects.get_or_create(language_code="ar")[0], copy_parents=True
    )

    client.force_login(editor_a)
    html = client.get(explorer).content.decode()
    assert "Bewerbungstraining" in html
    assert "Jobcenter" not in html and editor_b.username not in html
    assert (
        "Nur die Person, die diese Seite gesperrt hat, kann Änderungen vornehmen, solange sie gesperrt ist."
        in html
    )

    client.force_login(office_user)
    assert "Nur Jana Jobcenter kann Änderungen vornehmen" in client.get(explorer).content.decode()


def test_a_partner_choosing_several_pages_gets_another_organisations_pages_only_as_published(
    client, organisation_b_pages, organisation_a, organisation_b, editor_a, editor_b, admin_user
):
    """The chooser's "choose several" answered any page id with its newest title and address: a partner
    asking for ids one by one read every organisation's drafts, even those never published."""
    from wagtail.models import Page

    draft = Page.objects.get(slug="entwurf")
    changed = Page.objects.get(slug="sprachtreff")
    url = reverse("wagtailadmin_choose_page_chosen_multiple")

    def chosen(user, *pages):
        client.force_login(user)
        return client.get(url, {"id": [page.pk for page in pages]})

    elterncafe = Page.objects.get(slug="elterncafe")
    for hidden in (draft, changed):  # unpublished, and published with a new title waiting for review
        response = chosen(editor_a, elterncafe, hidden)
        assert response.status_code == 404 and SECRET not in response.content.decode()
    response = chosen(editor_a, elterncafe)
    assert [page["adminTitle"] for page in response.json()["result"]] == ["Elterncafé"]
    response = chosen(editor_b, changed, draft)
    assert {page["adminTitle"] for page in response.json()["result"]} == {
        f"Neuer Titel {SECRET}",
        f"Entwurf {SECRET}",
    }
    # The root, which has no parent, and an id that is none: not found, not a server error.
    assert chosen(admin_user, Page.objects.get(depth=1)).status_code == 404
    client.force_login(admin_user)
    assert client.get(url, {"id": "abc"}).status_code == 404


def test_the_admin_s_page_search_counts_pages_not_none(client, organisation_a, office_user):
    """Above the results of Wagtail's page search stood "1-1 von 1 None"."""
    make_event(organisation_a, title="Sprachcafé", slug="sprachcafe")
    client.force_login(office_user)
    html = client.get(reverse("wagtailadmin_pages:search"), {"q": "Sprachcafé"}).content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Titel 1-1 von 1 Seite " in text and "None" not in text
