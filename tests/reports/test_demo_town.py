"""The demo town gives every report something to show, so the office can judge them before going live."""

from __future__ import annotations

import pytest

from wegweiser.reports import demand
from wegweiser.reports.duplicates import find_duplicates
from wegweiser.reports.selection import ListingSelection


@pytest.mark.django_db
def test_every_report_has_something_to_show_in_the_demo_town(demo_town):
    titles = {
        frozenset((pair.first.title, pair.second.title)) for pair in find_duplicates(ListingSelection())
    }
    assert (
        frozenset(
            {
                "Sprachcafé für Mütter mit Kinderbetreuung",
                "Sprachcafé für Mütter mit Kinderbetreuung am Mittwoch",
            }
        )
        in titles
    )

    assert ListingSelection(stale_only=True).count() >= 3

    searches = demand.searches_in_period(None, None)
    assert [row.query for row in demand.searches_without_results(searches)][:2] == [
        "schuldnerberatung",
        "юрист",
    ]
