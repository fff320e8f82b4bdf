"""Freshness: the office sees which partners' listings have gone stale, worst first."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.reports.conftest import german_csv_rows
from wegweiser.reports.freshness import freshness_by_organisation, review_age_bands
from wegweiser.reports.selection import ListingSelection

pytestmark = [pytest.mark.django_db, pytest.mark.built_once("town")]


def test_organisations_with_most_stale_listings_come_first(town, organisation_a, organisation_b, settings):
    settings.WEGWEISER_STALE_AFTER_DAYS = 183

    rows = freshness_by_organisation(ListingSelection())

    assert [(row.organisation, row.listings, row.stale) for row in rows] == [
        ("Verein A", 2, 2),
        ("Verein B", 2, 1),
    ]
    assert rows[0].stale_percent == 100 and rows[1].stale_percent == 50
    assert rows[0].oldest_review == town["integration"].last_reviewed


def test_the_stale_limit_comes_from_the_settings(town, settings):
    settings.WEGWEISER_STALE_AFTER_DAYS = 365

    rows = {row.organisation: row.stale for row in freshness_by_organisation(ListingSelection())}

    assert rows == {"Verein A": 1, "Verein B": 0}


def test_review_ages_are_grouped_into_bands(town, settings):
    settings.WEGWEISER_STALE_AFTER_DAYS = 183

    bands = review_age_bands(ListingSelection())

    assert [count for _label, count, _stale in bands] == [1, 0, 2, 1, 0], (
        "reviewed 10, 200, 300 and 400 days ago"
    )
    assert [stale for _label, _count, stale in bands] == [False, False, True, True, True]


def test_freshness_page_drills_down_to_an_organisations_stale_listings(
    client, office_user, town, organisation_b
):
    client.force_login(office_user)

    response = client.get(reverse("reports:freshness"))

    assert response.status_code == 200
    assert response.content.decode().count('class="ww-chart"') == 2
    row_b = next(row for row in response.context["object_list"] if row.organisation == "Verein B")
    stale = client.get(row_b.stale_url)
    assert [listing.title for listing in stale.context["object_list"]] == ["Migrationsberatung"]


def test_freshness_exports_parse_back(client, office_user, town):
    client.force_login(office_user)

    exported = client.get(reverse("reports:freshness"), {"export": "csv"})
    header, *rows = german_csv_rows(exported)
    assert [row[:3] for row in rows] == [["Verein A", "2", "2"], ["Verein B", "2", "1"]]

    listings = client.get(reverse("reports:listings"), {"export": "xlsx", "stale": "true"})
    values = list(
        load_workbook(io.BytesIO(b"".join(listings.streaming_content))).active.iter_rows(values_only=True)
    )
    assert sorted(row[0] for row in values[1:]) == [
        "Deutschkurs A1 für Frauen",
        "Integrationskurs mit Kinderbetreuung",
        "Migrationsberatung",
    ]
