"""schema.org ``Event`` JSON-LD for event pages, so search engines show date, place and a cancellation."""

from __future__ import annotations

from typing import Any

from django.utils.safestring import SafeString

from wegweiser.plugin_api import json_ld_script, listing_parties_json_ld, place_json_ld, schema_org_day

SUB_EVENTS = 10
_FREQUENCIES = {"DAILY": "D", "WEEKLY": "W", "MONTHLY": "M"}


def _iso(moment, all_day: bool) -> str:
    return moment.date().isoformat() if all_day else moment.isoformat()


def event_json_ld_data(event, request=None, occurrence=None) -> dict[str, Any]:
    """The schema.org ``Event`` for the next date of ``event`` (or its first, if none is ahead)."""
    start = occurrence.start if occurrence else event.start
    end = occurrence.end if occurrence else event.end
    tz = event.tz
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": _iso(start.astimezone(tz), event.all_day),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.is_cancelled or (occurrence and occurrence.cancelled)
        else (
            "https://schema.org/EventRescheduled"
            if occurrence and occurrence.moved
            else "https://schema.org/EventScheduled"
        ),
    }
    url = event.get_full_url(request)
    if url:
        data["url"] = url
    if end:
        data["endDate"] = _iso(end.astimezone(tz), event.all_day)
    places = []
    if event.has_address:
        places.append(place_json_ld(event, event.place_name or event.street))
    if event.online_url:
        places.append({"@type": "VirtualLocation", "url": event.online_url})
    if places:
        data["location"] = places if len(places) > 1 else places[0]
        data["eventAttendanceMode"] = (
            "https://schema.org/MixedEventAttendanceMode"
            if len(places) > 1
            else (
                "https://schema.org/OnlineEventAttendanceMode"
                if event.online_url
                else "https://schema.org/OfflineEventAttendanceMode"
            )
        )
    data.update(listing_parties_json_ld(event, request, organisation_property="organizer"))
    if event.cost == event.Cost.FREE:
        data["isAccessibleForFree"] = True
        data["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "EUR", "url": url}
    if event.rrule:
        schedule = _schedule(event)
        if schedule:
            data["eventSchedule"] = schedule
        sub_events = [_sub_event(event, upcoming, url) for upcoming in event.upcoming_occurrences(SUB_EVENTS)]
        if sub_events:
            data["subEvent"] = sub_events
    return data


def _status(occurrence) -> str:
    if occurrence.cancelled:
        return "https://schema.org/EventCancelled"
    if occurrence.moved:
        return "https://schema.org/EventRescheduled"
    return "https://schema.org/EventScheduled"


def _sub_event(event, occurrence, url) -> dict[str, Any]:
    """One date of a series as its own schema.org ``Event``, so search engines list each date."""
    tz = event.tz
    sub_event: dict[str, Any] = {
        "@type": "Event",
        "name": event.title,
        "startDate": _iso(occurrence.start.astimezone(tz), event.all_day),
        "eventStatus": _status(occurrence),
    }
    if occurrence.end:
        sub_event["endDate"] = _iso(occurrence.end.astimezone(tz), event.all_day)
    if url:
        sub_event["url"] = url
    return sub_event


def _schedule(event) -> dict[str, Any] | None:
    """The series as a schema.org ``Schedule``; ``None`` for an imported rule the editor cannot express."""
    recurrence = event.recurrence
    if recurrence is None:
        return None
    tz = event.tz
    start = event.start.astimezone(tz)
    schedule: dict[str, Any] = {
        "@type": "Schedule",
        "startDate": start.date().isoformat(),
        "repeatFrequency": f"P{recurrence.interval or 1}{_FREQUENCIES[recurrence.frequency]}",
        "scheduleTimezone": str(tz),
    }
    by_day = recurrence.by_day(start.replace(tzinfo=None))
    if recurrence.frequency == "WEEKLY" and by_day:
        schedule["byDay"] = [schema_org_day(code) for code in by_day.split(",")]
    elif recurrence.frequency == "MONTHLY":
        schedule["byDay"] = schema_org_day(by_day[-2:])
        if recurrence.week_of_month and recurrence.week_of_month > 0:
            schedule["byMonthWeek"] = recurrence.week_of_month
    if not event.all_day:
        schedule["startTime"] = start.strftime("%H:%M:%S")
        if event.end:
            schedule["endTime"] = event.end.astimezone(tz).strftime("%H:%M:%S")
    if recurrence.count:
        schedule["repeatCount"] = recurrence.count
    elif recurrence.until:
        schedule["endDate"] = recurrence.until.isoformat()
    return schedule


def event_json_ld(event, request=None, occurrence=None) -> SafeString:
    return json_ld_script(event_json_ld_data(event, request, occurrence))
