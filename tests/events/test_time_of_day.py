"""Events have the core's time-of-day facet too: their weekly slot comes from their own start, end and repetition."""

from __future__ import annotations

import pytest

from tests.events.conftest import berlin
from wegweiser.site.models import ListingDayPart


@pytest.fixture
def events(event_factory):
    return {
        "sprachcafe": event_factory(
            title="Sprachcafé",
            start=berlin(2030, 3, 5, 18),  # a Tuesday
            end=berlin(2030, 3, 5, 20),
            recurrence_frequency="WEEKLY",
            recurrence_weekdays=["TU", "TH"],
        ),
        "flohmarkt": event_factory(
            title="Flohmarkt", start=berlin(2030, 3, 9, 10), end=berlin(2030, 3, 9, 13)
        ),
        "fest": event_factory(title="Sommerfest", start=berlin(2030, 3, 10), end=None, all_day=True),
    }


def _search(params: dict) -> set[str]:
    from wegweiser.search.backends import get_backend
    from wegweiser.search.query import SearchQuery
    from wegweiser.site.registry import listing_types

    types = listing_types()
    query, messages = SearchQuery.from_querydict(
        {"type": ["event"], **params}, locale="de", available_types=types, district_centres={}
    )
    assert messages == [], messages
    return {hit.page.title for hit in get_backend("database").search(query, types).hits}


def test_an_event_is_found_under_the_part_of_the_day_and_weekdays_it_meets_on(events):
    parts = {
        name: set(ListingDayPart.objects.filter(page_id=event.pk).values_list("value", flat=True))
        for name, event in events.items()
    }
    assert parts == {"sprachcafe": {"evening"}, "flohmarkt": {"morning", "weekend"}, "fest": {"weekend"}}
    assert [slot.as_dict() for slot in events["sprachcafe"].time_slots()] == [
        {"weekdays": ["TU", "TH"], "start": "18:00", "end": "20:00"}
    ]
    assert _search({"time_of_day": ["evening"]}) == {"Sprachcafé"}
    assert _search({"time_of_day": ["weekend"]}) == {"Flohmarkt", "Sommerfest"}
