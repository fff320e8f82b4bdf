"""Responses are cacheable (ETag / Last-Modified, 304 on revalidation) and rate-limited per client."""

from __future__ import annotations

import pytest

from tests.api.conftest import API, add_counselling

URL = f"{API}/listings/counselling-hour/"


@pytest.mark.django_db
def test_revalidation_answers_304_until_content_changes(client, counselling_type, caritas):
    add_counselling(caritas, "Migrationsberatung")
    first = client.get(URL)
    assert first.status_code == 200
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert etag and last_modified

    assert client.get(URL, headers={"if-none-match": etag}).status_code == 304
    assert client.get(URL, headers={"if-modified-since": last_modified}).status_code == 304

    add_counselling(caritas, "Jobberatung")
    changed = client.get(URL, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert changed.json()["count"] == 2


@pytest.mark.django_db
def test_rate_limit_answers_429_with_retry_after_per_client(client, counselling_type, caritas, settings):
    settings.WEGWEISER_API_RATE_LIMIT = "3/minute"
    for _ in range(3):
        assert client.get(URL).status_code == 200
    limited = client.get(URL)
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert "3" in limited.json()["detail"]
    assert client.get(URL, REMOTE_ADDR="192.0.2.7").status_code == 200


@pytest.mark.django_db
def test_unknown_endpoint_is_a_json_404_not_a_redirect(client, home):
    response = client.get(f"{API}/gibt-es-nicht/")
    assert response.status_code == 404
    assert response.json()["detail"]
