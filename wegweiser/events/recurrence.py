"""Recurrence rules: the editor's fields ⇄ an RFC 5545 RRULE, and expansion that keeps local wall-clock time.

Rules are expanded on *naive local* datetimes and only then localized, so a Sprachcafé every Tuesday
at 19:00 stays at 19:00 in Berlin after the clocks change in March and October (expanding in UTC
would shift it by an hour).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil import rrule as dateutil_rrule
from django.db import models
from django.utils.translation import gettext_lazy as _

from wegweiser.plugin_api import WEEKDAY_CODES, TimeSlot

BERLIN = ZoneInfo("Europe/Berlin")
UTC = datetime.UTC


class Frequency(models.TextChoices):
    NONE = "", _("does not repeat")
    DAILY = "DAILY", _("daily")
    WEEKLY = "WEEKLY", _("weekly on chosen weekdays")
    MONTHLY = "MONTHLY", _("monthly on the n-th weekday")


class WeekOfMonth(models.IntegerChoices):
    FIRST = 1, _("first")
    SECOND = 2, _("second")
    THIRD = 3, _("third")
    FOURTH = 4, _("fourth")
    LAST = -1, _("last")


WEEKDAYS = list(
    zip(
        WEEKDAY_CODES,
        (_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")),
        strict=True,
    )
)


@dataclass(frozen=True)
class RecurrenceRule:
    """The recurrence an editor can express; ``until`` is an inclusive local date."""

    frequency: str
    interval: int = 1
    weekdays: tuple[str, ...] = ()
    week_of_month: int | None = None
    until: datetime.date | None = None
    count: int | None = None

    def by_day(self, start_local: datetime.datetime) -> str:
        weekdays = [day for day in WEEKDAY_CODES if day in self.weekdays] or [
            WEEKDAY_CODES[start_local.weekday()]
        ]
        if self.frequency == Frequency.MONTHLY:
            return f"{self.week_of_month or 1}{weekdays[0]}"
        if self.frequency == Frequency.WEEKLY:
            return ",".join(weekdays)
        return ""

    def to_rrule(self, start_local: datetime.datetime, tz: ZoneInfo, all_day: bool = False) -> str:
        """The RFC 5545 RRULE value; ``UNTIL`` in UTC for timed events, a DATE for all-day ones."""
        parts = [f"FREQ={self.frequency}"]
        if self.interval and self.interval > 1:
            parts.append(f"INTERVAL={self.interval}")
        by_day = self.by_day(start_local)
        if by_day:
            parts.append(f"BYDAY={by_day}")
        if self.count:
            parts.append(f"COUNT={self.count}")
        elif self.until:
            if all_day:
                parts.append(f"UNTIL={self.until:%Y%m%d}")
            else:
                last_moment = datetime.datetime.combine(self.until, datetime.time(23, 59, 59), tzinfo=tz)
                parts.append(f"UNTIL={last_moment.astimezone(UTC):%Y%m%dT%H%M%SZ}")
        return ";".join(parts)


def rrule_parts(text: str) -> dict[str, str]:
    """``FREQ=WEEKLY;BYDAY=TU`` → ``{"FREQ": "WEEKLY", "BYDAY": "TU"}`` (an ``RRULE:`` prefix is allowed)."""
    text = text.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    parts = {}
    for part in text.split(";"):
        if "=" in part:
            key, value = part.split("=", 1)
            parts[key.strip().upper()] = value.strip()
    return parts


def until_as_local_date(value: str, tz: ZoneInfo) -> datetime.date:
    """An RRULE ``UNTIL`` (DATE, floating or UTC DATE-TIME) as the inclusive local date it ends on."""
    if len(value) == 8:
        return datetime.datetime.strptime(value, "%Y%m%d").date()
    if value.endswith("Z"):
        moment = datetime.datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        return moment.astimezone(tz).date()
    return datetime.datetime.strptime(value, "%Y%m%dT%H%M%S").date()


def parse_rrule(text: str, tz: ZoneInfo = BERLIN) -> RecurrenceRule | None:
    """The editor's fields for an RRULE, or ``None`` if the rule needs more than the editor offers."""
    parts = rrule_parts(text)
    frequency = parts.pop("FREQ", "")
    allowed = {"INTERVAL", "BYDAY", "UNTIL", "COUNT", "WKST"}
    if frequency not in {Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY} or set(parts) - allowed:
        return None
    try:
        interval = int(parts.get("INTERVAL", "1"))
        count = int(parts["COUNT"]) if "COUNT" in parts else None
        until = until_as_local_date(parts["UNTIL"], tz) if "UNTIL" in parts else None
    except ValueError:
        return None
    by_day = [day.strip().upper() for day in parts.get("BYDAY", "").split(",") if day.strip()]
    weekdays: list[str] = []
    week_of_month = None
    if frequency == Frequency.DAILY and by_day:
        return None
    if frequency == Frequency.WEEKLY:
        if any(day not in WEEKDAY_CODES for day in by_day):
            return None
        weekdays = by_day
    if frequency == Frequency.MONTHLY:
        if len(by_day) != 1 or by_day[0][-2:] not in WEEKDAY_CODES:
            return None
        ordinal = by_day[0][:-2].lstrip("+")
        if ordinal not in {"1", "2", "3", "4", "-1"}:
            return None
        week_of_month = int(ordinal)
        weekdays = [by_day[0][-2:]]
    return RecurrenceRule(
        frequency=frequency,
        interval=max(interval, 1),
        weekdays=tuple(weekdays),
        week_of_month=week_of_month,
        until=until,
        count=count,
    )


def _local_rrule_text(text: str, tz: ZoneInfo) -> str:
    """Rewrite ``UNTIL`` as a naive local end-of-day so dateutil accepts it with a naive ``DTSTART``."""
    parts = rrule_parts(text)
    if "UNTIL" in parts:
        parts["UNTIL"] = f"{until_as_local_date(parts['UNTIL'], tz):%Y%m%d}T235959"
    return ";".join(f"{key}={value}" for key, value in parts.items())


def local_starts(
    rule: str,
    start_local: datetime.datetime,
    window_start: datetime.datetime,
    window_end: datetime.datetime,
    tz: ZoneInfo,
) -> list[datetime.datetime]:
    """Naive local start times of ``rule`` from ``start_local`` that fall in the (naive local) window.

    ``DTSTART`` always counts as the first occurrence (RFC 5545), even if it does not match the rule.
    """
    recurrence = dateutil_rrule.rrulestr(_local_rrule_text(rule, tz), dtstart=start_local)
    starts = recurrence.between(window_start, window_end, inc=True)
    if window_start <= start_local <= window_end and start_local not in starts:
        starts.insert(0, start_local)
    return starts


def last_local_start(rule: str, start_local: datetime.datetime, tz: ZoneInfo) -> datetime.datetime | None:
    """When a bounded series starts for the last time; ``None`` if it repeats forever."""
    parts = rrule_parts(rule)
    if "UNTIL" not in parts and "COUNT" not in parts:
        return None
    recurrence = dateutil_rrule.rrulestr(_local_rrule_text(rule, tz), dtstart=start_local)
    last = None
    for last in recurrence:  # noqa: B007 - bounded by UNTIL or COUNT
        pass
    return max(last, start_local) if last else start_local


def localize(naive: datetime.datetime, tz: ZoneInfo) -> datetime.datetime:
    """Attach the zone to a local wall-clock time (times in the spring gap resolve like the clock jumps)."""
    return naive.replace(tzinfo=tz)


def starts_on_rule(rule: str, start_local: datetime.datetime) -> bool:
    """Whether the first date itself is one the rule produces (what RFC 5545 asks of ``DTSTART``)."""
    parts = {key: value for key, value in rrule_parts(rule).items() if key not in {"UNTIL", "COUNT"}}
    unbounded = dateutil_rrule.rrulestr(";".join(f"{k}={v}" for k, v in parts.items()), dtstart=start_local)
    return unbounded.after(start_local, inc=True) == start_local


def weekly_slots(
    local_start: datetime.datetime,
    local_end: datetime.datetime | None,
    all_day: bool,
    frequency: str,
    weekdays: Sequence[str] = (),
) -> list[TimeSlot]:
    """The weekly slot an event meets in, from its own start, end and repetition (Tuesdays 18:00–20:00):
    the chosen weekdays of a weekly series, every day of a daily one, otherwise the weekday of the start."""
    if frequency == Frequency.DAILY:
        days = list(WEEKDAY_CODES)
    elif frequency == Frequency.WEEKLY and weekdays:
        days = list(weekdays)
    else:
        days = [WEEKDAY_CODES[local_start.weekday()]]
    if all_day:
        return [TimeSlot.of(days)]
    same_day_end = local_end.time() if local_end and local_end.date() == local_start.date() else None
    if same_day_end is not None and same_day_end <= local_start.time():
        same_day_end = None
    return [TimeSlot.of(days, local_start.time().replace(second=0, microsecond=0), same_day_end)]
