"""schema.org ``Event`` JSON-LD for event pages, so search engines show date, place and a cancellation.

Serialised with the same escaping as Django's ``json_script``: a title containing ``</script>``
cannot break out of the script element.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.safestring import SafeString, mark_safe

_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


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
        place: dict[str, Any] = {
            "@type": "Place",
            "name": event.place_name or event.street,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": event.street,
                "postalCode": event.postcode,
                "addressLocality": event.city,
                "addressCountry": "DE",
            },
        }
        if event.has_coordinates:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": event.latitude,
                "longitude": event.longitude,
            }
        places.append(place)
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
    if event.organisation is not None:
        organiser = {"@type": "Organization", "name": event.organisation.title}
        organisation_url = event.organisation.get_full_url(request)
        if organisation_url:
            organiser["url"] = organisation_url
        data["organizer"] = organiser
    languages = [code for code, _name in event.localized_languages]
    if languages:
        data["inLanguage"] = languages if len(languages) > 1 else languages[0]
    if event.cost == event.Cost.FREE:
        data["isAccessibleForFree"] = True
        data["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "EUR", "url": url}
    return data


def event_json_ld(event, request=None, occurrence=None) -> SafeString:
    payload = json.dumps(event_json_ld_data(event, request, occurrence), ensure_ascii=False)
    return mark_safe(f'<script type="application/ld+json">{payload.translate(_SCRIPT_ESCAPES)}</script>')  # noqa: S308
