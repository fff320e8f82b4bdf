"""Addresses no person would type (a NUL character in the path or query string) get a plain 400
in the visitor's language, on PostgreSQL as on SQLite, instead of a server error."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_nul_in_a_search_query_is_a_bad_request_page_in_the_visitors_language(client, home):
    response = client.get("/de/suche/", {"q": "Deutsch\x00kurs"})
    assert response.status_code == 400
    assert "Diese Adresse kann nicht geöffnet werden" in response.content.decode()

    english = client.get("/en/search/", {"q": "\x00"})
    assert english.status_code == 400
    assert "This address cannot be opened" in english.content.decode()


@pytest.mark.django_db
def test_nul_in_an_api_filter_is_answered_in_the_api_error_shape(client, home):
    response = client.get("/api/v1/organisations/", {"district": ["nord", "m\x00itte"], "locale": "en"})
    assert response.status_code == 400
    body = response.json()
    assert "not allowed" in body["detail"]
    assert list(body["errors"]) == ["district"]


@pytest.mark.django_db
def test_nul_in_a_page_path_is_a_bad_request(client, home):
    assert client.get("/de/angebote%00/").status_code == 400


@pytest.mark.django_db
def test_ordinary_addresses_still_work(client, home):
    assert client.get("/de/suche/", {"q": "Deutschkurs"}).status_code == 200
