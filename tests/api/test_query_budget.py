"""The number of database queries per answer does not grow with the page size."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import API, add_counselling, module_world, translate
from wegweiser.site.models import StandardPage


def queries_for(client, url: str) -> int:
    client.get(url)  # warm caches (site root paths, term labels) shared by every later request
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(captured)


def _add_catalogue(caritas, frauentreff) -> dict:
    home = caritas.get_parent().get_parent()
    for number in range(6):
        page = add_counselling(
            caritas if number % 2 else frauentreff,
            f"Beratung {number}",
            topics=("beratung", "arbeit"),
            languages=("de", "ar", "uk"),
            district=caritas.district,
        )
        if number < 3:
            translate(page, "en", title=f"Counselling {number}")
        content_page = home.add_child(instance=StandardPage(title=f"Seite {number}", slug=f"seite-{number}"))
        content_page.save_revision().publish()
    return {}


@pytest.fixture(scope="module")
def catalogue_world(partner_pks, django_db_blocker):
    with module_world(django_db_blocker, partner_pks, _add_catalogue):
        yield


@pytest.fixture
def catalogue(catalogue_world, db, settings):
    settings.WEGWEISER_API_RATE_LIMIT = 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/listings/counselling-hour/",
        "/listings/counselling-hour/?locale=en",
        "/listings/counselling-hour/?topic=beratung&language=ar&lat=52.5&lon=13.4&radius=50",
        "/organisations/",
        "/pages/",
    ],
)
def test_list_queries_do_not_grow_with_page_size(client, catalogue, path):
    separator = "&" if "?" in path else "?"
    small = queries_for(client, f"{API}{path}{separator}limit=1")
    large = queries_for(client, f"{API}{path}{separator}limit=50")
    assert small == large
    assert large <= 16


@pytest.mark.django_db
def test_export_queries_do_not_grow_with_the_catalogue(client, counselling_type, caritas, settings):
    settings.WEGWEISER_API_RATE_LIMIT = 0
    add_counselling(caritas, "Sprechstunde A")
    few = queries_for(client, f"{API}/export/counselling-hour.json")
    for number in range(5):
        add_counselling(caritas, f"Sprechstunde {number}", languages=("de", "fa"))
    many = queries_for(client, f"{API}/export/counselling-hour.json")
    assert few == many
