"""Events in the public API: the event's own fields, its occurrences in a date window, and a flat list of
occurrences across all events (for an app's calendar).

The window is ``date_from`` … ``date_to`` (Europe/Berlin days); without them, from now for
:data:`DEFAULT_WINDOW_DAYS` days. Series are expanded from the recurrence rule with cancelled and moved
single dates applied. Times carry their UTC offset (ISO 8601). Places left are counted for all events of an
answer at once; registrants' data never leaves the database.
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError
from wagtail.models import Locale

from wegweiser.events.agenda import with_dates_between
from wegweiser.events.models import EventPage, EventRegistration
from wegweiser.events.occurrences import Occurrence
from wegweiser.events.recurrence import BERLIN
from wegweiser.plugin_api import ApiExtension, ApiFeed, ListingOrganisation, ListingPlace, ListingSchema

DEFAULT_WINDOW_DAYS = 90
MAX_WINDOW_DAYS = 366
OCCURRENCES_PER_EVENT = 20
EARLIEST = datetime.date(2000, 1, 1)
LATEST = datetime.date(2999, 12, 31)


class EventWindow(Schema):
    """The date range of the event endpoints."""

    date_from: datetime.date | None = Field(
        None,
        description=(
            "Only events with a date on or after this day (Europe/Berlin); their dates from this day on. "
            "Default: from now."
        ),
    )
    date_to: datetime.date | None = Field(
        None,
        description=(
            f"Only events with a date on or before this day; their dates up to it. "
            f"Default: {DEFAULT_WINDOW_DAYS} days from the start. At most {MAX_WINDOW_DAYS} days after it."
        ),
    )

    @field_validator("date_from", "date_to")
    @classmethod
    def _within_calendar(cls, value: datetime.date | None) -> datetime.date | None:
        if value is not None and not EARLIEST <= value <= LATEST:
            raise PydanticCustomError(
                "date_out_of_range",
                _("Choose a date between %(earliest)s and %(latest)s.")
                % {"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()},
            )
        return value

    @field_validator("date_to")
    @classmethod
    def _after_the_start(cls, value: datetime.date | None, info: ValidationInfo) -> datetime.date | None:
        if value is None:
            return value
        date_from = info.data.get("date_from")
        start = date_from or timezone.localdate()
        if value < start:
            message = (
                _("The end of the date range cannot be before its start.")
                if date_from
                else _("Without date_from the range starts today; date_to cannot be before today.")
            )
            raise PydanticCustomError("date_range", message)
        if (value - start).days > MAX_WINDOW_DAYS:
            raise PydanticCustomError(
                "date_range",
                _("The date range can be at most %(days)s days long.") % {"days": MAX_WINDOW_DAYS},
            )
        return value


def window(params: Any) -> tuple[datetime.datetime, datetime.datetime]:
    """``(start, end)`` aware datetimes of the requested window."""
    date_from = getattr(params, "date_from", None)
    date_to = getattr(params, "date_to", None)
    if date_from is not None:
        start = datetime.datetime.combine(date_from, datetime.time.min, tzinfo=BERLIN)
    else:
        start = timezone.now()
    if date_to is not None:
        end = datetime.datetime.combine(date_to, datetime.time.max, tzinfo=BERLIN)
    else:
        end = start + datetime.timedelta(days=DEFAULT_WINDOW_DAYS)
    return start, end


class OccurrenceOut(Schema):
    key: str = Field(description="Identifies the date within its event, also after it was moved.")
    start: datetime.datetime = Field(description="ISO 8601 with the Europe/Berlin offset.")
    end: datetime.datetime | None
    all_day: bool = Field(description="Only the days of start and end count, not the times.")
    original_start: datetime.datetime = Field(description="When the date was planned before it was moved.")
    cancelled: bool
    moved: bool
    note: str = Field(description="Why it was cancelled or moved, in the editor's words.")
    places_left: int | None = Field(
        description="Places still free for registration on this portal; empty: no limit or no registration here."
    )


class EventRefOut(Schema):
    id: int
    translation_key: str
    locale: str
    title: str
    url: str | None
    summary: str
    cost: str = Field(description="free, reduced, fee or funded.")
    online_url: str
    organisation: ListingOrganisation | None
    place: ListingPlace


class EventOccurrenceOut(OccurrenceOut):
    event: EventRefOut


class EventRegistrationOut(Schema):
    mode: str = Field(description="none, external (registration_url) or internal (on this portal).")
    mode_label: str
    url: str = Field(description="Where to register when the mode is external.")
    capacity: int | None = Field(description="Places per date; empty: no limit.")
    waiting_list: bool = Field(description="A waiting list opens when a date is full.")
    open: bool = Field(description="Registration on this portal is possible (not cancelled, mode internal).")


class EventSchema(ListingSchema):
    """An event: one-off or recurring, with its dates in the requested window."""

    start: datetime.datetime = Field(description="The first date's start (ISO 8601, Europe/Berlin).")
    end: datetime.datetime | None = Field(description="The first date's end.")
    all_day: bool
    time_zone: str
    recurring: bool = Field(description="The event repeats (see rrule and occurrences).")
    rrule: str = Field(description="The RFC 5545 repetition rule; empty for a one-off event.")
    series_end: datetime.datetime | None = Field(
        description="When the last date ends; empty: repeats forever."
    )
    cancelled: bool = Field(description="The whole event is cancelled.")
    status: str = Field(description="scheduled or cancelled.")
    status_label: str
    status_note: str
    online_url: str = Field(description="Where to join an online event.")
    registration: EventRegistrationOut
    occurrences: list[OccurrenceOut] = Field(
        description=(
            f"The event's dates in the window (date_from … date_to, default: the next {DEFAULT_WINDOW_DAYS} "
            f"days), at most {OCCURRENCES_PER_EVENT}; cancelled and moved dates are marked."
        )
    )

    @staticmethod
    def resolve_start(obj: EventPage) -> datetime.datetime:
        return obj.start.astimezone(obj.tz)

    @staticmethod
    def resolve_end(obj: EventPage) -> datetime.datetime | None:
        return obj.end.astimezone(obj.tz) if obj.end else None

    @staticmethod
    def resolve_recurring(obj: EventPage) -> bool:
        return bool(obj.rrule)

    @staticmethod
    def resolve_series_end(obj: EventPage) -> datetime.datetime | None:
        return obj.series_end.astimezone(obj.tz) if obj.series_end else None

    @staticmethod
    def resolve_cancelled(obj: EventPage) -> bool:
        return obj.is_cancelled

    @staticmethod
    def resolve_status_label(obj: EventPage) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_registration(obj: EventPage) -> dict:
        return {
            "mode": obj.registration_mode,
            "mode_label": str(obj.get_registration_mode_display()),
            "url": obj.registration_url,
            "capacity": obj.capacity,
            "waiting_list": obj.waiting_list,
            "open": obj.takes_registrations,
        }

    @staticmethod
    def resolve_occurrences(obj: EventPage) -> list[dict]:
        occurrences = getattr(obj, "api_occurrences", None)
        if occurrences is None:
            prepare_events([obj], None)
            occurrences = obj.api_occurrences
        return occurrences[:OCCURRENCES_PER_EVENT]


def occurrence_record(occurrence: Occurrence, places_left: int | None) -> dict:
    tz = occurrence.event.tz
    return {
        "key": occurrence.key,
        "start": occurrence.start.astimezone(tz),
        "end": occurrence.end.astimezone(tz) if occurrence.end else None,
        "all_day": occurrence.all_day,
        "original_start": occurrence.original_start.astimezone(tz),
        "cancelled": occurrence.cancelled,
        "moved": occurrence.moved,
        "note": occurrence.note,
        "places_left": places_left,
    }


def _places_left(events: list[EventPage], occurrences: dict[int, list[Occurrence]]) -> dict:
    """``{(event id, original start): places left}`` for events taking registrations with a limit.

    Registrations count against the German original of a translated event (as on the event page); one
    query finds the originals, one counts the places taken or held for all of them.
    """
    limited = [event for event in events if event.takes_registrations and event.capacity is not None]
    if not limited:
        return {}
    default = Locale.get_default()
    original_of = {event.pk: event.pk for event in limited if event.locale_id == default.pk}
    translated = {event.translation_key for event in limited if event.locale_id != default.pk}
    if translated:
        originals = dict(
            EventPage.objects.filter(translation_key__in=translated, locale=default).values_list(
                "translation_key", "pk"
            )
        )
        for event in limited:
            if event.locale_id != default.pk:
                original_of[event.pk] = originals.get(event.translation_key, event.pk)
    starts = {occurrence.original_start for event in limited for occurrence in occurrences.get(event.pk, [])}
    taken: Counter = Counter()
    if starts:
        rows = (
            EventRegistration.objects.filter(
                event_id__in=set(original_of.values()),
                occurrence_start__in=starts,
            )
            .filter(EventRegistration.holding_a_place())
            .values_list("event_id", "occurrence_start")
            .annotate(count=Count("pk"))
        )
        for event_id, start, count in rows:
            taken[(event_id, start)] = count
    return {
        (event.pk, occurrence.original_start): max(
            event.capacity - taken[(original_of[event.pk], occurrence.original_start)], 0
        )
        for event in limited
        for occurrence in occurrences.get(event.pk, [])
    }


def _expanded(events: list[EventPage], params: Any) -> dict[int, list[Occurrence]]:
    start, end = window(params)
    return {event.pk: event.occurrences(start, end) for event in events}


def prepare_events(pages: list[EventPage], params: Any) -> None:
    """Attach each event's occurrences in the window (with places left) before serialisation."""
    occurrences = _expanded(pages, params)
    places = _places_left(pages, occurrences)
    for page in pages:
        page.api_occurrences = [
            occurrence_record(occurrence, places.get((page.pk, occurrence.original_start)))
            for occurrence in occurrences[page.pk]
        ]


def narrow_events(listings: QuerySet, params: Any) -> QuerySet:
    """With ``date_from`` or ``date_to``: only events with a date in the window (cancelled ones count)."""
    if getattr(params, "date_from", None) is None and getattr(params, "date_to", None) is None:
        return listings
    return with_dates_between(listings, *window(params))


def occurrence_items(listings: QuerySet, params: Any) -> list[dict]:
    """Every occurrence of the filtered events in the window, soonest first (the flat calendar list)."""
    events = list(listings)
    occurrences = _expanded(events, params)
    places = _places_left(events, occurrences)
    refs = {event.pk: _event_ref(event) for event in events}
    items = []
    for event in events:
        for occurrence in occurrences[event.pk]:
            record = occurrence_record(occurrence, places.get((event.pk, occurrence.original_start)))
            record["event"] = refs[event.pk]
            items.append(record)
    items.sort(key=lambda item: (item["start"], item["event"]["id"], item["original_start"]))
    return items


def _event_ref(event: EventPage) -> dict:
    return {
        "id": event.pk,
        "translation_key": str(event.translation_key),
        "locale": event.locale.language_code,
        "title": event.title,
        "url": event.get_full_url(),
        "summary": event.summary,
        "cost": event.cost,
        "online_url": event.online_url,
        "organisation": ListingSchema.resolve_organisation(event, None),
        "place": ListingSchema.resolve_place(event),
    }


def _next_occurrence(event: EventPage) -> datetime.datetime | None:
    """When the event next takes place (cancelled dates skipped), for the open-data export."""
    for occurrence in event.upcoming_occurrences(limit=OCCURRENCES_PER_EVENT):
        if not occurrence.cancelled:
            return occurrence.start.astimezone(event.tz)
    return None


EVENT_API = ApiExtension(
    parameters=EventWindow,
    narrow=narrow_events,
    prepare=prepare_events,
    feeds=(
        ApiFeed(
            name="occurrences",
            schema=EventOccurrenceOut,
            items=occurrence_items,
            summary="Events: all dates in a window, soonest first",
            description=(
                "Every date of the current events matching the filters, across all events (a calendar): "
                f"from date_from to date_to (default: the next {DEFAULT_WINDOW_DAYS} days), cancelled and "
                "moved dates marked, ordered by start."
            ),
        ),
    ),
    export_columns={
        "next_occurrence": _next_occurrence,
        "rrule": lambda event: event.rrule,
        "status": lambda event: event.status,
    },
)
