"""The finder's dates find events by their dates, not by their validity period.

A newcomer who taps "this weekend" wants what happens on Saturday and Sunday: a weekly Monday course
that runs for months is not on, a Saturday festival is, and so is a Monday date moved to Saturday.
Both search backends answer the same.
"""

from __future__ import annotations

import datetime

from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation

from tests.events.conftest import make_event
from tests.search.conftest import run
from wegweiser.events.recurrence import BERLIN
from wegweiser.search.panel import date_shortcuts
from wegweiser.search.query import SearchQuery


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=BERLIN)


def _shortcut(index: int) -> tuple[datetime.date, datetime.date]:
    shortcut = date_shortcuts(timezone.localdate(), SearchQuery(), QueryDict())[index]
    return shortcut.date_from, shortcut.date_to


def _events(organisation) -> dict[str, int]:
    """A weekly Monday course over three months around the coming weekend, a weekend festival, and a
    weekly Thursday meeting whose date before the weekend moved to the weekend."""
    first, last = _shortcut(1)
    monday_before = first - datetime.timedelta(days=first.weekday() + 7)
    course = make_event(
        organisation,
        title="Deutschkurs am Montag",
        start=_at(monday_before, 9),
        recurrence_frequency="WEEKLY",
        recurrence_weekdays=["MO"],
        recurrence_until=monday_before + datetime.timedelta(days=90),
    )
    festival = make_event(organisation, title="Sommerfest", start=_at(last, 15))
    thursday = first - datetime.timedelta(days=(first.weekday() - 3) % 7 or 7)
    meeting = make_event(
        organisation,
        title="Elterntreff",
        start=_at(thursday - datetime.timedelta(days=14), 17),
        recurrence_frequency="WEEKLY",
        recurrence_weekdays=["TH"],
        recurrence_until=thursday + datetime.timedelta(days=60),
        exceptions=[
            {
                "occurrence_date": thursday,
                "action": "move",
                "new_start": _at(last, 11),
                "new_end": _at(last, 13),
            }
        ],
    )
    return {"course": course.pk, "festival": festival.pk, "meeting": meeting.pk}


def _found(result, events) -> set[str]:
    names = {pk: name for name, pk in events.items()}
    return {names[hit.page_id] for hit in result.hits if hit.page_id in names}


def test_this_weekend_finds_the_events_on_the_weekend_in_both_backends(backend, organisation_a):
    events = _events(organisation_a)
    if backend.name == "elasticsearch":
        from wegweiser.search.es.indexes import rebuild

        rebuild()
    first, last = _shortcut(1)
    weekend = run(backend, {"type": "event", "date_from": first.isoformat(), "date_to": last.isoformat()})
    assert _found(weekend, events) == {"festival", "meeting"}
    assert weekend.total == 2
    week_after = last + datetime.timedelta(days=1), last + datetime.timedelta(days=7)
    following = run(
        backend,
        {"type": "event", "date_from": week_after[0].isoformat(), "date_to": week_after[1].isoformat()},
    )
    assert _found(following, events) == {"course", "meeting"}  # no festival; the meeting is on again
    far = first + datetime.timedelta(days=120)
    assert _found(run(backend, {"type": "event", "date_from": far.isoformat()}), events) == set()
    everything = run(backend, {"type": "event"})
    assert _found(everything, events) == {"course", "festival", "meeting"}


def test_the_weekend_shortcut_on_the_arabic_finder_lists_only_what_is_on(client, town, organisation_a):
    _events(organisation_a)
    first, last = _shortcut(1)
    with translation.override("ar"):
        url = reverse("search:search")
    html = client.get(url, {"date_from": first.isoformat(), "date_to": last.isoformat()}).content.decode()
    assert "Sommerfest" in html and "Elterntreff" in html
    assert "Deutschkurs am Montag" not in html
    # Each hit says when it is on those days: the meeting at its moved time, not at its usual one.
    assert "11:00–13:00" in html and "15:00–17:00" in html
    assert "17:00–19:00" not in html


def test_the_dates_on_event_hits_cost_no_query_per_hit(client, town, organisation_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _events(organisation_a)
    params = {"type": "event", "per_page": "50"}
    with CaptureQueriesContext(connection) as three:
        assert "Sommerfest" in client.get(reverse("search:search"), params).content.decode()
    first, _last = _shortcut(1)
    for number in range(4):
        make_event(organisation_a, title=f"Nachbarschaftsfest {number}", start=_at(first, 10 + number))
    with CaptureQueriesContext(connection) as seven:
        assert "Nachbarschaftsfest 3" in client.get(reverse("search:search"), params).content.decode()
    assert len(seven) <= len(three)
