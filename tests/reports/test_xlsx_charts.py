"""The office opens a report's XLSX export and finds the report's chart in it: a native Excel bar chart over
the exported rows, titled in the office's language."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def german_office(client, office_user):
    profile = UserProfile.get_for_user(office_user)
    profile.preferred_language = "de"
    profile.save()
    client.force_login(office_user)
    return client


def exported_sheet(client, report, **params):
    response = client.get(reverse(f"reports:{report}"), {"export": "xlsx", **params})
    assert response.status_code == 200
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def title_of(chart) -> str:
    return "".join(run.t for paragraph in chart.title.tx.rich.p for run in paragraph.r or ())


def series_refs(chart) -> list[tuple[str, str, str]]:
    """(name cell, values, categories) of every series, as Excel formulas."""
    refs = []
    for series in chart.series:
        categories = series.cat.strRef or series.cat.multiLvlStrRef or series.cat.numRef
        refs.append((series.tx.strRef.f, series.val.numRef.f, categories.f))
    return refs


def test_coverage_export_carries_a_stacked_bar_chart_of_its_matrix(german_office, town):
    sheet = exported_sheet(german_office, "coverage")

    assert sheet.title == "Abdeckung"
    assert [cell.value for cell in sheet[1]][:4] == ["Thema", "Nordstadt", "Südstadt", "Altstadt"]
    [chart] = sheet._charts
    assert chart.tagname == "barChart" and chart.type == "bar"
    assert chart.grouping == "stacked"
    assert title_of(chart) == "Veröffentlichte Einträge: Thema × Stadtteil"
    assert series_refs(chart) == [
        ("'Abdeckung'!B1", "'Abdeckung'!$B$2:$B$4", "'Abdeckung'!$A$2:$A$4"),
        ("'Abdeckung'!C1", "'Abdeckung'!$C$2:$C$4", "'Abdeckung'!$A$2:$A$4"),
        ("'Abdeckung'!D1", "'Abdeckung'!$D$2:$D$4", "'Abdeckung'!$A$2:$A$4"),
    ]
    assert [sheet.cell(row, 2).value for row in (2, 3, 4)] == [2, 1, 0], "the Nordstadt column it draws"


def test_freshness_export_charts_current_and_stale_listings_per_organisation(german_office, town):
    sheet = exported_sheet(german_office, "freshness")

    [chart] = sheet._charts
    assert title_of(chart) == "Veröffentlichte und davon veraltete Einträge je Organisation"
    assert [sheet.cell(1, column).value for column in (2, 3)] == [
        "Veröffentlichte Einträge",
        "Veraltete Einträge",
    ]
    rows = sheet.max_row
    assert series_refs(chart) == [
        ("'Aktualität'!B1", f"'Aktualität'!$B$2:$B${rows}", f"'Aktualität'!$A$2:$A${rows}"),
        ("'Aktualität'!C1", f"'Aktualität'!$C$2:$C${rows}", f"'Aktualität'!$A$2:$A${rows}"),
    ]


def test_demand_export_charts_the_table_it_exports(german_office, searches):
    sheet = exported_sheet(german_office, "demand", table="no_results")

    [chart] = sheet._charts
    assert title_of(chart) == "Suchen ohne Treffer"
    rows = sheet.max_row
    without, weak = series_refs(chart)
    assert sheet["C1"].value == "Suchen ohne Treffer" and sheet["D1"].value == "Nur teilweise gefunden"
    assert without == ("'Nachfrage'!C1", f"'Nachfrage'!$C$2:$C${rows}", f"'Nachfrage'!$A$2:$B${rows}")
    assert weak == ("'Nachfrage'!D1", f"'Nachfrage'!$D$2:$D${rows}", f"'Nachfrage'!$A$2:$B${rows}")


def test_the_listings_export_has_no_chart_and_an_empty_report_none(german_office, town):
    assert exported_sheet(german_office, "listings")._charts == []
    assert exported_sheet(german_office, "duplicates")._charts == [], "no pairs, no chart"
