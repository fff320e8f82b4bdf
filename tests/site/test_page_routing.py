"""Pages found from the cache (``page_routing``, ``view_restrictions``, the home page's cached blocks) follow
every change at once: a moved, unpublished, deleted, translated or restricted page, a new date on the home
page, and a shown date that is over."""

from __future__ import annotations

import datetime
import re
import time

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from tests.events.conftest import make_event
from wegweiser.site.models import HomePage, OrganisationPage, StandardPage
from wegweiser.site.page_tree_cache import cached_for_page_tree, holds_until


@pytest.fixture
def demo(demo_town, db):
    """The demo town, each test in its own savepoint."""


def _german_home() -> HomePage:
    return HomePage.objects.get(locale__language_code="de")


def _new_page(parent, title: str, slug: str) -> StandardPage:
    page = parent.add_child(instance=StandardPage(title=title, slug=slug))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _title(response) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S).group(1).strip()


def test_a_moved_page_answers_at_its_new_address_only(client, demo):
    home = _german_home()
    page = _new_page(home, "Sprechstunde", "sprechstunde")
    old_url = page.url
    assert client.get(old_url).status_code == 200
    new_parent = _new_page(home, "Service", "service")
    page.move(new_parent, pos="last-child")
    page.refresh_from_db()
    moved_away = client.get(old_url)
    assert (moved_away.status_code, moved_away["Location"]) == (301, page.url)  # Wagtail's redirect
    assert client.get(page.url).status_code == 200


def test_an_unpublished_and_a_deleted_page_are_gone_on_the_next_request(client, demo):
    home = _german_home()
    unpublished, deleted = _new_page(home, "Alt", "alt"), _new_page(home, "Weg", "weg")
    urls = [unpublished.url, deleted.url]
    assert [client.get(url).status_code for url in urls] == [200, 200]
    unpublished.unpublish()
    Page.objects.get(pk=deleted.pk).delete()
    assert [client.get(url).status_code for url in urls] == [404, 404]


def test_a_translation_is_served_under_its_language_at_once(client, demo):
    page = _new_page(_german_home(), "Sprechzeiten", "sprechzeiten")
    assert _title(client.get("/ar/sprechzeiten/")) == "Sprechzeiten"  # German, under the Arabic prefix
    translation = page.copy_for_translation(Locale.objects.get(language_code="ar"))
    translation.title = "مواعيد العمل"
    translation.save_revision().publish()
    response = client.get("/ar/sprechzeiten/")
    assert _title(response) == "مواعيد العمل"
    assert 'hreflang="ar" href="http://testserver/ar/sprechzeiten/"' in response.content.decode()


def test_a_view_restriction_holds_from_the_next_request_until_it_is_lifted(client, demo):
    organisation = OrganisationPage.objects.live().filter(locale__language_code="de").first()
    listing = organisation.get_children().live().first()
    assert client.get(listing.url).status_code == 200
    restriction = PageViewRestriction.objects.create(page=organisation, restriction_type="login")
    assert client.get(listing.url).status_code == 302  # to the login
    assert listing.title not in client.get(organisation.get_parent().url).content.decode()
    restriction.delete()
    assert client.get(listing.url).status_code == 200


def _next_dates(client) -> str:
    html = client.get("/de/").content.decode()
    return html.split('class="home-section upcoming-dates"', 1)[1].split("</section>", 1)[0]


def test_a_new_event_is_among_the_next_dates_at_once_and_gone_when_unpublished(client, demo):
    before = _next_dates(client)
    organisation = OrganisationPage.objects.live().filter(locale__language_code="de").first()
    soon = timezone.localtime() + datetime.timedelta(minutes=30)
    event = make_event(organisation, title="Spontanes Treffen", slug="spontanes-treffen", start=soon)
    assert "Spontanes Treffen" in _next_dates(client)
    event.unpublish()
    assert _next_dates(client) == before


def test_a_value_that_holds_until_a_moment_is_built_again_after_it():
    built = []

    def build(until):
        def _build():
            built.append(until)
            holds_until(until)
            return "value"

        return _build

    past = timezone.now() - datetime.timedelta(seconds=1)
    later = timezone.now() + datetime.timedelta(hours=1)
    cached_for_page_tree("test-dates", build(past), "gone")
    cached_for_page_tree("test-dates", build(past), "gone")
    cached_for_page_tree("test-dates", build(later), "kept")
    cached_for_page_tree("test-dates", build(later), "kept")
    assert built == [past, past, later]


def test_a_value_built_from_a_cached_one_holds_no_longer_than_it():
    soon = timezone.now() + datetime.timedelta(seconds=2)

    def dates():
        holds_until(soon)
        return "dates"

    cached_for_page_tree("test-dates", dates)  # kept on its own first
    built = []

    def block():
        built.append(1)
        return cached_for_page_tree("test-dates", dates)

    cached_for_page_tree("test-block", block)
    cached_for_page_tree("test-block", block)
    assert len(built) == 1
    time.sleep(2.1)
    cached_for_page_tree("test-block", block)
    assert len(built) == 2
