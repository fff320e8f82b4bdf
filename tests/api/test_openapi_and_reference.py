"""The OpenAPI document and the reference page are served by the portal itself and name every
registered listing type, including those of installed plugins (e.g. the example housing plugin)."""

from __future__ import annotations

import re

import pytest

from tests.api.conftest import API
from wegweiser.site.registry import listing_types


@pytest.mark.django_db
def test_openapi_document_names_every_registered_listing_type(client, counselling_type, home):
    document = client.get(f"{API}/openapi.json").json()
    assert document["info"]["version"] == "1"
    assert set(listing_types()) >= {"counselling-hour"}
    for key in listing_types():
        for path in (f"{API}/listings/{key}/", f"{API}/listings/{key}/{{id}}/", f"{API}/export/{key}.csv"):
            assert path in document["paths"], path
    parameters = {
        p["name"] for p in document["paths"][f"{API}/listings/counselling-hour/"]["get"]["parameters"]
    }
    assert {
        "topic",
        "language",
        "district",
        "target_group",
        "cost",
        "focus",
        "walk_in",
        "locale",
    } <= parameters
    assert {"updated_since", "lat", "lon", "radius", "limit", "offset"} <= parameters


@pytest.mark.django_db
def test_plugin_schema_is_used_for_a_type_that_brings_its_own(client, home):
    with_own_schema = {key: lt for key, lt in listing_types().items() if lt.api_schema is not None}
    assert {"offer", "event", "housing"} <= set(with_own_schema)
    document = client.get(f"{API}/openapi.json").json()
    schemas = document["components"]["schemas"]
    for listing_type in with_own_schema.values():
        assert listing_type.api_schema.__name__ in schemas
        response = client.get(f"{API}/listings/{listing_type.key}/")
        assert response.status_code == 200
        assert response.json()["count"] == 0
    assert {"course_dates", "level_from", "level_to", "levels", "course_level", "by_appointment_only"} <= set(
        schemas["OfferSchema"]["properties"]
    )
    assert {"occurrences", "registration", "cancelled"} <= set(schemas["EventSchema"]["properties"])
    assert {"start_date", "seats_free", "status"} <= set(schemas["CourseDateOut"]["properties"])
    occurrences = document["paths"][f"{API}/listings/event/occurrences/"]["get"]
    parameters = {parameter["name"] for parameter in occurrences["parameters"]}
    assert {"date_from", "date_to", "topic", "limit", "offset", "locale"} <= parameters
    event_parameters = {p["name"] for p in document["paths"][f"{API}/listings/event/"]["get"]["parameters"]}
    assert {"date_from", "date_to"} <= event_parameters


@pytest.mark.django_db
def test_topic_filter_lists_the_current_terms_as_allowed_values(client, counselling_type, town):
    document = client.get(f"{API}/openapi.json").json()
    parameters = document["paths"][f"{API}/listings/counselling-hour/"]["get"]["parameters"]
    topic = next(parameter for parameter in parameters if parameter["name"] == "topic")
    assert "sprache" in topic["schema"]["items"]["enum"]


@pytest.mark.django_db
def test_reference_page_documents_the_api_without_third_party_requests(client, counselling_type, home):
    response = client.get(f"{API}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{API}/listings/counselling-hour/" in html
    assert "openapi.json" in html
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    licence = re.findall(r'href="(https?://[^"]+)" rel="license"', html)
    assert [url for url in external if not url.startswith("http://testserver/") and url not in licence] == []
    assert client.get("/api/").status_code == 302


@pytest.mark.parametrize(("language", "marked"), [("de", True), ("ar", True), ("en", False)])
def test_the_reference_marks_its_english_texts_on_a_page_in_another_language(client, home, language, marked):
    """The OpenAPI texts are English; a German or Arabic screen reader reads them with an English voice."""
    html = client.get(f"{API}/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    summaries = re.findall(r'<h3 id="[^"]+-title"([^>]*)>', html)
    assert summaries and all(('lang="en"' in attributes) is marked for attributes in summaries)


@pytest.mark.django_db
def test_every_installed_listing_type_answers_lists_filters_and_exports(client, home, settings):
    """Whatever plugins are installed (offers, events, volunteering, housing …), their types work here."""
    settings.WEGWEISER_API_RATE_LIMIT = 0
    for key, listing_type in listing_types().items():
        flags = {facet.name: "true" for facet in listing_type.all_facets() if facet.kind == "flag"}
        listed = client.get(f"{API}/listings/{key}/", {"locale": "en", **flags})
        assert listed.status_code == 200, (key, listed.content)
        assert listed.json()["count"] == 0
        exported = client.get(f"{API}/export/{key}.csv", {"dialect": "rfc4180"})
        assert exported.status_code == 200, key
        header = exported.content.decode().splitlines()[0]
        assert header.startswith("id,translation_key,type,locale,title")
        assert client.get(f"{API}/export/{key}.json").json()["type"] == key
