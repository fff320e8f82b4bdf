"""Coverage: the office sees where offers are missing, per topic and district or language spoken."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.reports.conftest import german_csv_rows
from wegweiser.reports.coverage import GAP, THIN, coverage_matrix
from wegweiser.reports.selection import ListingSelection

pytestmark = [pytest.mark.django_db, pytest.mark.built_once("town")]


def counts(matrix):
    return {row.topic: {cell.column: cell.count for cell in row.cells} for row in matrix.rows}


def statuses(matrix, status):
    return {(row.topic, cell.column) for row in matrix.rows for cell in row.cells if cell.status == status}


def test_topic_by_district_counts_current_listings_only(town):
    matrix = coverage_matrix(ListingSelection(), "district")

    assert counts(matrix) == {
        "sprache": {"nordstadt": 2, "suedstadt": 1, "altstadt": 0},
        "beratung": {"nordstadt": 1, "suedstadt": 1, "altstadt": 0},
        "arbeit": {"nordstadt": 0, "suedstadt": 0, "altstadt": 0},
    }
    assert matrix.listing_count == 4
    assert [row.total for row in matrix.rows] == [3, 2, 0]
    assert matrix.column_totals == {"nordstadt": 3, "suedstadt": 1, "altstadt": 0}


def test_empty_and_thin_cells_are_marked(town):
    matrix = coverage_matrix(ListingSelection(), "district")

    assert statuses(matrix, GAP) == {
        ("sprache", "altstadt"),
        ("beratung", "altstadt"),
        ("arbeit", "nordstadt"),
        ("arbeit", "suedstadt"),
        ("arbeit", "altstadt"),
    }
    assert statuses(matrix, THIN) == {
        ("sprache", "suedstadt"),
        ("beratung", "nordstadt"),
        ("beratung", "suedstadt"),
    }
    assert (matrix.gap_count, matrix.thin_count) == (5, 3)


def test_topic_by_language(town):
    matrix = coverage_matrix(ListingSelection(), "language")

    assert counts(matrix) == {
        "sprache": {"de": 3, "ar": 1, "uk": 1},
        "beratung": {"de": 1, "ar": 1, "uk": 1},
        "arbeit": {"de": 0, "ar": 0, "uk": 0},
    }


def test_filters_by_kind_target_group_and_date(town):
    counselling = coverage_matrix(ListingSelection(kind="counselling"))
    assert counselling.listing_count == 1
    assert counts(counselling)["beratung"]["nordstadt"] == 1

    for_women = coverage_matrix(ListingSelection(target_group="frauen"))
    assert for_women.listing_count == 1
    assert counts(for_women)["sprache"] == {"nordstadt": 1, "suedstadt": 0, "altstadt": 0}

    next_month = timezone.localdate() + datetime.timedelta(days=40)
    later = coverage_matrix(ListingSelection(current_on=next_month))
    assert counts(later)["sprache"]["altstadt"] == 1, "the autumn course is visible then"


def test_coverage_page_marks_gaps_in_text_and_links_cells_to_their_listings(client, office_user, town):
    client.force_login(office_user)

    response = client.get(reverse("reports:coverage"))

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('data-status="gap"') == 5
    assert html.count('class="ww-marker">gap<') + html.count('class="ww-marker">Lücke<') == 5
    assert '<svg class="ww-chart" role="img"' in html
    drill_down = response.context["object_list"][0].cells[0].url
    listings = client.get(drill_down)
    titles = {listing.title for listing in listings.context["object_list"]}
    assert titles == {"Deutschkurs A1 für Frauen", "Deutschkurs B1 am Abend"}


def test_coverage_by_language_via_the_filter(client, office_user, town):
    client.force_login(office_user)

    response = client.get(reverse("reports:coverage"), {"across": "language", "kind": "course"})

    rows = {row.topic: row.values for row in response.context["object_list"]}
    assert rows["sprache"] == {"de": 3, "ar": 1, "uk": 1}
    assert rows["beratung"] == {"de": 1, "ar": 0, "uk": 1}


def test_coverage_exports_parse_back(client, office_user, town):
    client.force_login(office_user)

    csv_response = client.get(reverse("reports:coverage"), {"export": "csv"})
    rows = german_csv_rows(csv_response)
    assert rows[0][1:4] == ["Nordstadt", "Südstadt", "Altstadt"]
    assert rows[1][:4] == ["Sprache", "2", "1", "0"]
    assert rows[3][0] == "Arbeit" and rows[3][-1] == "3", "three empty cells in the work row"

    xlsx_response = client.get(reverse("reports:coverage"), {"export": "xlsx", "across": "language"})
    sheet = load_workbook(io.BytesIO(b"".join(xlsx_response.streaming_content))).active
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0][1:4]) == ["Deutsch", "Arabisch", "Ukrainisch"]
    assert list(values[1][:4]) == ["Sprache", 3, 1, 1]


def test_bad_filter_input_gets_a_message_not_an_error(client, office_user, town):
    client.force_login(office_user)

    response = client.get(reverse("reports:coverage"), {"current_on": "not-a-date", "across": "nonsense"})

    assert response.status_code == 200
    assert response.context["filter_errors"]
    assert response.context["matrix"].listing_count == 4


def test_the_office_reads_the_report_in_german(client, office_user, town):
    client.force_login(office_user)

    html = client.get(reverse("reports:coverage"), HTTP_ACCEPT_LANGUAGE="de").content.decode()

    assert html.count('class="ww-marker">Lücke<') == 5
    assert "Einträge je Stadtteil" in html
