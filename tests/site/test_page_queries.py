"""What a public page costs the database, and navigation that follows every change of the page tree.

The menu, footer, home and language links are cached (``wegweiser.site.page_tree_cache``); these tests
show the budgets that caching keeps, and that a visitor never sees a menu or a language link older than
the tree: publishing, unpublishing, translating, moving and deleting show on the next request.
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page

from wegweiser.offers.models import OfferPage
from wegweiser.site.listings import localized_url
from wegweiser.site.models import HomePage, OrganisationPage, StandardPage
from wegweiser.site.registry import listing_types


@pytest.fixture
def demo(demo_town, db):
    """The demo town, each test in its own savepoint."""


def queries_for(client, url: str) -> int:
    client.get(url)  # the first visitor after a change builds the navigation; the budget is for the rest
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _german(model):
    return model.objects.live().filter(locale__language_code="de").order_by("path").first()


def _listing_url(key: str, language: str) -> str:
    """The first listing of a type, as a visitor of ``language`` reaches it (its translation, or the
    German page under their language's prefix)."""
    with translation.override(language):
        return localized_url(_german(listing_types()[key].model))


#: Queries of an uncached page (the anonymous page cache is off in the tests): home, and the detail page of
#: every listing type (the built-in plugins and the external housing example).
HOME_BUDGET = 8
LISTING_BUDGET = 10


@pytest.mark.parametrize("language", ["de", "ar", "uk"])
def test_the_home_page_stays_within_its_query_budget(client, demo, language):
    assert queries_for(client, f"/{language}/") <= HOME_BUDGET


@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize("key", ["offer", "event", "volunteer", "housing"])
def test_a_listing_page_stays_within_its_query_budget(client, demo, key, language):
    assert queries_for(client, _listing_url(key, language)) <= LISTING_BUDGET


@pytest.mark.parametrize("language", ["de", "ar", "uk"])
def test_the_offer_finder_stays_within_its_query_budget(client, demo, language):
    # Routing, the count, the page of offers, its languages and course dates (cards show no topics). In
    # Arabic as in German: a German card links under /ar/ without looking for a translation it has not got.
    assert queries_for(client, f"/{language}/angebote/") <= 6


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_partner_overview_and_a_partner_s_page_stay_within_their_query_budget(client, demo, language):
    # The overview: routing, the partners, and the German originals of the translated partners' summaries.
    assert queries_for(client, f"/{language}/partner/") <= 5
    # A partner's page: its listings of every enabled type (four), each with what its cards need; in Arabic
    # also the German original of the partner's page, since its listings live below both.
    organisation = _german(OrganisationPage)
    with translation.override(language):
        assert queries_for(client, localized_url(organisation)) <= 20


def cache_reads_for(client, url: str, monkeypatch) -> int:
    """Reads from the shared cache (a round trip to Redis each, between app servers) for the second visitor."""
    client.get(url)
    shared, reads = caches["default"], []
    with monkeypatch.context() as patch:
        for name in ("get", "get_many"):
            original = getattr(shared, name)
            patch.setattr(
                shared,
                name,
                lambda *args, _read=original, **kwargs: reads.append(args) or _read(*args, **kwargs),
            )
        response = client.get(url)
    assert response.status_code == 200, url
    return len(reads)


@pytest.mark.parametrize(
    "url",
    [
        "/de/",
        "/ar/angebote/?topic=sprache",
        "/de/suche/?q=Deutschkurs",
        "/ar/search/?q=لغة",
        "/uk/search/?q=мовні курси",
    ],
)
def test_a_page_asks_the_shared_cache_only_a_few_times(client, demo, url, monkeypatch):
    # Each generation is read once per request and the synonyms, locales, terms and view restrictions are
    # kept in the process under theirs: a search asked the cache 187 to 225 times, each a round trip to Redis.
    assert cache_reads_for(client, url, monkeypatch) <= 20


def test_a_page_costs_the_same_with_many_more_listings_and_translations(client, demo):
    pages = {
        "home de": "/de/",
        "home ar": "/ar/",
        "offer": _listing_url("offer", "de"),
        "offer ar": _listing_url("offer", "ar"),
        "event": _listing_url("event", "de"),
    }
    before = {name: queries_for(client, url) for name, url in pages.items()}
    organisation = OrganisationPage.objects.live().filter(locale__language_code="de").first()
    template = _german(OfferPage)
    for number in range(12):
        offer = organisation.add_child(
            instance=OfferPage(title=f"Sprachkurs {number}", slug=f"sprachkurs-{number}", summary="Deutsch")
        )
        offer.topics.set(template.topics.all())
        offer.languages.set(template.languages.all())
        offer.save_revision().publish()
        for language in ("ar", "uk", "en"):
            locale = Locale.objects.get(language_code=language)
            offer.copy_for_translation(locale, copy_parents=True).save_revision().publish()
    after = {name: queries_for(client, url) for name, url in pages.items()}
    assert after == before


def _menu(html: str) -> list[str]:
    nav = html.split('class="main-nav', 1)[1].split("</nav>", 1)[0]
    return [re.sub(r"\s+", " ", title).strip() for title in re.findall(r"<a [^>]*>(.*?)</a>", nav, re.S)]


def _german_home() -> HomePage:
    return HomePage.objects.get(locale__language_code="de")


def test_a_published_menu_page_is_in_the_menu_at_once_and_gone_when_unpublished(client, demo):
    before = _menu(client.get("/de/").content.decode())
    page = _german_home().add_child(
        instance=StandardPage(title="Wohnungssuche", slug="wohnungssuche", show_in_menus=True)
    )
    page.save_revision().publish()
    assert _menu(client.get("/de/").content.decode()) == [*before, "Wohnungssuche"]
    page.unpublish()
    assert _menu(client.get("/de/").content.decode()) == before


def test_a_renamed_menu_page_shows_its_new_title_once_published(client, demo):
    menu_page = _german_home().get_children().live().in_menu().first().specific
    old_title = menu_page.title
    assert old_title in _menu(client.get("/de/").content.decode())
    menu_page.title = "Neu: " + old_title
    revision = menu_page.save_revision()
    assert old_title in _menu(client.get("/de/").content.decode())  # a draft changes nothing for visitors
    revision.publish()
    menu = _menu(client.get("/de/").content.decode())
    assert "Neu: " + old_title in menu and old_title not in menu


def _language_link(html: str, code: str) -> str:
    return re.search(rf'<a href="([^"]+)" lang="{code}" hreflang="{code}"', html).group(1)


def test_the_language_switcher_leads_to_a_new_translation_at_once(client, demo):
    page = _german_home().add_child(instance=StandardPage(title="Sprechzeiten", slug="sprechzeiten"))
    page.save_revision().publish()
    # Untranslated: the page itself under the Ukrainian prefix, in German with the notice.
    assert _language_link(client.get(page.url).content.decode(), "uk") == "/uk/sprechzeiten/"
    translation = page.copy_for_translation(Locale.objects.get(language_code="uk"))
    translation.title, translation.slug = "Години прийому", "hodyny-pryiomu"
    translation.save_revision().publish()
    translation.refresh_from_db()
    assert _language_link(client.get(page.url).content.decode(), "uk") == translation.url


def test_moved_and_deleted_pages_leave_the_menu_at_once(client, demo):
    home = _german_home()
    page = home.add_child(instance=StandardPage(title="Elterninfo", slug="elterninfo", show_in_menus=True))
    page.save_revision().publish()
    assert "Elterninfo" in _menu(client.get("/de/").content.decode())
    other_parent = home.get_children().live().in_menu().exclude(pk=page.pk).first()
    page.move(other_parent, pos="last-child")
    assert "Elterninfo" not in _menu(client.get("/de/").content.decode())
    second = home.add_child(instance=StandardPage(title="Kurzinfo", slug="kurzinfo", show_in_menus=True))
    second.save_revision().publish()
    assert "Kurzinfo" in _menu(client.get("/de/").content.decode())
    Page.objects.get(pk=second.pk).delete()
    assert "Kurzinfo" not in _menu(client.get("/de/").content.decode())
