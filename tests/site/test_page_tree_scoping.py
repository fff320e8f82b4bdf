"""A partner browsing the admin's page tree or choosing a page meets other organisations only as the
public sees them: no drafts, no unpublished pages, no new titles not yet published. The office sees all."""

from __future__ import annotations

import pytest
from django.urls import reverse

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
