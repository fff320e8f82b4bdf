"""An app developer lists and filters listings of any registered type, like in the public finder."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.api.conftest import API, add_counselling, module_world, pages_by_name, translate
from wegweiser.site.models import Listing, PortalSettings, Topic

URL = f"{API}/listings/counselling-hour/"


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def _add_hours(caritas, frauentreff) -> dict[str, int]:
    return {
        "migration": add_counselling(
            caritas,
            "Migrationsberatung",
            topics=("beratung", "aufenthalt"),
            languages=("de", "ar"),
            walk_in=True,
            latitude=52.52,
            longitude=13.40,
            district=caritas.district,
        ).pk,
        "jobs": add_counselling(
            caritas,
            "Jobberatung",
            topics=("arbeit",),
            languages=("de", "uk"),
            focus="work",
            cost=Listing.Cost.FEE,
            latitude=52.60,
            longitude=13.40,
        ).pk,
        "women": add_counselling(
            frauentreff,
            "Frauencafé Beratung",
            topics=("beratung",),
            target_groups=("frauen",),
            languages=("fa",),
            focus="family",
        ).pk,
    }


@pytest.fixture(scope="module")
def hour_pks(partner_pks, django_db_blocker):
    with module_world(django_db_blocker, partner_pks, _add_hours) as pks:
        yield pks


@pytest.fixture
def hours(hour_pks, db):
    return pages_by_name(hour_pks)


@pytest.mark.django_db
def test_listings_are_ordered_by_id_with_stable_ids(client, hours):
    response = client.get(URL)
    items = response.json()["items"]
    assert [item["id"] for item in items] == sorted(item["id"] for item in items)
    assert {item["id"] for item in items} == {page.pk for page in hours.values()}
    assert response.json()["count"] == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=arbeit", ["Jobberatung"]),
        ("topic=arbeit&topic=aufenthalt", ["Migrationsberatung", "Jobberatung"]),
        ("language=ar", ["Migrationsberatung"]),
        ("target_group=frauen", ["Frauencafé Beratung"]),
        ("district=nordstadt", ["Migrationsberatung"]),
        ("cost=fee", ["Jobberatung"]),
        ("focus=family", ["Frauencafé Beratung"]),
        ("walk_in=true", ["Migrationsberatung"]),
        ("provider_kind=migrant", ["Frauencafé Beratung"]),
        ("q=job", ["Jobberatung"]),
    ],
)
def test_filters_are_the_finders_facets(client, hours, query, expected):
    assert titles(client.get(f"{URL}?{query}")) == expected


@pytest.mark.django_db
def test_unknown_filter_value_gets_a_clear_400(client, hours):
    response = client.get(f"{URL}?topic=gibt-es-nicht")
    assert response.status_code == 400
    body = response.json()
    assert "topic" in body["errors"]
    assert body["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["limit=0", "limit=1000", "offset=-1", "lat=200&lon=1", "locale=xx", "walk_in=maybe"]
)
def test_invalid_parameters_get_400_not_500(client, hours, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert response.json()["errors"]


@pytest.mark.django_db
def test_pagination_walks_through_everything_once(client, hours):
    first = client.get(f"{URL}?limit=2").json()
    assert len(first["items"]) == 2 and first["previous"] is None
    second = client.get(first["next"]).json()
    assert len(second["items"]) == 1 and second["next"] is None
    assert second["previous"]
    seen = [item["id"] for item in first["items"] + second["items"]]
    assert sorted(seen) == sorted(page.pk for page in hours.values())


@pytest.mark.django_db
def test_near_a_point_finds_only_listings_within_the_radius(client, hours):
    response = client.get(f"{URL}?lat=52.52&lon=13.41&radius=2")
    assert titles(response) == ["Migrationsberatung"]
    assert 0.5 < response.json()["items"][0]["distance_km"] < 1.0
    assert titles(client.get(f"{URL}?lat=52.52&lon=13.41&radius=20")) == ["Migrationsberatung", "Jobberatung"]


@pytest.mark.django_db
def test_near_needs_both_coordinates(client, hours):
    response = client.get(f"{URL}?lat=52.52")
    assert response.status_code == 400
    assert "lon" in response.json()["detail"]


@pytest.mark.django_db
def test_updated_since_returns_only_what_changed_for_incremental_sync(client, hours):
    old = timezone.now() - datetime.timedelta(days=3)
    Listing_model = type(hours["jobs"])
    Listing_model.objects.exclude(pk=hours["jobs"].pk).update(last_published_at=old)
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    response = client.get(URL, {"updated_since": since})
    assert titles(response) == ["Jobberatung"]
    assert response.json()["items"][0]["updated_at"]


@pytest.mark.django_db
def test_locale_gives_the_translation_and_falls_back_to_german(client, hours):
    translate(hours["jobs"], "en", title="Job counselling", summary="Advice on work.")
    response = client.get(URL, {"locale": "en"})
    items = {item["title"]: item for item in response.json()["items"]}
    assert set(items) == {"Migrationsberatung", "Job counselling", "Frauencafé Beratung"}
    assert items["Job counselling"]["locale"] == "en"
    assert items["Migrationsberatung"]["locale"] == "de"
    assert items["Job counselling"]["translation_key"] == str(hours["jobs"].translation_key)
    english_name = Topic.objects.get(slug="arbeit", locale__language_code="en").name
    assert items["Job counselling"]["topics"] == [{"slug": "arbeit", "name": english_name}]
    assert items["Migrationsberatung"]["languages"][1]["name"] != "Arabisch"


@pytest.mark.django_db
def test_locale_without_any_content_yet_answers_in_german(client, hours):
    response = client.get(URL, {"locale": "ar"})
    assert sorted(titles(response)) == sorted(page.title for page in hours.values())


@pytest.mark.django_db
def test_single_listing_has_its_details_and_translation(client, hours):
    english = translate(hours["jobs"], "en", title="Job counselling")
    response = client.get(f"{URL}{hours['jobs'].pk}/")
    assert response.status_code == 200
    assert response.json()["title"] == "Jobberatung"
    assert "body_html" in response.json()
    response = client.get(f"{URL}{hours['jobs'].pk}/", {"locale": "en"})
    assert response.json()["id"] == english.pk
    assert client.get(f"{URL}999999/").status_code == 404


@pytest.mark.django_db
def test_type_switched_off_for_the_site_is_not_offered(client, hours, home):
    settings = PortalSettings.for_site(home.get_site())
    settings.disabled_listing_types = ["counselling-hour"]
    settings.save()
    assert client.get(URL).status_code == 404
    assert client.get(f"{API}/export/counselling-hour.csv").status_code == 404
    assert "/api/v1/listings/counselling-hour/" not in client.get(f"{API}/openapi.json").json()["paths"]
