"""The "Angebote" finder: each facet narrows the list, combinations too, and expired offers never show."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from tests.offers.conftest import make_finder, make_terms
from wegweiser.offers.factories import CourseDateFactory, OfferPageFactory
from wegweiser.offers.models import OfferPage
from wegweiser.plugin_api.testing import built_once, make_organisation, make_organisation_index
from wegweiser.site.setup import ensure_portal


def _build_world():
    """The finder, two partners, the taxonomy terms and five offers, built once for the module."""
    home = ensure_portal(home_title="Willkommen in Teststadt")
    index = make_organisation_index(home)
    organisation_a = make_organisation(index, "Verein A", "verein-a")
    organisation_b = make_organisation(index, "Verein B", "verein-b")
    terms = make_terms()
    offers = _make_world_offers(organisation_a, organisation_b, terms)
    return {
        "finder": make_finder(home).pk,
        "organisation_a": organisation_a.pk,
        "organisation_b": organisation_b.pk,
        "terms": {
            taxonomy: {slug: term.pk for slug, term in by_slug.items()} for taxonomy, by_slug in terms.items()
        },
        "offers": {name: offer.pk for name, offer in offers.items()},
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, _build_world) as ids:
        yield ids


@pytest.fixture
def finder(world, db):
    from wegweiser.site.models import ListingIndexPage

    return ListingIndexPage.objects.get(pk=world["finder"])


@pytest.fixture
def organisation_a(world, db):
    from wegweiser.site.models import OrganisationPage

    return OrganisationPage.objects.get(pk=world["organisation_a"])


@pytest.fixture
def organisation_b(world, db):
    from wegweiser.site.models import OrganisationPage

    return OrganisationPage.objects.get(pk=world["organisation_b"])


@pytest.fixture
def terms(world, db):
    from wegweiser.site.models import District, Language, TargetGroup, Topic

    models = {"topic": Topic, "language": Language, "district": District, "target_group": TargetGroup}
    return {
        taxonomy: {slug: models[taxonomy].objects.get(pk=pk) for slug, pk in by_slug.items()}
        for taxonomy, by_slug in world["terms"].items()
    }


@pytest.fixture
def offers(world, db):
    return {name: OfferPage.objects.get(pk=pk) for name, pk in world["offers"].items()}


def _make_world_offers(organisation_a, organisation_b, terms):
    language, district, topic, group = (
        terms["language"],
        terms["district"],
        terms["topic"],
        terms["target_group"],
    )
    return {
        "integration_course": OfferPageFactory(
            parent=organisation_a,
            title="Integrationskurs A1 mit Kinderbetreuung",
            kind=OfferPage.Kind.COURSE,
            level_from=OfferPage.Level.A1,
            childcare=True,
            cost=OfferPage.Cost.FUNDED,
            district=district["nordstadt"],
            wheelchair_accessible=True,
            terms={
                "languages": [language["ar"], language["de"]],
                "topics": [topic["sprache"]],
                "target_groups": [group["familien"]],
            },
        ),
        "online_course": OfferPageFactory(
            parent=organisation_a,
            title="Berufssprachkurs B2 online",
            kind=OfferPage.Kind.COURSE,
            level_from=OfferPage.Level.B2,
            mode=OfferPage.Mode.ONLINE,
            cost=OfferPage.Cost.FEE,
            district=district["suedstadt"],
            terms={"languages": [language["de"]], "topics": [topic["sprache"]]},
        ),
        "counselling": OfferPageFactory(
            parent=organisation_b,
            title="Migrationsberatung für Erwachsene",
            kind=OfferPage.Kind.COUNSELLING,
            cost=OfferPage.Cost.FREE,
            district=district["nordstadt"],
            terms={"languages": [language["ar"], language["uk"]], "topics": [topic["beratung"]]},
        ),
        "women_group": OfferPageFactory(
            parent=organisation_b,
            title="Frauentreff am Mittwoch",
            kind=OfferPage.Kind.GROUP,
            cost=OfferPage.Cost.FREE,
            childcare=True,
            district=district["suedstadt"],
            terms={"languages": [language["uk"]], "target_groups": [group["frauen"]]},
        ),
        "expired": OfferPageFactory(
            parent=organisation_b,
            title="Abgelaufener Sprachkurs",
            kind=OfferPage.Kind.COURSE,
            level_from=OfferPage.Level.A1,
            childcare=True,
            district=district["nordstadt"],
            valid_until=timezone.localdate() - datetime.timedelta(days=1),
            terms={"languages": [language["ar"]]},
        ),
    }


def _titles(client, finder, query: str) -> set[str]:
    response = client.get(f"{finder.url}?{query}")
    assert response.status_code == 200
    return {listing.title for listing in response.context["listings"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"integration_course", "online_course", "counselling", "women_group"}),
        ("kind=course", {"integration_course", "online_course"}),
        ("kind=counselling&kind=group", {"counselling", "women_group"}),
        ("level=a1", {"integration_course"}),
        ("level=b2", {"online_course"}),
        ("childcare=on", {"integration_course", "women_group"}),
        ("mode=online", {"online_course"}),
        ("mode=in_person", {"integration_course", "counselling", "women_group"}),
        ("language=ar", {"integration_course", "counselling"}),
        ("district=nordstadt", {"integration_course", "counselling"}),
        ("cost=free", {"counselling", "women_group"}),
        ("cost=funded", {"integration_course"}),
        ("topic=sprache", {"integration_course", "online_course"}),
        ("target_group=frauen", {"women_group"}),
        ("accessible=on", {"integration_course"}),
        ("q=Migrationsberatung", {"counselling"}),
        ("kind=course&level=a1&childcare=on&language=ar&district=nordstadt", {"integration_course"}),
        ("kind=course&level=a1&childcare=on&language=ar&district=nordstadt&cost=free", set()),
        ("childcare=on&language=uk&cost=free", {"women_group"}),
        ("language=ar&language=uk&district=nordstadt", {"integration_course", "counselling"}),
    ],
)
def test_finder_filters_offers_by_facet(client, finder, offers, query, expected):
    assert _titles(client, finder, query) == {offers[key].title for key in expected}


def test_unknown_filter_value_gives_a_clear_message_not_an_error(client, finder, offers):
    response = client.get(f"{finder.url}?level=z9")
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_the_filters_offer_only_what_some_listing_has_and_keep_what_was_ticked(client, finder, offers, terms):
    """Among volunteer opportunities, "Gesprochene Sprache: Türkçe" and "Ücret: ücretli" always gave 0: a
    newcomer ticked them for nothing. An option no current listing has is not offered; one ticked (a shared
    link) stays, ticked; an option comes as soon as a listing with it is published."""

    def options(query: str = "") -> dict[str, list[str]]:
        html = client.get(f"{finder.url}{query}").content.decode()
        panel = html.split('class="filter-panel__body"')[1].split("filters__actions")[0]
        groups = re.findall(r"<legend>(.*?)</legend>(.*?)</fieldset>", panel, re.S)
        return {legend: re.findall(r'value="([^"]+)"', body) for legend, body in groups}

    offered = options()
    assert set(offered["Gesprochene Sprache"]) == {"de", "ar", "uk"}
    assert set(offered["Kosten"]) == {"free", "fee", "funded"}
    assert "reduced" not in offered["Kosten"]
    ticked = options("?cost=reduced")
    assert "reduced" in ticked["Kosten"]
    assert 'value="reduced" checked' in client.get(f"{finder.url}?cost=reduced").content.decode()
    OfferPageFactory(
        parent=offers["counselling"].get_parent(),
        title="Sprachkurs mit ermäßigter Gebühr",
        cost=OfferPage.Cost.REDUCED,
        terms={"languages": [terms["language"]["ar"]]},
    )
    assert "reduced" in options()["Kosten"]


def test_the_filters_ask_what_kind_of_offer_before_who_where_and_which_language(client, finder, offers):
    """ "Childcare available" came after nine topics, seven groups and thirteen languages: 2,500 px down the
    filter panel on a phone, for the filter a mother of a small child needs first."""
    html = client.get(finder.url).content.decode()
    panel = html.split('class="filter-panel__body"')[1].split("filters__actions")[0]
    names = list(dict.fromkeys(re.findall(r'name="([a-z_]+)"', panel)))
    assert names[0] == "topic"
    assert names.index("kind") < names.index("childcare") < names.index("target_group")
    assert names.index("childcare") < names.index("language") < names.index("cost")


def test_expired_offer_never_shows_in_the_finder(client, finder, offers):
    assert offers["expired"].title not in _titles(client, finder, "kind=course&level=a1")


def test_a_course_whose_arabic_translation_is_only_started_stays_in_the_arabic_finder(client, finder, offers):
    """Starting a translation (a draft in the editor) must not take the course off the Arabic site."""
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    course = offers["integration_course"]
    course.copy_for_translation(arabic, copy_parents=True)
    response = client.get(f"/ar{finder.url.removeprefix('/de')}")
    assert response.status_code == 200
    assert course.title in {listing.title for listing in response.context["listings"]}


def test_finder_card_shows_next_start_with_free_seats(client, finder, offers):
    start = timezone.localdate() + datetime.timedelta(days=14)
    CourseDateFactory(page=offers["integration_course"], start_date=start, seats_free=4)
    html = client.get(f"{finder.url}?level=a1").content.decode()
    assert start.strftime("%d.%m.%Y") in html


def _make_offers(organisation, count: int, terms) -> None:
    for number in range(count):
        offer = OfferPageFactory(
            parent=organisation,
            kind=OfferPage.Kind.COURSE,
            level_from=OfferPage.Level.A2,
            district=terms["district"]["nordstadt"],
            terms={"languages": [terms["language"]["ar"]], "topics": [terms["topic"]["sprache"]]},
        )
        CourseDateFactory(page=offer)
        CourseDateFactory(page=offer, start_date=timezone.localdate() + datetime.timedelta(days=60 + number))


def _queries(client, url: str) -> int:
    client.get(url)  # warm caches that are filled once per process (taxonomy labels, site root paths)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_finder_makes_the_same_number_of_queries_for_10_and_40_offers(client, finder, organisation_a, terms):
    finder.per_page = 50
    finder.save_revision().publish()
    url = f"{finder.url}?kind=course&language=ar"
    _make_offers(organisation_a, 10, terms)
    with_ten = _queries(client, url)
    _make_offers(organisation_a, 30, terms)
    assert _queries(client, url) == with_ten


def test_offer_page_makes_the_same_number_of_queries_with_few_or_many_dates_and_offers(
    client, organisation_a, terms
):
    _make_offers(organisation_a, 10, terms)
    offer = OfferPage.objects.filter(level_from=OfferPage.Level.A2).order_by("pk").first()  # not the world's
    with_ten = _queries(client, offer.url)
    _make_offers(organisation_a, 30, terms)
    for days in range(8):
        CourseDateFactory(page=offer, start_date=timezone.localdate() + datetime.timedelta(days=100 + days))
    assert _queries(client, offer.url) == with_ten
