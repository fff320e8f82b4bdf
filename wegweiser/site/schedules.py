"""Weekly time slots ("Mo–Fr 8:30–12:45"): reading them, naming the parts of the day, showing them per locale.

A listing with a weekly schedule (a course date, a repeating event) gives its slots through
``Listing.time_slots()``; the core stores the parts of the day they fall in (:class:`DayPart`), and the
shared ``time_of_day`` facet finds them on every backend. Slots are shown in the visitor's language with
Django's own locale data (weekday abbreviations, ``TIME_FORMAT``), as the portal shows dates.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import models
from django.utils import formats
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from wegweiser.site.templatetags.direction_tags import list_separator_text

#: RFC 5545 weekday codes, Monday first, as the events' recurrence rules use them.
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKEND = frozenset({"SA", "SU"})
#: Where the parts of the day begin: a slot belongs to the part its start falls in.
AFTERNOON_FROM = datetime.time(12, 0)
EVENING_FROM = datetime.time(17, 0)


def weekday_choices() -> list[tuple[str, str]]:
    """``(code, abbreviation)`` in the active language: Mo, Di, … in German."""
    return [(code, WEEKDAYS_ABBR[index]) for index, code in enumerate(WEEKDAY_CODES)]


class DayPart(models.TextChoices):
    MORNING = "morning", _("Mornings (starts before 12:00)")
    AFTERNOON = "afternoon", _("Afternoons (starts 12:00–17:00)")
    EVENING = "evening", _("Evenings (starts from 17:00)")
    WEEKEND = "weekend", _("Weekends (Saturday or Sunday)")


@dataclass(frozen=True)
class TimeSlot:
    """Some weekdays with one start and end time; ``start`` is ``None`` for all-day dates."""

    weekdays: tuple[str, ...]
    start: datetime.time | None = None
    end: datetime.time | None = None

    @classmethod
    def of(cls, weekdays: Iterable[str], start=None, end=None) -> TimeSlot:
        """A slot with weekdays in week order and times from ``time`` objects or ``"HH:MM"`` strings."""
        days = set(weekdays)
        return cls(tuple(code for code in WEEKDAY_CODES if code in days), _time(start), _time(end))

    def as_dict(self) -> dict:
        """The slot as the API and the block's raw data hold it: codes and ``HH:MM``."""
        return {
            "weekdays": list(self.weekdays),
            "start": self.start.strftime("%H:%M") if self.start else None,
            "end": self.end.strftime("%H:%M") if self.end else None,
        }


def _time(value) -> datetime.time | None:
    if value is None or value == "" or isinstance(value, datetime.time):
        return value or None
    return datetime.time.fromisoformat(str(value))


def day_parts(slots: Iterable[TimeSlot]) -> set[str]:
    """The parts of the day the slots fall in: by their start, and the weekend for Saturday or Sunday."""
    parts: set[str] = set()
    for slot in slots:
        if not slot.weekdays:
            continue
        if WEEKEND & set(slot.weekdays):
            parts.add(DayPart.WEEKEND)
        if slot.start is None:
            continue
        if slot.start < AFTERNOON_FROM:
            parts.add(DayPart.MORNING)
        elif slot.start < EVENING_FROM:
            parts.add(DayPart.AFTERNOON)
        else:
            parts.add(DayPart.EVENING)
    return parts


# -- showing ------------------------------------------------------------------------------------------
def format_weekdays(weekdays: Sequence[str]) -> str:
    """``Mo–Fr``, ``Di, Do`` in the active language: three or more days in a row become a range."""
    positions = sorted(WEEKDAY_CODES.index(code) for code in weekdays if code in WEEKDAY_CODES)
    runs: list[list[int]] = []
    for position in positions:
        if runs and runs[-1][-1] == position - 1:
            runs[-1].append(position)
        else:
            runs.append([position])
    names: list[str] = []
    for run in runs:
        if len(run) >= 3:
            names.append(f"{WEEKDAYS_ABBR[run[0]]}–{WEEKDAYS_ABBR[run[-1]]}")
        else:
            names.extend(str(WEEKDAYS_ABBR[position]) for position in run)
    return list_separator_text().join(names)


def format_times(slot: TimeSlot) -> str:
    """``08:30–12:45`` in the active language's time format (the portal's 24-hour clock in every language)."""
    if slot.start is None:
        return ""
    start = formats.time_format(slot.start, "TIME_FORMAT")
    if slot.end is None:
        return start
    return f"{start}–{formats.time_format(slot.end, 'TIME_FORMAT')}"


@dataclass(frozen=True)
class ShownSlot:
    """One slot as a page shows it: the days, and the times (marked up apart: they may run the other way)."""

    days: str
    times: str

    def __str__(self) -> str:
        return f"{self.days} {self.times}".strip()


def shown_slots(slots: Iterable[TimeSlot]) -> list[ShownSlot]:
    return [ShownSlot(format_weekdays(slot.weekdays), format_times(slot)) for slot in slots]


def format_slots(slots: Iterable[TimeSlot]) -> str:
    """All slots as one line in the active language: ``Mo–Fr 08:30–12:45; Sa 10:00–13:00`` in German."""
    return pgettext("separator between weekly time slots", "; ").join(
        str(slot) for slot in shown_slots(slots)
    )


# -- reading the free text ------------------------------------------------------------------------------
_DAY_PREFIXES = {
    "mo": "MO", "di": "TU", "tu": "TU", "mi": "WE", "we": "WE", "do": "TH", "th": "TH",
    "fr": "FR", "sa": "SA", "so": "SU", "su": "SU",
}  # fmt: skip
_DAY = r"(?:mo|di|tu|mi|we|do|th|fr|sa|so|su)[a-zäöüß]*\.?"
_DAYS = rf"{_DAY}(?:\s*(?:-|,|\+|/|&|\bund\b|\band\b)\s*{_DAY})*"
_TIME = r"\d{1,2}(?:[:.]\d{2})?"
_SLOT = re.compile(
    rf"(?P<days>{_DAYS})\s*,?\s*(?:von\s+)?(?P<start>{_TIME})\s*(?:uhr|h)?\s*-\s*(?P<end>{_TIME})\s*(?:uhr|h)?"
)
_SEPARATOR = re.compile(r"\s*(?:,|;|\||/|\+|\bund\b|\bsowie\b|\band\b)?\s*")


class UnreadableSchedule(ValueError):
    """The text is not a list of weekdays with times."""


def parse_schedule(text: str) -> list[TimeSlot]:
    """Slots from how people write times: ``Mo–Fr 8:30–12:45``, ``Di, Do 18–20 Uhr``, ``Sa 10:00-13:00``,
    several separated by ``;``, ``,`` or ``und``. Raises :class:`UnreadableSchedule` for anything else."""
    normalized = re.sub(r"\s*(?:–|—|‒|−|\bbis\b|\bto\b)\s*", "-", text.strip().lower())
    normalized = re.sub(r"\s+", " ", normalized)
    if not normalized:
        return []
    slots: list[TimeSlot] = []
    position = 0
    while position < len(normalized):
        if slots:
            separator = _SEPARATOR.match(normalized, position)
            position = separator.end()
        match = _SLOT.match(normalized, position)
        if match is None:
            raise UnreadableSchedule(text)
        start, end = _clock(match["start"]), _clock(match["end"])
        if start is None or end is None or end <= start:
            raise UnreadableSchedule(text)
        slots.append(TimeSlot.of(_weekdays(match["days"]), start, end))
        position = match.end()
    return slots


def _weekdays(text: str) -> list[str]:
    days: list[str] = []
    for group in re.split(r"\s*(?:,|\+|/|&|\bund\b|\band\b)\s*", text):
        ends = [_DAY_PREFIXES[part.strip()[:2]] for part in group.split("-") if part.strip()]
        if len(ends) == 2:
            first, last = WEEKDAY_CODES.index(ends[0]), WEEKDAY_CODES.index(ends[1])
            if last < first:
                raise UnreadableSchedule(text)
            days.extend(WEEKDAY_CODES[first : last + 1])
        elif len(ends) == 1:
            days.append(ends[0])
        else:
            raise UnreadableSchedule(text)
    return days


def _clock(text: str) -> datetime.time | None:
    hour, _sep, minute = text.replace(".", ":").partition(":")
    if int(hour) > 23 or (minute and int(minute) > 59):
        return None
    return datetime.time(int(hour), int(minute or 0))
