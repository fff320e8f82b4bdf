"""Demand: what newcomers search for and do not find, from the anonymous search log."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from openpyxl import load_workbook

from tests.reports.conftest import german_csv_rows
from wegweiser.reports import demand

pytestmark = pytest.mark.django_db


def test_most_frequent_searches_fold_case_and_spacing(searches):
    rows = demand.most_frequent_searches(demand.searches_in_period(None, None, ""))

    top = rows[0]
    assert (top.query, top.searches, top.without_results) == ("deutschkurs", 5, 1)


def test_searches_without_results_by_locale_hide_personal_data(searches):
    start = timezone.localdate() - datetime.timedelta(days=30)
    rows = demand.searches_without_results(demand.searches_in_period(start, None))

    found = {(row.query, row.locale): row.searches for row in rows}
    assert found[("schuldnerberatung", "de")] == 2
    assert found[("debt counselling", "en")] == 1
    assert found[("консультация", "ru")] == 1
    assert not any("@" in query for query, _locale in found)
    assert found[(demand.HIDDEN_QUERY, "de")] == 1


def test_searches_whose_best_hits_had_only_part_of_the_words_count_as_gaps(searches):
    searches("Deutschkurs Samstag", results=4, weak=True)
    searches("deutschkurs  samstag", results=4, weak=True)
    period = demand.searches_in_period(None, None, "")

    frequent = {
        row.query: (row.searches, row.without_results, row.weak)
        for row in demand.most_frequent_searches(period)
    }
    assert frequent["deutschkurs samstag"] == (2, 0, 2)
    assert frequent["deutschkurs"] == (5, 1, 0)
    gaps = demand.searches_without_results(period)
    assert [(row.query, row.searches, row.weak) for row in gaps[:2]] == [
        ("deutschkurs samstag", 0, 2),
        ("schuldnerberatung", 2, 0),
    ]


def test_filters_used_most_are_counted_per_value(searches):
    rows = demand.filters_used(
        demand.searches_in_period(timezone.localdate() - datetime.timedelta(days=30), None)
    )

    uses = {(row.facet, row.value): row.uses for row in rows}
    assert uses == {
        ("topic", "sprache"): 4,
        ("district", "nordstadt"): 3,
        ("childcare", "1"): 1,
        ("date_from", "1"): 1,
    }


def test_demand_page_shows_the_chosen_period_and_exports(client, office_user, searches):
    client.force_login(office_user)

    page = client.get(reverse("reports:demand"))
    assert page.status_code == 200
    assert page.context["search_count"] == 9
    assert 'class="ww-chart"' in page.content.decode()
    assert "max.mustermann" not in page.content.decode()

    exported = client.get(reverse("reports:demand"), {"table": "no_results", "locale": "de", "export": "csv"})
    header, *rows = german_csv_rows(exported)
    assert rows[0] == ["schuldnerberatung", "de", "2", "0"]  # the last column: only partly found
    assert {row[1] for row in rows} == {"de"}

    old = timezone.localdate() - datetime.timedelta(days=61)
    workbook = client.get(
        reverse("reports:demand"), {"table": "searches", "start": old.isoformat(), "export": "xlsx"}
    )
    values = list(
        load_workbook(io.BytesIO(b"".join(workbook.streaming_content))).active.iter_rows(values_only=True)
    )
    assert values[1] == ("deutschkurs", 5, 1, 0)


def test_a_friendly_note_when_there_is_no_search_log(client, office_user, monkeypatch):
    monkeypatch.setattr(demand, "search_log_model", lambda: None)
    client.force_login(office_user)

    response = client.get(reverse("reports:demand"))

    assert response.status_code == 200
    assert response.context["search_log_missing"]
    assert escape(str(response.context["no_search_log"])) in response.content.decode()
