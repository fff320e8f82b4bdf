"""Representative answers compared with stored expected JSON (tests/api/snapshots/)."""

from __future__ import annotations

import csv
import io

import pytest
from wagtail.models import Locale

from tests.api.conftest import API, add_counselling, translate
from tests.api.snapshots import assert_matches_snapshot
from wegweiser.site.models import District, Listing, StandardPage


@pytest.fixture
def sample(counselling_type, caritas, frauentreff, home, settings):
    settings.WEGWEISER_API_RATE_LIMIT = 0
    migration = add_counselling(
        caritas,
        "Migrationsberatung",
        topics=("beratung", "aufenthalt"),
        languages=("de", "ar"),
        target_groups=("gefluechtete",),
        walk_in=True,
        cost=Listing.Cost.FREE,
        registration="<p>Bitte den <b>Aufenthaltstitel</b> mitbringen.</p>",
        registration_url="https://caritas.example/termin",
        contact_name="Beratungsteam",
        contact_email="beratung@caritas.example",
        place_name="Caritas-Haus",
        street="Domplatz 1",
        postcode="12345",
        city="Teststadt",
        district=District.objects.get(slug="nordstadt", locale=Locale.get_default()),
        latitude=52.52,
        longitude=13.40,
        wheelchair_accessible=True,
    )
    translate(migration, "en", title="Migration counselling", summary="Advice on residence and family.")
    add_counselling(frauentreff, "Frauencafé", target_groups=("frauen",), languages=("fa",), focus="family")
    page = home.add_child(
        instance=StandardPage(title="Über uns", slug="ueber-uns", intro="Das Integrationsbüro.")
    )
    page.save_revision().publish()
    return migration


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("counselling_list_de", "/listings/counselling-hour/"),
        ("counselling_list_en", "/listings/counselling-hour/?locale=en"),
        ("counselling_near", "/listings/counselling-hour/?lat=52.521&lon=13.401&radius=1"),
        ("organisations_en", "/organisations/?locale=en"),
        ("pages", "/pages/"),
        ("districts_en", "/taxonomies/districts/?locale=en"),
        ("counselling_export_json", "/export/counselling-hour.json"),
        ("filter_error", "/listings/counselling-hour/?topic=unbekannt"),
    ],
)
def test_answers_match_stored_snapshots(client, sample, name, path):
    response = client.get(f"{API}{path}")
    assert response.status_code in (200, 400)
    assert_matches_snapshot(name, response.json())


@pytest.mark.django_db
def test_single_listing_and_its_json_ld_match_snapshots(client, sample):
    detail = client.get(f"{API}/listings/counselling-hour/{sample.pk}/")
    assert_matches_snapshot("counselling_detail", detail.json())
    jsonld = client.get(f"{API}/listings/counselling-hour/{sample.pk}.jsonld", {"locale": "en"})
    assert jsonld["Content-Type"].startswith("application/ld+json")
    assert_matches_snapshot("counselling_jsonld_en", jsonld.json())


@pytest.mark.django_db
def test_csv_export_has_the_documented_columns_and_one_row_per_listing(client, sample):
    response = client.get(f"{API}/export/counselling-hour.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert len(rows) == 2
    migration = next(row for row in rows if row["title"] == "Migrationsberatung")
    assert migration["topics"] == "aufenthalt;beratung" or set(migration["topics"].split(";")) == {
        "beratung",
        "aufenthalt",
    }
    assert migration["district"] == "nordstadt"
    assert migration["wheelchair_accessible"] == "true"
    assert migration["facet_walk_in"] == "true"
    assert migration["facet_focus"] == "residence"
    header = response.content.decode("utf-8").splitlines()[0].split(",")
    assert_matches_snapshot("counselling_export_csv_columns", header)
