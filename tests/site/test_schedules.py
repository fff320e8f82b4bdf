"""Weekly time slots: read from how people write them, sorted into parts of the day, shown per language."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from wegweiser.site.blocks import WeeklySlotBlock, slots_stream, time_slots_of
from wegweiser.site.schedules import (
    DayPart,
    TimeSlot,
    UnreadableSchedule,
    day_parts,
    format_slots,
    parse_schedule,
)


def _slot(days: str, start: str, end: str) -> TimeSlot:
    return TimeSlot.of(days.split(), start, end)


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Mo–Fr 8:30–12:45", [_slot("MO TU WE TH FR", "08:30", "12:45")]),
        ("Di, Do 18–20 Uhr", [_slot("TU TH", "18:00", "20:00")]),
        ("Sa 10:00-13:00", [_slot("SA", "10:00", "13:00")]),
        ("Mo, Mi, Do 18:00–21:15", [_slot("MO WE TH", "18:00", "21:15")]),
        ("Montag bis Freitag 8.30 bis 12.45 Uhr", [_slot("MO TU WE TH FR", "08:30", "12:45")]),
        (
            "Di+Do 18:00–20:00 und Sa 10:00–13:00",
            [_slot("TU TH", "18:00", "20:00"), _slot("SA", "10:00", "13:00")],
        ),
        ("Mi 14–16 Uhr; Sa 10–13 Uhr", [_slot("WE", "14:00", "16:00"), _slot("SA", "10:00", "13:00")]),
        ("", []),
    ],
)
def test_free_text_times_are_read_into_slots(text, slots):
    assert parse_schedule(text) == slots


@pytest.mark.parametrize(
    "text", ["nach Absprache", "Mo–Fr 12:45–8:30", "Fr–Mo 9–12", "Mo 25–26 Uhr", "vormittags"]
)
def test_text_that_is_not_weekdays_with_times_is_unreadable(text):
    with pytest.raises(UnreadableSchedule):
        parse_schedule(text)


@pytest.mark.parametrize(
    ("start", "part"),
    [("08:30", "morning"), ("11:59", "morning"), ("12:00", "afternoon"), ("16:59", "afternoon"),
     ("17:00", "evening"), ("19:30", "evening")],
)  # fmt: skip
def test_a_slot_belongs_to_the_part_of_the_day_it_starts_in(start, part):
    assert day_parts([TimeSlot.of(["MO"], start, "23:00")]) == {part}


def test_saturday_or_sunday_is_the_weekend_as_well():
    assert day_parts(parse_schedule("Sa 10–13 Uhr")) == {DayPart.MORNING, DayPart.WEEKEND}
    assert day_parts([TimeSlot.of(["SU"])]) == {DayPart.WEEKEND}  # an all-day date
    assert day_parts(parse_schedule("Mo–Fr 18–20 Uhr")) == {DayPart.EVENING}


def test_slots_are_shown_in_the_visitors_language_and_time_format():
    slots = parse_schedule("Di, Do 18–20 Uhr; Sa 10–13 Uhr")
    shown = {}
    for language in ("de", "ar", "uk", "en"):
        with translation.override(language):
            shown[language] = format_slots(slots)
    assert shown["de"] == "Di, Do 18:00–20:00; Sa 10:00–13:00"
    assert shown["ar"] == "ثلاثاء، خميس 18:00–20:00؛ سبت 10:00–13:00"
    assert shown["uk"] == "Вт, Чт 18:00–20:00; Сб 10:00–13:00"
    assert shown["en"] == "Tue, Thu 18:00–20:00; Sat 10:00–13:00"


def test_three_days_in_a_row_become_a_range():
    with translation.override("de"):
        assert format_slots(parse_schedule("Mo, Di, Mi, Fr 9–12")) == "Mo–Mi, Fr 09:00–12:00"


def test_the_slot_block_refuses_an_end_before_the_start_with_a_german_message():
    from django.core.exceptions import ValidationError

    block = WeeklySlotBlock()
    value = block.to_python({"weekdays": ["MO"], "start": "18:00", "end": "17:30"})
    with translation.override("de"), pytest.raises(ValidationError) as raised:
        block.clean(value)
    assert [str(message) for message in raised.value.block_errors["end"]] == [
        "Das Ende (17:30) muss nach dem Beginn (18:00) liegen."
    ]


def test_slots_go_into_a_stream_and_come_back_out():
    slots = parse_schedule("Di, Do 18–20 Uhr; Sa 10–13 Uhr")
    raw = [{"type": name, "value": {**value, "start": value["start"].isoformat(), "end": value["end"].isoformat()}}
           for name, value in slots_stream(slots)]  # fmt: skip
    assert time_slots_of(raw) == slots
    assert slots[0].as_dict() == {"weekdays": ["TU", "TH"], "start": "18:00", "end": "20:00"}
    assert datetime.time(18) == slots[0].start
