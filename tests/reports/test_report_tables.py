"""The office's reports and a partner's start page show their tables under the German column headings."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.admin_tables import column_headings
from tests.reports.test_dashboards import in_german

pytestmark = [pytest.mark.django_db, pytest.mark.built_once("town", "planted")]


def test_each_report_names_its_columns(client, office_user, town, planted):
    office = in_german(client, office_user)

    def headings(url_name, **query):
        return column_headings(office.get(reverse(f"reports:{url_name}"), query).content.decode())[-1]

    assert headings("freshness") == [
        "Organisation",
        "Veröffentlichte Einträge",
        "Veraltete Einträge",
        "Älteste Prüfung",
    ]
    assert headings("duplicates") == [
        "Ähnlichkeit",
        "Eintrag",
        "Ähnlicher Eintrag",
        "Gemeinsame Themen",
        "Stadtteil",
    ]
    assert headings("listings") == [
        "Titel",
        "Art des Eintrags",
        "Organisation",
        "Stadtteil",
        "Zuletzt geprüft",
    ]


def test_each_table_of_the_demand_report_names_its_columns(client, office_user, searches, town):
    office = in_german(client, office_user)

    def headings(table):
        return column_headings(office.get(reverse("reports:demand"), {"table": table}).content.decode())[-1]

    page = office.get(reverse("reports:demand")).content.decode()
    assert '<caption class="w-sr-only">Häufigste Suchen</caption>' in page

    assert headings("searches") == ["Suchwörter", "Suchen", "Ohne Treffer", "Nur teilweise gefunden"]
    assert headings("no_results") == [
        "Suchwörter",
        "Sprache",
        "Suchen ohne Treffer",
        "Nur teilweise gefunden",
    ]
    assert headings("filters") == ["Filter", "Wert", "Anzahl Nutzungen"]


def test_a_partner_s_listings_are_named_by_column(client, editor_a, town):
    html = in_german(client, editor_a).get(reverse("wagtailadmin_home")).content.decode()

    assert ["Titel", "Art des Eintrags", "Status"] in column_headings(html)
