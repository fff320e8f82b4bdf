"""RFC 5545 calendars of events, for "add to my calendar" and subscribable feeds.

A series goes out as one ``VEVENT`` with its ``RRULE``; cancelled single dates as ``EXDATE``; a moved
date as a second ``VEVENT`` with the same ``UID`` and a ``RECURRENCE-ID``. Times carry their ``TZID``
with a ``VTIMEZONE``, so calendar apps keep 19:00 at 19:00 across daylight-saving changes.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Calendar, Event, vRecur

from wegweiser.events.recurrence import local_starts
from wegweiser.plugin_api import CalendarEntry, slug_for

PRODID = "-//Wegweiser//Integration portal events//DE"


def uid_for_event(event) -> str:
    """Stable across edits and languages: the same event is the same calendar entry in every feed."""
    return f"event-{event.translation_key}@wegweiser"


def file_name(event) -> str:
    """An event's calendar file's name: its title as an address has it; a title in another script has no Latin
    letters for one (Ukrainian titles gave "event.ics"), the page's address has (unicode slugs are off)."""
    return slug_for(event.title) or event.slug


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    return calendar


def _date_value(moment: datetime.datetime, event) -> datetime.date | datetime.datetime:
    local = moment.astimezone(event.tz)
    return local.date() if event.all_day else local


def _description(event, url: str) -> str:
    lines = [event.summary]
    if event.is_cancelled:  # in the language of the page it was downloaded from, or of the mail it came with
        cancelled = gettext("Cancelled")
        lines.insert(0, f"{cancelled}: {event.status_note}" if event.status_note else cancelled)
    if event.online_url:
        lines.append(event.online_url)
    if url:
        lines.append(url)
    return "\n\n".join(line for line in lines if line)


def _base_component(event, url: str, stamp: datetime.datetime) -> Event:
    component = Event()
    component.add("uid", uid_for_event(event))
    component.add("dtstamp", stamp)
    component.add("summary", event.title)
    component.add("description", _description(event, url))
    location = ", ".join(event.address_lines) or event.online_url
    if location:
        component.add("location", location)
    if url:
        component.add("url", url)
    organisation = event.organisation if event.organisation_id else None
    # Whom to write to: the event's contact, else its organisation's; without an address, no organiser (it
    # was "noreply@localhost", which a calendar app offers as the organiser's address).
    address = event.contact_email or (organisation.email if organisation else "")
    if organisation and address:
        component.add("organizer", f"mailto:{address}", parameters={"CN": organisation.title})
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    return component


def _add_times(component: Event, event, start: datetime.datetime, end: datetime.datetime | None) -> None:
    component.add("dtstart", _date_value(start, event))
    if event.all_day:
        last_day = (end or start).astimezone(event.tz).date()
        component.add("dtend", last_day + datetime.timedelta(days=1))
    elif end is not None:
        component.add("dtend", _date_value(end, event))


def _end_after(event, start: datetime.datetime) -> datetime.datetime | None:
    """The end of a date of ``event`` that starts at ``start`` (a moved one, say): as long as the first date."""
    return start + (event.end - event.start) if event.end else None


def event_components(event, url: str = "", stamp: datetime.datetime | None = None) -> list[Event]:
    """The ``VEVENT`` s describing ``event``: the series itself and one per moved date."""
    stamp = stamp or timezone.now()
    main = _base_component(event, url, stamp)
    _add_times(main, event, event.start, event.end)
    components = [main]
    rule = event.rrule
    if not rule:
        return components
    main.add("rrule", vRecur.from_ical(rule))
    tz = event.tz
    series_start = event.start.astimezone(tz).replace(tzinfo=None)
    for exception in event.exceptions.all():
        day = datetime.datetime.combine(exception.occurrence_date, datetime.time.min)
        originals = local_starts(
            rule, series_start, day, day + datetime.timedelta(days=1, microseconds=-1), tz
        )
        for original in originals:
            original_value = original.date() if event.all_day else original.replace(tzinfo=tz)
            if exception.is_cancellation:
                main.add("exdate", original_value)
                continue
            if exception.new_start is None:
                continue
            moved = _base_component(event, url, stamp)
            moved.add("recurrence-id", original_value)
            new_end = exception.new_end or _end_after(event, exception.new_start)
            _add_times(moved, event, exception.new_start, new_end)
            if exception.note:
                moved["description"] = f"{exception.note}\n\n{moved['description']}"
            components.append(moved)
    return components


def booked_date_calendar(registration, event, url: str = "") -> bytes:
    """The one date someone registered for (where it moved to, if it moved), not the event's whole series:
    "add to my calendar" on the page that confirms the registration."""
    stamp = timezone.now()
    calendar = new_calendar(event.title)
    component = _base_component(event, url, stamp)
    component["uid"] = f"registration-{registration.token}@wegweiser"
    booked = registration.event.occurrence_now(registration.occurrence_start)
    if booked is not None and not booked.cancelled:
        start, end = booked.start, booked.end  # a date moved with its own end keeps it
    else:
        start = registration.starts
        end = _end_after(event, start)
    _add_times(component, event, start, end)
    calendar.add_component(component)
    calendar.add_missing_timezones(
        first_date=start.date(), last_date=start.date() + datetime.timedelta(days=2)
    )
    return calendar.to_ical()


def entry_component(entry: CalendarEntry, stamp: datetime.datetime) -> Event:
    """A dated item of another plugin (a course start) as a plain one-off ``VEVENT``."""
    component = Event()
    component.add("uid", entry.uid or f"{entry.kind}-{entry.url}-{entry.start:%Y%m%dT%H%M}@wegweiser")
    component.add("dtstamp", stamp)
    component.add("summary", entry.title)
    component.add("dtstart", timezone.localtime(entry.start))
    if entry.end:
        component.add("dtend", timezone.localtime(entry.end))
    if entry.location:
        component.add("location", entry.location)
    if entry.url:
        component.add("url", entry.url)
    component.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
    return component


def build_calendar(
    name: str,
    events: Iterable = (),
    entries: Iterable[CalendarEntry] = (),
    url_for=lambda event: "",
) -> bytes:
    """A complete ``VCALENDAR`` with the time zones it needs."""
    calendar = new_calendar(name)
    stamp = timezone.now()
    earliest = stamp.date()
    for event in events:
        earliest = min(earliest, event.start.date())
        for component in event_components(event, url_for(event), stamp):
            calendar.add_component(component)
    for entry in entries:
        earliest = min(earliest, entry.start.date())
        calendar.add_component(entry_component(entry, stamp))
    calendar.add_missing_timezones(
        first_date=earliest - datetime.timedelta(days=366),
        last_date=stamp.date() + datetime.timedelta(days=3 * 366),
    )
    return calendar.to_ical()
