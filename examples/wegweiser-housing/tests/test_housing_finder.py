"""Newcomers find housing offers in the public finder and in the site search, filtered by what matters to
them: kind, rooms, whether the Jobcenter may pay the rent, whether a WBS is needed."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Locale, Page

from wegweiser.plugin_api import District


@pytest.fixture(scope="module")
def world(housing_world):
    """The finder, Caritas, Diakonie, Nordstadt and three offers, built once for this module (conftest)."""
    return housing_world


def _page_of_the_world(name: str):
    """A fixture ``name`` that reads that page of :func:`world` again, for tests that ask for it by name."""

    @pytest.fixture(name=name)
    def page(world, db):
        return Page.objects.get(pk=world[name]).specific

    return page


caritas, diakonie, housing_finder, family_flat, shared_room, large_flat = map(
    _page_of_the_world, ("caritas", "diakonie", "housing_finder", "family_flat", "shared_room", "large_flat")
)


@pytest.fixture
def nordstadt(world, db):
    return District.objects.get(pk=world["nordstadt"])


def finder_html(client, finder, query: str = "") -> str:
    response = client.get(finder.url + (f"?{query}" if query else ""))
    assert response.status_code == 200
    return response.content.decode()


def test_finder_lists_current_housing_offers(client, housing_finder, family_flat, shared_room):
    html = finder_html(client, housing_finder)
    assert family_flat.title in html
    assert shared_room.title in html
    assert "Wohnung · 3 Zimmer · 74,5 m² · 720 € im Monat" in strip_tags(html)  # German by default


@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ("housing_kind=shared_flat", {"shared_room"}, {"family_flat", "large_flat"}),
        ("housing_kind=flat", {"family_flat", "large_flat"}, {"shared_room"}),
        ("kdu_accepted=on", {"family_flat", "large_flat"}, {"shared_room"}),
        ("wbs=not_needed", {"shared_room", "large_flat"}, {"family_flat"}),
        ("rooms=4%2B", {"large_flat"}, {"family_flat", "shared_room"}),
        ("rooms=1&rooms=3", {"family_flat", "shared_room"}, {"large_flat"}),
        ("barrier_free=on&family_suitable=on", {"large_flat"}, {"family_flat", "shared_room"}),
        ("furnished=on", {"shared_room"}, {"family_flat", "large_flat"}),
    ],
)
def test_finder_filters_by_housing_facets(
    client, housing_finder, family_flat, shared_room, large_flat, query, expected, absent
):
    offers = {"family_flat": family_flat, "shared_room": shared_room, "large_flat": large_flat}
    html = finder_html(client, housing_finder, query)
    for name in expected:
        assert offers[name].title in html, name
    for name in absent:
        assert offers[name].title not in html, name


def test_finder_combines_housing_facet_with_shared_district_facet(
    client, housing_finder, family_flat, large_flat
):
    html = finder_html(client, housing_finder, "district=nordstadt&kdu_accepted=on")
    assert family_flat.title in html
    assert large_flat.title not in html


def test_unknown_filter_value_gets_a_message_not_an_error(client, housing_finder, family_flat):
    html = finder_html(client, housing_finder, "housing_kind=castle&rooms=99")
    errors = html[html.index('class="form-errors"') :]
    assert "castle" in errors[:500] and "99" in errors[:500]


def test_housing_offer_page_shows_the_facts_a_newcomer_needs(client, family_flat):
    response = client.get(family_flat.url)
    assert response.status_code == 200
    text = strip_tags(response.content.decode())
    assert family_flat.title in text
    assert "74,5 m²" in text
    assert "545 € im Monat" in text and "720 € im Monat" in text
    assert "WBS erforderlich" in text
    assert "Caritasverband Teststadt" in text


def test_the_arabic_housing_page_is_arabic_around_the_german_offer(client, home, family_flat):
    """Shown under /ar/ until somebody translates it: the page's own words in Arabic and right to left, only
    the landlord's German text marked German, the phone number's digit groups in order, the organisation
    linked in Arabic."""
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    home.copy_for_translation(arabic).save_revision().publish()
    response = client.get(f"/ar{family_flat.url.removeprefix('/de')}")
    assert response.status_code == 200
    html = response.content.decode()
    main = html.split('<main id="main"')[1]
    assert '<div class="page-content">' in main, "the labels are not marked German with the offer's text"
    assert f'<h1><span lang="de" dir="ltr">{family_flat.title}</span></h1>' in main
    with translation.override("ar"):
        assert f"<dt>{translation.gettext('Living space')}</dt>" in main
    assert '<a href="tel:0556130300" dir="ltr" class="ltr-value">05561 3030-0</a>' in main
    assert re.search(r'<a href="/ar/[^"]*caritas[^"]*/"><bdi translate="no">Caritasverband Teststadt', main)
    assert '<bdi dir="ltr" translate="no">74,5 m²</bdi>' in main


def test_expired_housing_offer_is_gone(client, housing_finder, family_flat):
    family_flat.valid_until = datetime.date.today() - datetime.timedelta(days=1)
    family_flat.save_revision().publish()
    assert client.get(family_flat.url).status_code == 404
    assert family_flat.title not in finder_html(client, housing_finder)


def search_url(query: str) -> str:
    with translation.override("de"):
        return reverse("search:search") + f"?q={query}"


def test_site_search_finds_housing_offers(client, family_flat, shared_room):
    response = client.get(search_url("Nordstadt"))
    assert response.status_code == 200
    html = response.content.decode()
    # Link to the page rather than its title: the search highlights matched words inside titles.
    assert f'href="{family_flat.url}"' in html
    assert f'href="{shared_room.url}"' not in html


def test_english_finder_shows_housing_facts_and_filters_in_english(
    client, english, home, housing_finder, family_flat
):
    home.copy_for_translation(english).save_revision().publish()
    english_finder = housing_finder.copy_for_translation(english)
    english_finder.save_revision().publish()
    html = finder_html(client, english_finder)
    assert family_flat.title in html  # not translated yet: the German original stands in
    assert "Flat · 3 rooms · 74.5 m² · 720 € a month" in strip_tags(html)
    assert "Jobcenter or Sozialamt may pay the rent" in html
    assert "4 or more rooms" in html
