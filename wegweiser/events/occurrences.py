"""The dates an event actually takes place on: its series expanded, with cancelled and moved occurrences applied."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wegweiser.events.recurrence import BERLIN, local_starts, localize

if TYPE_CHECKING:
    from wegweiser.events.models import EventPage


class LocalTimes:
    """``local_start`` and ``local_end``: ``start`` and ``end`` in the portal's time zone (Berlin)."""

    start: datetime.datetime
    end: datetime.datetime | None

    @property
    def local_start(self) -> datetime.datetime:
        return self.start.astimezone(BERLIN)

    @property
    def local_end(self) -> datetime.datetime | None:
        return self.end.astimezone(BERLIN) if self.end else None


@dataclass(frozen=True)
class Occurrence(LocalTimes):
    """One date of an event. ``original_start`` identifies it even after it was moved."""

    event: Any
    start: datetime.datetime
    end: datetime.datetime | None
    original_start: datetime.datetime
    cancelled: bool = False
    moved: bool = False
    note: str = ""

    @property
    def all_day(self) -> bool:
        return self.event.all_day

    @property
    def key(self) -> str:
        """A stable, URL-safe identifier of the occurrence (its original local start)."""
        return self.original_start.astimezone(self.event.tz).strftime("%Y%m%dT%H%M")


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or "Europe/Berlin")
    except (ZoneInfoNotFoundError, ValueError):
        return BERLIN


def _naive(moment: datetime.datetime, tz: ZoneInfo) -> datetime.datetime:
    return moment.astimezone(tz).replace(tzinfo=None)


def expand(
    event: EventPage, window_start: datetime.datetime, window_end: datetime.datetime
) -> list[Occurrence]:
    """Occurrences of ``event`` overlapping ``[window_start, window_end]`` (aware datetimes), in order.

    Uses ``event.exceptions.all()``, so prefetching ``exceptions`` keeps a whole calendar at a fixed
    number of queries.
    """
    tz = event.tz
    start_local = _naive(event.start, tz)
    duration = (_naive(event.end, tz) - start_local) if event.end else datetime.timedelta(0)
    duration = max(duration, datetime.timedelta(0))
    if event.all_day:
        duration += datetime.timedelta(days=1)
    exceptions = {exception.occurrence_date: exception for exception in event.exceptions.all()}
    rule = event.rrule

    def original_starts(
        from_local: datetime.datetime, to_local: datetime.datetime
    ) -> list[datetime.datetime]:
        if rule:
            return local_starts(rule, start_local, from_local, to_local, tz)
        return [start_local] if from_local <= start_local <= to_local else []

    def make(local: datetime.datetime, new_start=None, new_end=None, **flags) -> Occurrence:
        original = localize(local, tz)
        if new_start is not None:
            begin = new_start
            finish = new_end
        else:
            begin = original
            finish = (
                localize(local + duration - _all_day_tail(event), tz) if event.end or event.all_day else None
            )
        return Occurrence(
            event=event,
            start=begin,
            end=finish,
            original_start=original,
            cancelled=flags.get("cancelled", False) or event.is_cancelled,
            moved=flags.get("moved", False),
            note=flags.get("note", ""),
        )

    occurrences = []
    for local in original_starts(_naive(window_start, tz) - duration, _naive(window_end, tz)):
        exception = exceptions.get(local.date())
        if exception is None:
            occurrences.append(make(local))
        elif exception.is_cancellation:
            occurrences.append(make(local, cancelled=True, note=exception.note))
    for exception in exceptions.values():
        if exception.is_cancellation or exception.new_start is None:
            continue
        new_end = exception.new_end or (exception.new_start + duration if event.end else None)
        if exception.new_start > window_end or (new_end or exception.new_start) < window_start:
            continue
        day_start = datetime.datetime.combine(exception.occurrence_date, datetime.time.min)
        for local in original_starts(day_start, day_start + datetime.timedelta(days=1, microseconds=-1)):
            occurrences.append(make(local, exception.new_start, new_end, moved=True, note=exception.note))
    occurrences = [
        occurrence
        for occurrence in occurrences
        if occurrence.start <= window_end and (occurrence.end or occurrence.start) >= window_start
    ]
    occurrences.sort(key=lambda occurrence: (occurrence.start, occurrence.original_start))
    return occurrences


def _all_day_tail(event: EventPage) -> datetime.timedelta:
    """All-day events end at midnight of their last day (inclusive), not of the day after."""
    return datetime.timedelta(days=1) if event.all_day else datetime.timedelta(0)
