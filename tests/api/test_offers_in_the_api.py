"""The built-in offers plugin, reached through the registry, in the API: a missing plugin fails here."""

from __future__ import annotations

import pytest

from tests.api.conftest import API
from wegweiser.offers import factories as offers_factories
from wegweiser.site.registry import listing_types


@pytest.fixture
def offers(town, caritas):
    assert "offer" in listing_types(), "the built-in offers plugin is not registered"
    model = listing_types()["offer"].model
    course = offers_factories.OfferPageFactory(
        parent=caritas, title="Integrationskurs A1", kind=model.Kind.COURSE, level_from=model.Level.A1
    )
    counselling = offers_factories.OfferPageFactory(parent=caritas, title="Sozialberatung")
    for page in (course, counselling):
        page.save_revision().publish()
    return course, counselling


@pytest.mark.django_db
def test_course_level_filter_and_facet_values_come_from_the_offers_plugin(client, offers):
    response = client.get(f"{API}/listings/offer/", {"level": "a1"})
    assert response.status_code == 200, response.content
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Integrationskurs A1"]
    assert items[0]["facets"]["level"] == ["a1"]
    assert client.get(f"{API}/listings/offer/").json()["count"] == 2
    assert client.get(f"{API}/export/offer.csv").content.decode().count("\n") == 3


@pytest.mark.django_db
def test_a_course_from_a1_to_b1_is_listed_under_a2_with_its_range(client, offers, caritas):
    model = listing_types()["offer"].model
    course = offers_factories.OfferPageFactory(
        parent=caritas,
        title="Integrationskurs mit Kinderbetreuung",
        kind=model.Kind.COURSE,
        level_from=model.Level.A1,
        level_to=model.Level.B1,
    )
    course.save_revision().publish()
    response = client.get(f"{API}/listings/offer/", {"level": "a2"})
    assert response.status_code == 200, response.content
    [item] = response.json()["items"]
    assert (item["level_from"], item["level_to"], item["levels"]) == ("a1", "b1", ["a1", "a2", "b1"])
    assert item["level_label"] == "A1 – B1"
    assert item["facets"]["level"] == ["a1", "a2", "b1"]
    assert (item["course_level"], item["course_level_label"]) == ("b1", "B1")  # the old field, still readable
