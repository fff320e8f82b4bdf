"""The event listing type as the portal sees it: card, prefetching, search document, API, demo content."""

from __future__ import annotations

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from wegweiser.events.agenda import on_days
from wegweiser.events.api import EVENT_API, EventSchema
from wegweiser.events.calendar_entries import event_calendar_entries
from wegweiser.events.demo import load_event_demo
from wegweiser.events.models import EventPage
from wegweiser.plugin_api import ListingType, time_of_day_facet

#: What an event's date on a search hit reads (``events/includes/hit_when.html``).
HIT_FIELDS = (
    "start", "end", "all_day", "time_zone", "status", "series_end", "imported_rrule",
    "recurrence_frequency", "recurrence_interval", "recurrence_weekdays", "recurrence_week_of_month",
    "recurrence_until", "recurrence_count",
)  # fmt: skip


def event_listing_type() -> ListingType:
    return ListingType(
        key="event",
        position=20,
        model=EventPage,
        alert_facets=("topic", "district"),
        label=_("Event"),
        label_plural=_("Events"),
        facets=(time_of_day_facet(),),
        document_fields={
            "start": lambda event: event.start.isoformat(),
            "series_end": lambda event: event.series_end.isoformat() if event.series_end else None,
            "status": lambda event: event.status,
            "online": lambda event: bool(event.online_url),
        },
        api_schema=EventSchema,
        api_extension=EVENT_API,
        card_template="events/event_card.html",
        finder_links_template="events/includes/finder_links.html",
        demo_content=load_event_demo,
        calendar_entries=event_calendar_entries,
        on_days=on_days,
        # The next date first; events without one (none ahead) last.
        finder_order=(F("next_start").asc(nulls_last=True),),
        hit_template="events/includes/hit_when.html",
        hit_fields=HIT_FIELDS,
        hit_prefetch=("exceptions",),
        prefetch=("exceptions",),
        icon="date",
    )
