"""An app developer gets housing offers from the public API, with the housing facts and filters, and finds
the housing endpoints in the OpenAPI document — only because the plugin is installed."""

from __future__ import annotations

from wegweiser.plugin_api import ListingSchema, PortalSettings

LIST_URL = "/api/v1/listings/housing/"


def test_api_lists_current_housing_offers_with_their_facts(client, family_flat, shared_room, organisation_a):
    response = client.get(LIST_URL)
    assert response.status_code == 200
    items = {item["title"]: item for item in response.json()["items"]}
    assert set(items) == {family_flat.title, shared_room.title}
    flat = items[family_flat.title]
    assert flat["id"] == family_flat.pk
    assert flat["kind"] == "flat"
    assert flat["rooms"] == 3
    assert flat["living_space"] == 74.5
    assert flat["rent_warm"] == 720.0
    assert flat["wbs_required"] is True
    assert flat["kdu_accepted"] is True
    assert flat["place"]["district"]["slug"] == "nordstadt"
    assert flat["place"]["street"] == "Lessingstraße 17"
    assert flat["organisation"]["title"] == organisation_a.title
    assert flat["type"] == "housing"
    assert flat["cost_label"]


def test_housing_offers_carry_every_field_of_a_listing(client, family_flat):
    """The housing schema is the shared listing shape plus the housing facts: nothing of a listing missing."""
    flat = client.get(LIST_URL).json()["items"][0]
    assert set(ListingSchema.model_fields) - {"body_html", "distance_km"} <= set(flat)


def test_api_filters_housing_offers_like_the_finder(client, family_flat, shared_room, large_flat):
    titles = lambda query: {item["title"] for item in client.get(LIST_URL + query).json()["items"]}  # noqa: E731
    assert titles("?housing_kind=shared_flat") == {shared_room.title}
    assert titles("?kdu_accepted=true") == {family_flat.title, large_flat.title}
    assert titles("?rooms=4%2B") == {large_flat.title}
    assert titles("?wbs=not_needed&family_suitable=true") == {large_flat.title}


def test_api_rejects_an_unknown_housing_kind_with_a_message(client, family_flat):
    response = client.get(LIST_URL + "?housing_kind=castle")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_api_shows_one_housing_offer(client, family_flat):
    response = client.get(f"{LIST_URL}{family_flat.pk}/")
    assert response.status_code == 200
    assert response.json()["title"] == family_flat.title


def test_openapi_document_describes_the_housing_endpoints(client, home):
    document = client.get("/api/v1/openapi.json").json()
    assert any(path.endswith("/listings/housing/") for path in document["paths"])
    schema_fields = set()
    for schema in document["components"]["schemas"].values():
        schema_fields |= set(schema.get("properties", {}))
    assert {"kdu_accepted", "wbs_required", "rent_warm", "living_space"} <= schema_fields


def test_switched_off_housing_leaves_the_api(client, home, family_flat):
    settings = PortalSettings.for_site(home.get_site())
    settings.disabled_listing_types = ["housing"]
    settings.save()
    for url in (LIST_URL, f"{LIST_URL}{family_flat.pk}/"):
        response = client.get(url, follow=True)
        assert response.status_code == 404
        assert family_flat.title not in response.content.decode()
