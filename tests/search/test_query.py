"""Cleaning what visitors send: a bad URL becomes a message, never an error, and never a slow search."""

from __future__ import annotations

import pytest
from django.utils import translation

from wegweiser.search.query import MAX_QUERY_LENGTH, GeoPoint, SearchQuery
from wegweiser.site.registry import listing_types


def clean(params, **kwargs):
    return SearchQuery.from_querydict(params, locale="de", available_types=listing_types(), **kwargs)


def test_a_60000_character_query_is_shortened_with_a_message():
    query, messages = clean({"q": "Deutschkurs " * 5000})
    assert len(query.text) <= MAX_QUERY_LENGTH
    assert len(query.words) == 10
    with translation.override("en"):
        assert any("shortened" in str(message) for message in messages)


def test_unknown_facet_values_and_types_are_dropped_with_a_message(db):
    query, messages = clean({"cost": ["free", "gratis"], "type": ["meeting", "spaceship"]})
    assert query.filters == {"cost": ["free"]}
    assert query.listing_types == ["meeting"]
    assert len(messages) == 2


@pytest.mark.parametrize(
    "params",
    [
        {"lat": "north", "lon": "9.4"},
        {"lat": "91", "lon": "9.4"},
        {"lat": "nan", "lon": "inf"},
        {"near": "atlantis"},
        {"date_from": "gestern"},
        {"sort": "price"},
        {"sort": "distance"},
        {"near": "altstadt", "radius": "-3"},
    ],
)
def test_unreadable_parameters_become_messages(params):
    centres = {"altstadt": GeoPoint(51.3127, 9.4797, "Altstadt")}
    query, messages = clean(params, district_centres=centres)
    assert messages
    assert query.sort in ("relevance", "date", "distance")
    assert query.radius_km is None


def test_page_and_page_size_are_kept_in_bounds():
    query, _messages = clean({"page": "99999", "per_page": "5000"})
    assert query.page == 500 and query.per_page == 20
    query, _messages = clean({"page": "-4", "per_page": "50"})
    assert query.page == 1 and query.per_page == 50


def test_a_district_centre_gives_a_point_and_allows_distance_sorting():
    centres = {"altstadt": GeoPoint(51.3127, 9.4797, "Altstadt")}
    query, messages = clean({"near": "altstadt", "radius": "5", "sort": "distance"}, district_centres=centres)
    assert messages == []
    assert query.point == centres["altstadt"] and query.radius_km == 5 and query.sort == "distance"
    assert query.log_filters() == {"near": "altstadt", "radius": 5.0}


def test_a_browser_location_is_not_logged_precisely():
    query, _messages = clean({"lat": "51.31234567", "lon": "9.47"})
    assert query.point.latitude == 51.31235
    assert query.log_filters() == {"near": "location"}
