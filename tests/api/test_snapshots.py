"""Representative answers compared with stored expected JSON (tests/api/snapshots/)."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from wagtail.models import Locale

from tests.api.conftest import API, add_counselling, module_world, pages_by_name, translate
from tests.api.snapshots import assert_matches_snapshot
from tests.events.conftest import make_event
from wegweiser.events.recurrence import BERLIN
from wegweiser.offers.factories import CourseDateFactory, OfferPageFactory
from wegweiser.offers.models import OfferPage
from wegweiser.site.models import District, Listing, StandardPage


def _add_sample(caritas, frauentreff) -> dict[str, int]:
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
    home = caritas.get_parent().get_parent()
    page = home.add_child(
        instance=StandardPage(title="Über uns", slug="ueber-uns", intro="Das Integrationsbüro.")
    )
    page.save_revision().publish()
    return {"migration": migration.pk}


@pytest.fixture(scope="module")
def sample_pks(partner_pks, django_db_blocker):
    with module_world(django_db_blocker, partner_pks, _add_sample) as pks:
        yield pks


@pytest.fixture
def sample(sample_pks, db, settings):
    settings.WEGWEISER_API_RATE_LIMIT = 0
    return pages_by_name(sample_pks)["migration"]


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
    response = client.get(f"{API}/export/counselling-hour.csv", {"dialect": "rfc4180"})
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


@pytest.fixture
def dated(caritas, frauentreff, settings):
    """A course and a weekly event far enough ahead (2090) that their dates make stable snapshots."""
    settings.WEGWEISER_API_RATE_LIMIT = 0
    course = OfferPageFactory(
        parent=caritas,
        title="Integrationskurs A2",
        slug="integrationskurs-a2",
        kind=OfferPage.Kind.COURSE,
        level_from=OfferPage.Level.A2,
        childcare=True,
        opening_hours="Mo–Fr 8–12",
        cost=Listing.Cost.FUNDED,
    )
    course.save_revision().publish()
    CourseDateFactory(
        page=course,
        start_date=datetime.date(2090, 3, 6),
        end_date=datetime.date(2090, 9, 29),
        schedule="Mo–Fr 8:30–12:45",
        seats_total=18,
        seats_free=4,
        registration_deadline=datetime.date(2090, 2, 15),
    )
    CourseDateFactory(
        page=course, start_date=datetime.date(2090, 10, 9), end_date=None, seats_total=18, seats_free=0
    )
    tuesday = datetime.datetime(2090, 3, 7, 19, tzinfo=BERLIN)
    make_event(
        frauentreff,
        "Sprachcafé",
        start=tuesday,
        end=tuesday + datetime.timedelta(hours=2),
        recurrence_frequency="WEEKLY",
        recurrence_until=datetime.date(2090, 4, 4),
        online_url="https://treff.example/cafe",
        exceptions=[
            {"occurrence_date": datetime.date(2090, 3, 14), "action": "cancel", "note": "Ferien"},
            {
                "occurrence_date": datetime.date(2090, 3, 28),
                "action": "move",
                "new_start": datetime.datetime(2090, 3, 29, 18, tzinfo=BERLIN),
                "note": "Raum 2",
            },
        ],
    )
    return course


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("offer_list_de", "/listings/offer/"),
        ("event_list_march_2090", "/listings/event/?date_from=2090-03-01&date_to=2090-04-30"),
        (
            "event_occurrences_march_2090",
            "/listings/event/occurrences/?date_from=2090-03-01&date_to=2090-04-30",
        ),
    ],
)
def test_offer_and_event_answers_match_stored_snapshots(client, dated, name, path):
    response = client.get(f"{API}{path}")
    assert response.status_code == 200, response.content
    assert_matches_snapshot(name, response.json())
