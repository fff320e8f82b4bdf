"""What the calendar shows for a date range: event occurrences plus other plugins' dated items, filtered.

Other plugins (course dates of offers, say) contribute through ``ListingType.calendar_entries`` in the
registry; this module never imports them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wegweiser.events.occurrences import LocalTimes, Occurrence
from wegweiser.events.recurrence import BERLIN
from wegweiser.plugin_api import (
    CalendarEntry,
    ListingType,
    active_locale,
    enabled_listing_types,
    filterset_for,
    load_original_texts,
    localized_url,
    public_listings,
)

EVENT_TYPE_KEY = "event"
MAX_RANGE_DAYS = 400


class DateRangeFilterMixin(django_filters.FilterSet):
    """Date range fields; they narrow the events to those that may fall in it, the calendar does the rest."""

    date_from = django_filters.DateFilter(
        label=_("From"), method="filter_date_from", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = django_filters.DateFilter(
        label=_("Until"), method="filter_date_to", widget=forms.DateInput(attrs={"type": "date"})
    )

    def filter_date_from(self, queryset, name, value):
        start = day_start(value)
        return queryset.filter(Q(series_end__isnull=True) | Q(series_end__gte=start))

    def filter_date_to(self, queryset, name, value):
        return queryset.filter(start__lt=day_start(value + datetime.timedelta(days=1)))

    def clean_range(self) -> tuple[datetime.date | None, datetime.date | None]:
        data = self.form.cleaned_data if self.is_valid() else {}
        return data.get("date_from"), data.get("date_to")


@cache
def event_filterset_class(listing_type: ListingType) -> type[django_filters.FilterSet]:
    """The event type's facet filters (topic, language, district, cost …) plus a date range."""
    base = filterset_for(listing_type)
    return type("EventCalendarFilterSet", (DateRangeFilterMixin, base), {"Meta": base.Meta})


def day_start(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=BERLIN)


@dataclass(frozen=True)
class CalendarItem(LocalTimes):
    """One line in the calendar, whether an event date or a course start from the offers plugin."""

    title: str
    url: str
    start: datetime.datetime
    end: datetime.datetime | None
    all_day: bool = False
    cancelled: bool = False
    moved: bool = False
    note: str = ""
    location: str = ""
    online: bool = False
    organisation: str = ""
    kind: str = EVENT_TYPE_KEY
    kind_label: str = ""
    occurrence: Occurrence | None = None
    #: The language the title is written in (German when the listing has no translation yet).
    language: str = ""

    @property
    def page(self):
        """The event page of an event's date (whose German original a translated note may still be)."""
        return self.occurrence.event if self.occurrence else None

    @property
    def day(self) -> datetime.date:
        return self.local_start.date()

    @property
    def shows_time(self) -> bool:
        return not self.all_day and self.local_start.time() != datetime.time.min


def item_for_occurrence(occurrence: Occurrence, request=None, url: str | None = None) -> CalendarItem:
    event = occurrence.event
    return CalendarItem(
        title=event.title,
        url=url if url is not None else localized_url(event, request),
        start=occurrence.start,
        end=occurrence.end,
        all_day=event.all_day,
        cancelled=occurrence.cancelled,
        moved=occurrence.moved,
        note=occurrence.note or (event.status_note if event.is_cancelled else ""),
        location=event.place_name or event.street or "",
        online=bool(event.online_url),
        organisation=event.organisation.title if event.organisation else "",
        occurrence=occurrence,
        language=event.locale.language_code,
    )


def item_for_entry(entry: CalendarEntry, listing_type: ListingType) -> CalendarItem:
    return CalendarItem(
        title=entry.title,
        url=entry.url,
        start=entry.start,
        end=entry.end,
        cancelled=entry.cancelled,
        location=entry.location,
        organisation=entry.organisation,
        kind=entry.kind or listing_type.key,
        kind_label=str(listing_type.verbose_name),
        language=entry.language,
    )


def entry_matches(entry: CalendarEntry, cleaned: dict) -> bool:
    """Apply the calendar's filters to an item that only carries slugs, not a queryset."""
    checks = {"topic": entry.topics, "language": entry.languages, "district": entry.districts}
    for name, values in checks.items():
        wanted = cleaned.get(name)
        if wanted and not set(wanted) & set(values):
            return False
    cost = cleaned.get("cost")
    if cost:
        free_wanted = "free" in cost
        paid_wanted = bool(set(cost) - {"free"})
        if not ((entry.free_of_charge and free_wanted) or (not entry.free_of_charge and paid_wanted)):
            return False
    if cleaned.get("q"):
        words = cleaned["q"].lower().split()
        if not all(word in entry.title.lower() for word in words):
            return False
    known = {"topic", "language", "district", "cost", "q", "date_from", "date_to"}
    # Entries say nothing about target groups, accessibility or other facets: with such a filter
    # set, they cannot be shown as matching.
    return not any(value for name, value in cleaned.items() if name not in known)


@dataclass
class Agenda:
    """The filtered calendar for one date range."""

    filterset: django_filters.FilterSet
    first_day: datetime.date
    last_day: datetime.date
    items: list[CalendarItem]
    events: list

    def by_day(self) -> list[tuple[datetime.date, list[CalendarItem]]]:
        days: dict[datetime.date, list[CalendarItem]] = {}
        for item in self.items:
            day = max(item.day, self.first_day)
            days.setdefault(day, []).append(item)
        return sorted(days.items())


def event_listing_type(site) -> ListingType | None:
    return enabled_listing_types(site).get(EVENT_TYPE_KEY)


def build_filterset(listing_type: ListingType, data, request=None):
    filterset_class = event_filterset_class(listing_type)
    return filterset_class(
        data=data, queryset=public_listings(listing_type).order_by("start", "pk"), request=request
    )


def events_in_range(queryset, first_day: datetime.date, last_day: datetime.date):
    """Events (one query, related data prefetched) that may have a date between the two days."""
    window_start, window_end = day_start(first_day), day_start(last_day + datetime.timedelta(days=1))
    return list(
        queryset.filter(start__lt=window_end)
        .filter(Q(series_end__isnull=True) | Q(series_end__gte=window_start))
        .prefetch_related("exceptions")
    )


def with_dates_between(listings, start: datetime.datetime, end: datetime.datetime):
    """The events among ``listings`` with a date between two moments: moved dates count where they moved
    to, cancelled ones count (a visitor sees the cancellation). One query narrows them by their series,
    the dates themselves are expanded from the rule."""
    may_overlap = Q(start__lte=end) & (Q(series_end__isnull=True) | Q(series_end__gte=start))
    moved_into = Q(
        exceptions__new_start__lte=end, exceptions__new_start__gte=start - datetime.timedelta(days=1)
    )
    candidates = (
        listings.model.objects.filter(pk__in=listings.values("pk"))
        .filter(may_overlap | moved_into)
        .distinct()
        .prefetch_related("exceptions")
    )
    matching = [event.pk for event in candidates if event.occurrences(start, end)]
    return listings.filter(pk__in=matching)


def days_window(
    first_day: datetime.date | None, last_day: datetime.date | None
) -> tuple[datetime.datetime, datetime.datetime]:
    """The finder's days as moments: from the first day's start to the last day's end (Berlin time).

    An open start is today (past dates are no longer found), an open end ``MAX_RANGE_DAYS`` later.
    """
    first = first_day or timezone.localdate()
    last = last_day or first + datetime.timedelta(days=MAX_RANGE_DAYS)
    return day_start(first), day_start(last + datetime.timedelta(days=1)) - datetime.timedelta(microseconds=1)


def on_days(listings, first_day: datetime.date | None, last_day: datetime.date | None):
    """The events with a date on one of these days, for the finder (``ListingType.on_days``)."""
    return with_dates_between(listings, *days_window(first_day, last_day))


def build_agenda(
    site,
    data,
    first_day: datetime.date,
    last_day: datetime.date,
    request=None,
    include_entries: bool = True,
) -> Agenda | None:
    """Everything dated between ``first_day`` and ``last_day`` (inclusive) that matches the filters."""
    listing_type = event_listing_type(site)
    if listing_type is None:
        return None
    filterset = build_filterset(listing_type, data, request)
    last_day = min(last_day, first_day + datetime.timedelta(days=MAX_RANGE_DAYS))
    window_start = day_start(first_day)
    window_end = day_start(last_day + datetime.timedelta(days=1)) - datetime.timedelta(microseconds=1)
    events = events_in_range(filterset.qs, first_day, last_day)
    if translation.get_language() != settings.LANGUAGE_CODE:
        load_original_texts(events)  # notes a translation kept in German (lang_attrs): not a query per event
    urls = {event.pk: localized_url(event, request) for event in events}
    items = [
        item_for_occurrence(occurrence, request, urls[event.pk])
        for event in events
        for occurrence in event.occurrences(window_start, window_end)
    ]
    if include_entries:
        cleaned = filterset.form.cleaned_data if filterset.is_valid() else {}
        for entry, other_type in other_entries(site, first_day, last_day):
            if entry_matches(entry, cleaned):
                items.append(item_for_entry(entry, other_type))
    items.sort(key=lambda item: (item.start, item.title.lower()))
    return Agenda(filterset=filterset, first_day=first_day, last_day=last_day, items=items, events=events)


def other_entries(site, first_day: datetime.date, last_day: datetime.date):
    """Dated items of every other enabled listing type that offers them (course dates …)."""
    locale_code = active_locale().language_code
    for key, listing_type in enabled_listing_types(site).items():
        if key == EVENT_TYPE_KEY or listing_type.calendar_entries is None:
            continue
        for entry in listing_type.calendar_entries(first_day, last_day, locale_code):
            yield entry, listing_type
