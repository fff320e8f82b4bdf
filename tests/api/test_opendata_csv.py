"""Open data for German spreadsheets: the CSV export opens in Excel in columns with its umlauts intact,
and programs that want plain RFC 4180 CSV get it on request."""

from __future__ import annotations

import codecs
import csv
import io

import pytest

from tests.api.conftest import API
from wegweiser.offers import factories as offers_factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(town, caritas):
    page = offers_factories.OfferPageFactory(parent=caritas, title="Sprachcafé für Mütter; offen")
    page.save_revision().publish()
    return page


def test_by_default_the_export_is_for_german_spreadsheet_programs(client, offer):
    response = client.get(f"{API}/export/offer.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(codecs.BOM_UTF8)
    header, row = csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    assert header[:5] == ["id", "translation_key", "type", "locale", "title"]
    assert row[4] == "Sprachcafé für Mütter; offen"
    assert response.content.endswith(b"\r\n")


def test_plain_rfc_4180_csv_on_request(client, offer):
    response = client.get(f"{API}/export/offer.csv", {"dialect": "rfc4180"})

    assert response.status_code == 200
    assert not response.content.startswith(codecs.BOM_UTF8)
    body = response.content.decode("utf-8")
    assert body.startswith("id,translation_key,type,locale,title,")
    header, row = csv.reader(io.StringIO(body))
    assert row[header.index("title")] == "Sprachcafé für Mütter; offen"
    assert body.count("\r\n") == 2


def test_an_unknown_dialect_gets_a_clear_answer(client, offer):
    response = client.get(f"{API}/export/offer.csv", {"dialect": "tsv"})

    assert response.status_code == 400
    assert "dialect" in response.json()["errors"]
