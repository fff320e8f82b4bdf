"""The events' own dates as registry calendar entries, so the core (the home page's next dates) can list
them without knowing this plugin."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from wagtail.models import Locale

from wegweiser.events.agenda import day_start, events_in_range
from wegweiser.events.models import EventPage
from wegweiser.plugin_api import CalendarEntry, localized, localized_url


def event_calendar_entries(
    start: datetime.date, end: datetime.date, locale_code: str
) -> Iterator[CalendarEntry]:
    """Every occurrence between ``start`` and ``end`` (inclusive), of events in the visitor's language."""
    locale = Locale.objects.filter(language_code=locale_code).first()
    events = events_in_range(
        localized(EventPage.objects.current(), locale)
        .select_related("organisation", "district", "locale")
        .prefetch_related("topics", "languages"),
        start,
        end,
    )
    window_start = day_start(start)
    window_end = day_start(end + datetime.timedelta(days=1)) - datetime.timedelta(microseconds=1)
    for event in events:
        event_url = localized_url(event)
        for occurrence in event.occurrences(window_start, window_end):
            yield CalendarEntry.for_listing(
                event,
                url=event_url,
                start=occurrence.start,
                end=occurrence.end,
                location=event.place_name or event.street or "",
                kind="event",
                uid=f"event-{event.pk}-{occurrence.key}@wegweiser",
                cancelled=occurrence.cancelled or event.is_cancelled,
            )
