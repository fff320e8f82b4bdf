"""The admin's export of event registrations: each partner downloads its own registrants, in German."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.events.conftest import berlin, make_event
from wegweiser.events.models import EventRegistration

pytestmark = pytest.mark.django_db

HEADINGS = ["Name", "E-Mail", "Veranstaltung", "Termin", "Status", "Sprache", "Angemeldet am"]


@pytest.fixture
def registrations(organisation_a, organisation_b):
    def register(organisation, title, name, email, **fields):
        event = make_event(organisation, title=title, start=berlin(2026, 12, 1, 19))
        return EventRegistration.objects.create(
            event=event, occurrence_start=event.start, name=name, email=email, **fields
        )

    return [
        register(
            organisation_a,
            "Elterncafé",
            "Olena Koval",
            "olena@example.org",
            status="confirmed",
            language="uk",
        ),
        register(organisation_b, "Sprachcafé B", "Leyla Yilmaz", "leyla@example.org", status="waiting"),
    ]


def csv_rows(client) -> list[list[str]]:
    response = client.get("/admin/event_registrations/", {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def xlsx_rows(client) -> list[list]:
    response = client.get("/admin/event_registrations/", {"export": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def test_a_partner_exports_its_own_registrants_with_german_headings_and_none_of_another(
    client, editor_a, registrations
):
    client.force_login(editor_a)

    header, *rows = csv_rows(client)
    assert header == HEADINGS
    assert rows == [
        [
            "Olena Koval",
            "olena@example.org",
            "Elterncafé",
            "01.12.2026 19:00",
            "bestätigt",
            "Ukrainisch",  # the language she registered in, named as the admin names it ("uk" before)
            rows[0][6],
        ]
    ]
    assert rows[0][6]
    header, *rows = xlsx_rows(client)
    assert header == HEADINGS
    assert [row[:3] + row[4:6] for row in rows] == [
        ["Olena Koval", "olena@example.org", "Elterncafé", "bestätigt", "Ukrainisch"]
    ]
    assert rows[0][3].strftime("%d.%m.%Y %H:%M") == "01.12.2026 19:00"


def test_the_other_partner_and_an_administrator_export_what_they_may_see(
    client, editor_b, admin_user, registrations
):
    client.force_login(editor_b)
    assert [row[0] for row in csv_rows(client)[1:]] == ["Leyla Yilmaz"]
    assert "Olena" not in str(xlsx_rows(client))
    client.force_login(admin_user)
    assert sorted(row[0] for row in csv_rows(client)[1:]) == ["Leyla Yilmaz", "Olena Koval"]


def test_a_name_written_as_a_formula_is_exported_as_text(client, editor_a, registrations):
    registrations[0].name = '=HYPERLINK("http://evil.example")'
    registrations[0].save()
    client.force_login(editor_a)
    assert csv_rows(client)[1][0] == '\'=HYPERLINK("http://evil.example")'


def test_the_export_is_named_as_the_partner_recognises_it_among_downloads(client, editor_a, registrations):
    client.force_login(editor_a)
    for format in ("csv", "xlsx"):
        response = client.get("/admin/event_registrations/", {"export": format})
        assert 'filename="veranstaltungs-anmeldungen-' in response["Content-Disposition"], format
