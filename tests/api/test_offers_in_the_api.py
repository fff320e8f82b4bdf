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
        parent=caritas, title="Integrationskurs A1", kind=model.Kind.COURSE, course_level=model.Level.A1
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
