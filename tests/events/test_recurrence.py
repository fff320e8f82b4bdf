"""Series expand to the dates a visitor expects: weekdays, n-th weekday, counts, end dates, DST."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.events.conftest import berlin
from wegweiser.events.recurrence import BERLIN, parse_rrule

pytestmark = pytest.mark.django_db


def local_times(occurrences):
    return [occurrence.start.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M") for occurrence in occurrences]


def test_weekly_sprachcafe_keeps_19_oclock_across_march_dst_change(event_factory):
    event = event_factory(
        start=berlin(2026, 3, 17, 19),
        recurrence_frequency="WEEKLY",
        recurrence_weekdays=["TU"],
        recurrence_count=4,
    )
    occurrences = event.occurrences(berlin(2026, 3, 1), berlin(2026, 5, 1))
    assert local_times(occurrences) == [
        "2026-03-17 19:00",
        "2026-03-24 19:00",
        "2026-03-31 19:00",
        "2026-04-07 19:00",
    ]
    assert [occurrence.start.utcoffset() for occurrence in occurrences] == [
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=2),
        datetime.timedelta(hours=2),
    ]
    assert all(occurrence.end - occurrence.start == datetime.timedelta(hours=2) for occurrence in occurrences)


def test_weekly_event_keeps_19_oclock_across_october_dst_change(event_factory):
    event = event_factory(
        start=berlin(2026, 10, 20, 19),
        recurrence_frequency="WEEKLY",
        recurrence_weekdays=["TU"],
        recurrence_until=datetime.date(2026, 11, 3),
    )
    occurrences = event.occurrences(berlin(2026, 10, 1), berlin(2026, 12, 1))
    assert local_times(occurrences) == ["2026-10-20 19:00", "2026-10-27 19:00", "2026-11-03 19:00"]
    assert occurrences[0].start.utcoffset() == datetime.timedelta(hours=2)
    assert occurrences[1].start.utcoffset() == datetime.timedelta(hours=1)


def test_weekly_on_two_weekdays_with_interval(event_factory):
    event = event_factory(
        start=berlin(2026, 6, 1, 10),
        recurrence_frequency="WEEKLY",
        recurrence_weekdays=["MO", "TH"],
        recurrence_interval=2,
        recurrence_count=4,
    )
    assert local_times(event.occurrences(berlin(2026, 6, 1), berlin(2026, 7, 1))) == [
        "2026-06-01 10:00",
        "2026-06-04 10:00",
        "2026-06-15 10:00",
        "2026-06-18 10:00",
    ]
    assert event.rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=4"


def test_monthly_on_first_friday(event_factory):
    event = event_factory(
        title="Frauenfrühstück",
        start=berlin(2026, 1, 2, 9),
        recurrence_frequency="MONTHLY",
        recurrence_weekdays=["FR"],
        recurrence_week_of_month=1,
    )
    assert event.rrule == "FREQ=MONTHLY;BYDAY=1FR"
    assert local_times(event.occurrences(berlin(2026, 1, 1), berlin(2026, 4, 30))) == [
        "2026-01-02 09:00",
        "2026-02-06 09:00",
        "2026-03-06 09:00",
        "2026-04-03 09:00",
    ]
    assert event.series_end is None


def test_monthly_on_last_wednesday_ends_on_until_date(event_factory):
    event = event_factory(
        start=berlin(2026, 1, 28, 18),
        recurrence_frequency="MONTHLY",
        recurrence_weekdays=["WE"],
        recurrence_week_of_month=-1,
        recurrence_until=datetime.date(2026, 3, 25),
    )
    assert local_times(event.occurrences(berlin(2026, 1, 1), berlin(2026, 12, 31))) == [
        "2026-01-28 18:00",
        "2026-02-25 18:00",
        "2026-03-25 18:00",
    ]
    assert event.series_end == berlin(2026, 3, 25, 20)


def test_daily_series_with_count(event_factory):
    event = event_factory(start=berlin(2026, 7, 6, 9), recurrence_frequency="DAILY", recurrence_count=5)
    assert len(event.occurrences(berlin(2026, 7, 1), berlin(2026, 8, 1))) == 5


def test_one_occurrence_cancelled_and_one_moved_without_touching_the_series(event_factory):
    event = event_factory(
        start=berlin(2026, 3, 3, 19),
        recurrence_frequency="WEEKLY",
        recurrence_weekdays=["TU"],
        recurrence_count=4,
        exceptions=[
            {"occurrence_date": datetime.date(2026, 3, 10), "action": "cancel", "note": "Feiertag"},
            {
                "occurrence_date": datetime.date(2026, 3, 17),
                "action": "move",
                "new_start": berlin(2026, 3, 18, 18),
                "new_end": berlin(2026, 3, 18, 20),
            },
        ],
    )
    occurrences = event.occurrences(berlin(2026, 3, 1), berlin(2026, 4, 1))
    assert local_times(occurrences) == [
        "2026-03-03 19:00",
        "2026-03-10 19:00",
        "2026-03-18 18:00",
        "2026-03-24 19:00",
    ]
    assert [occurrence.cancelled for occurrence in occurrences] == [False, True, False, False]
    assert occurrences[1].note == "Feiertag"
    assert occurrences[2].moved and occurrences[2].original_start == berlin(2026, 3, 17, 19)


def test_cancelled_event_keeps_its_dates_but_marks_them(event_factory):
    event = event_factory(start=berlin(2026, 5, 5, 18), status="cancelled", status_note="Referentin krank")
    occurrences = event.occurrences(berlin(2026, 5, 1), berlin(2026, 6, 1))
    assert len(occurrences) == 1 and occurrences[0].cancelled


def test_all_day_event_over_several_days_is_in_every_window_it_touches(event_factory):
    event = event_factory(
        title="Interkulturelle Woche",
        start=berlin(2026, 9, 20, 15),
        end=berlin(2026, 9, 27, 10),
        all_day=True,
    )
    assert event.start == berlin(2026, 9, 20)
    assert len(event.occurrences(berlin(2026, 9, 25), berlin(2026, 9, 26))) == 1
    assert event.occurrences(berlin(2026, 9, 28), berlin(2026, 9, 30)) == []


def test_editor_gets_clear_message_when_first_date_does_not_match_weekday(organisation_a):
    from tests.events.conftest import make_event

    with pytest.raises(ValidationError) as error:
        make_event(
            organisation_a,
            start=berlin(2026, 3, 4, 19),
            recurrence_frequency="WEEKLY",
            recurrence_weekdays=["TU"],
        )
    assert "start" in error.value.message_dict


def test_editor_cannot_give_both_end_date_and_count(organisation_a):
    from tests.events.conftest import make_event

    with pytest.raises(ValidationError) as error:
        make_event(
            organisation_a,
            recurrence_frequency="DAILY",
            recurrence_count=3,
            recurrence_until=datetime.date(2026, 4, 1),
        )
    assert "recurrence_count" in error.value.message_dict


def test_rrule_round_trip_through_the_editor_fields():
    rule = parse_rrule("RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261231T225959Z")
    assert rule.weekdays == ("TU", "TH")
    assert rule.until == datetime.date(2026, 12, 31)
    assert (
        rule.to_rrule(datetime.datetime(2026, 1, 6, 19), BERLIN)
        == "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261231T225959Z"
    )
    assert parse_rrule("FREQ=YEARLY;BYMONTH=10") is None
