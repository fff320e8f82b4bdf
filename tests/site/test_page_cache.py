"""Whole pages kept for anonymous visitors (wegweiser.site.page_cache): fast, and never stale or personal.

Written as a visitor, an editor and an attacker would probe it: a kept page costs no query; publishing,
unpublishing, a place taken at an event show on the next request; nobody with a cookie gets or leaves a
kept page; a page with a form token, the search and the pages with personal data are never kept.
"""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.events.conftest import make_event
from tests.events.test_event_page import soon
from tests.offers.conftest import make_finder
from wegweiser.events.models import EventRegistration
from wegweiser.offers.factories import OfferPageFactory
from wegweiser.search.models import SearchQueryLog, Synonym
from wegweiser.site.page_cache import CACHE_HEADER


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.WEGWEISER_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def event(organisation_a):
    return make_event(
        organisation_a,
        title="Bewerbungstraining",
        slug="bewerbungstraining",
        start=soon(3, 9),
        registration_mode="internal",
        capacity=3,
    )


def test_the_second_visitor_gets_the_page_without_a_database_query(client, event):
    first = client.get(event.url)
    assert first[CACHE_HEADER] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = Client().get(event.url)
    assert second[CACHE_HEADER] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"]  # the security headers are still added on the way out
    assert not second.cookies
    assert "Cookie" in second["Vary"] and "max-age=0" in second["Cache-Control"]


def test_a_browser_that_has_the_page_gets_a_304(client, event):
    etag = client.get(event.url)["ETag"]
    again = Client().get(event.url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""


def test_a_published_change_shows_on_the_next_request(client, event):
    client.get(event.url)
    event.title = "Bewerbungstraining für Frauen"
    event.save_revision().publish()
    response = Client().get(event.url)
    assert response[CACHE_HEADER] == "miss"
    assert "Bewerbungstraining für Frauen" in response.content.decode()


def test_an_unpublished_page_is_gone_on_the_next_request(client, event):
    assert client.get(event.url).status_code == 200
    event.unpublish()
    assert Client().get(event.url).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_page_kept_before_a_change_was_committed_is_not_served_after_it(event):
    """Another app server asking between a change and its commit reads the rows as they were and keeps
    that page under the new generation: the commit starts one more."""
    with transaction.atomic():
        event.title = "Bewerbungstraining für Frauen"
        event.save_revision().publish()
        assert Client().get(event.url)[CACHE_HEADER] == "miss"
        assert Client().get(event.url)[CACHE_HEADER] == "hit"  # kept before the commit
    after = Client().get(event.url)
    assert after[CACHE_HEADER] == "miss"
    assert "Bewerbungstraining für Frauen" in after.content.decode()


def test_a_draft_changes_nothing_for_visitors_until_it_is_published(client, event):
    client.get(event.url)
    event.title = "Entwurf"
    event.save_revision()
    assert "Entwurf" not in Client().get(event.url).content.decode()


def test_a_place_taken_shows_in_the_places_left_at_once(client, event):
    assert "noch 3 Plätze frei" in client.get(event.url).content.decode()
    assert Client().get(event.url)[CACHE_HEADER] == "hit"
    EventRegistration.register(event, event.upcoming_occurrences()[0], "Amina", "amina@example.org")
    assert "noch 2 Plätze frei" in Client().get(event.url).content.decode()


def test_an_editor_neither_gets_nor_leaves_a_kept_page(client, event, editor_a):
    editor = Client()
    editor.force_login(editor_a)
    assert CACHE_HEADER not in editor.get(event.url)  # sends a session cookie: never from or into the cache
    assert Client().get(event.url)[CACHE_HEADER] == "miss"
    assert CACHE_HEADER not in editor.get(event.url)


def test_a_visitor_with_any_cookie_is_answered_fresh(client, event):
    Client().get(event.url)
    visitor = Client()
    visitor.cookies["messages"] = "something"
    assert CACHE_HEADER not in visitor.get(event.url)


def test_the_registration_form_with_its_token_is_never_kept(client, event):
    url = reverse("events:register", kwargs={"pk": event.pk})
    first = client.get(url)
    assert first.status_code == 200
    assert CACHE_HEADER not in first and CACHE_HEADER not in Client().get(url)


def test_every_search_is_counted_for_the_demand_report(client, home):
    for _ in range(2):
        response = Client().get("/de/suche/", {"q": "Deutschkurs"})
        assert CACHE_HEADER not in response
    assert SearchQueryLog.objects.count() == 2


def test_a_page_kept_in_one_language_is_not_served_in_another(client, event):
    german = Client().get(event.url)
    english = Client().get("/en" + event.url[3:])
    assert german["Content-Language"] == "de"
    assert english["Content-Language"] == "en" and english[CACHE_HEADER] == "miss"


def test_a_renamed_target_group_and_a_new_office_address_show_on_the_next_request(client, event, home):
    from wagtail.models import Site

    from wegweiser.site.models import PortalSettings, TargetGroup

    group = TargetGroup.objects.create(name="Frauen", slug="frauen")
    event.target_groups.add(group)
    event.save_revision().publish()
    assert "Frauen" in client.get(event.url).content.decode()
    group.name = "Frauen und Mädchen"
    group.save()
    assert "Frauen und Mädchen" in Client().get(event.url).content.decode()
    portal = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal.office_address = "Rathausplatz 99, 12345 Neustadt"
    portal.save()
    assert "Rathausplatz 99" in Client().get(event.url).content.decode()


def test_a_synonym_the_office_saves_is_used_at_once_by_a_kept_finder(client, organisation_a, home):
    finder = make_finder(home)
    OfferPageFactory(
        parent=organisation_a, title="Bewerbungstraining", slug="bewerbung", live=False
    ).save_revision().publish()
    searched = f"{finder.url}?q=Jobcoaching"
    assert "Bewerbungstraining" not in client.get(searched).content.decode()
    assert Client().get(searched)[CACHE_HEADER] == "hit"
    Synonym.objects.create(terms="Jobcoaching, Bewerbungstraining")
    response = Client().get(searched)
    assert response[CACHE_HEADER] == "miss" and "Bewerbungstraining" in response.content.decode()
