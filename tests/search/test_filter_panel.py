"""The finder's filter panel as a visitor on a phone meets it: one "Filters (n)" control, only the filters
that fit what is searched, the chosen ones as chips that remove themselves, and date shortcuts."""

from __future__ import annotations

import datetime
import re

from django.http import QueryDict
from django.urls import reverse

from wegweiser.search.panel import date_shortcuts
from wegweiser.search.query import SearchQuery


def _page(client, params) -> str:
    return client.get(reverse("search:search"), params).content.decode()


def test_a_facet_of_one_listing_type_is_offered_only_when_that_type_is_searched(client, town):
    everything = _page(client, {"q": "Deutsch"})
    assert 'id="facet-topic"' in everything  # shared by every type
    assert 'id="facet-bulletin_kind"' not in everything  # only notices have it
    notices = _page(client, {"q": "Deutsch", "type": "bulletin"})
    assert 'id="facet-bulletin_kind"' in notices


def test_a_chosen_value_of_a_facet_that_does_not_apply_stays_in_the_form(client, town):
    html = _page(client, {"bulletin_kind": "call"})
    assert 'name="bulletin_kind" value="call" checked' in html


def test_the_filters_wait_behind_one_closed_control_that_counts_the_chosen_ones(client, town):
    html = _page(client, {"q": "Deutsch"})
    assert re.search(r'<details class="filter-panel filters" id="filter-panel" data-filter-panel>', html)
    assert 'class="filter-panel__count"' not in html
    html = _page(client, {"q": "Deutsch", "topic": ["sprache", "arbeit"], "type": "bulletin"})
    assert '<span class="filter-panel__count">(3)</span>' in html


def test_each_chosen_filter_is_a_chip_whose_link_removes_just_that_value(client, town):
    html = _page(client, {"q": "Deutsch", "topic": ["sprache", "arbeit"]})
    chips = re.findall(r'<a class="filter-chip" href="([^"]*)">([^<]*)<', html)
    assert [label for _href, label in chips] == ["Thema: Sprache", "Thema: Arbeit"]
    without_sprache = chips[0][0].replace("&amp;", "&")
    assert QueryDict(without_sprache.lstrip("?")).getlist("topic") == ["arbeit"]
    html = client.get(reverse("search:search") + without_sprache).content.decode()
    assert 'name="topic" value="sprache" checked' not in html
    assert 'name="topic" value="arbeit" checked' in html


def test_a_date_range_and_a_district_are_chips_too(client, town):
    html = _page(client, {"near": "nordstadt", "radius": "5", "date_from": "2030-05-01"})
    labels = re.findall(r'<a class="filter-chip" href="[^"]*">([^<]*)<', html)
    assert labels == ["In der Nähe: Nordstadt", "Im Umkreis von 5 km", "Ab 01.05.2030"]


def test_date_shortcuts_are_today_this_weekend_and_the_next_seven_days():
    query = SearchQuery()
    wednesday = datetime.date(2030, 5, 1)
    shortcuts = date_shortcuts(wednesday, query, QueryDict("q=Deutsch&page=3"))
    assert [(s.date_from.isoformat(), s.date_to.isoformat()) for s in shortcuts] == [
        ("2030-05-01", "2030-05-01"),
        ("2030-05-04", "2030-05-05"),
        ("2030-05-01", "2030-05-07"),
    ]
    assert shortcuts[1].query == "?q=Deutsch&date_from=2030-05-04&date_to=2030-05-05"
    sunday = datetime.date(2030, 5, 5)
    weekend = date_shortcuts(sunday, query, QueryDict())[1]
    assert (weekend.date_from, weekend.date_to) == (sunday, sunday)


def test_a_chosen_date_shortcut_is_marked_and_named_in_its_chip(client, town):
    today = datetime.date.today().isoformat()
    html = _page(client, {"date_from": today, "date_to": today})
    assert 'aria-current="true">heute</a>' in html
    assert re.findall(r'<a class="filter-chip" href="[^"]*">([^<]*)<', html) == ["heute"]


def test_the_german_search_has_a_german_address_and_the_old_one_redirects(client, town):
    assert reverse("search:search") == "/de/suche/"
    response = client.get("/de/search/?q=Deutschkurs&topic=sprache")
    assert response.status_code == 301
    assert response["Location"] == "/de/suche/?q=Deutschkurs&topic=sprache"
    assert client.get("/en/search/", {"q": "Deutsch"}).status_code == 200
