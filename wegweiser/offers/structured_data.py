"""schema.org JSON-LD for offer pages, so search engines and aggregators understand courses and services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext

from wegweiser.plugin_api import (
    json_ld_script,
    listing_parties_json_ld,
    place_json_ld,
    schema_org_day,
)

if TYPE_CHECKING:
    from wegweiser.offers.models import OfferPage

EVENT_SCHEDULED = "https://schema.org/EventScheduled"
EVENT_CANCELLED = "https://schema.org/EventCancelled"
SOLD_OUT = "https://schema.org/SoldOut"


def offer_json_ld_data(offer: OfferPage, request=None) -> dict[str, Any]:
    """The schema.org ``Course`` (courses) or ``Service`` (everything else) describing ``offer``."""
    url = offer.get_full_url(request)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Course" if offer.is_course else "Service",
        "name": offer.title,
        "description": offer.summary,
        "url": url,
    }
    data.update(listing_parties_json_ld(offer, request, organisation_property="provider"))
    location = _place(offer)
    price = {"@type": "Offer", "category": offer.get_cost_display(), "url": url}
    if offer.cost == offer.Cost.FREE:
        price.update(price="0", priceCurrency=offer.cost_currency)
    elif offer.cost_amount is not None:
        price.update(price=str(offer.cost_amount), priceCurrency=offer.cost_currency)
    if offer.paid_by_labels:
        price["description"] = f"{gettext('Can be paid by:')} {', '.join(offer.paid_by_labels)}"
    data["isAccessibleForFree"] = offer.cost == offer.Cost.FREE
    if offer.is_course:
        instances = []
        for course_date in offer.upcoming_course_dates:
            instance: dict[str, Any] = {
                "@type": "CourseInstance",
                "startDate": course_date.start_date.isoformat(),
                "courseMode": _course_mode(offer),
                "eventStatus": EVENT_CANCELLED if course_date.is_cancelled else EVENT_SCHEDULED,
            }
            if course_date.is_full and not course_date.is_cancelled:
                instance["offers"] = {"@type": "Offer", "availability": SOLD_OUT, "url": url}
            if course_date.end_date:
                instance["endDate"] = course_date.end_date.isoformat()
            schedules = _schedules(course_date)
            if schedules:
                instance["courseSchedule"] = schedules if len(schedules) > 1 else schedules[0]
            if location:
                instance["location"] = location
            instances.append(instance)
        if instances:
            data["hasCourseInstance"] = instances
        if offer.levels:
            data["educationalLevel"] = offer.level_range_label
        data["offers"] = price
        if location:
            data["location"] = location
    else:
        data["serviceType"] = offer.get_kind_display()
        data["offers"] = price
        if location:
            data["areaServed"] = location
            data["availableChannel"] = {"@type": "ServiceChannel", "serviceLocation": location}
    return _without_lazy_strings(data)


def _place(offer: OfferPage) -> dict[str, Any] | None:
    if not offer.has_address:
        return None
    return place_json_ld(
        offer, offer.place_name or (offer.organisation.title if offer.organisation else offer.title)
    )


def _course_mode(offer: OfferPage) -> str:
    return {"in_person": "onsite", "online": "online", "hybrid": "blended"}.get(offer.mode, "onsite")


def _without_lazy_strings(value):
    """Lazy translations become plain strings so ``json.dumps`` accepts them."""
    if isinstance(value, dict):
        return {key: _without_lazy_strings(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_lazy_strings(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def offer_json_ld(offer: OfferPage, request=None) -> SafeString:
    """The ``<script type="application/ld+json">`` element for ``offer``'s page."""
    return json_ld_script(offer_json_ld_data(offer, request))


def _schedules(course_date) -> list[dict[str, Any]]:
    """One weekly ``Schedule`` per time slot (days, start and end time), the note as its description."""
    schedules: list[dict[str, Any]] = []
    for slot in course_date.time_slots:
        schedule: dict[str, Any] = {
            "@type": "Schedule",
            "repeatFrequency": "P1W",
            "byDay": [schema_org_day(code) for code in slot.weekdays],
        }
        if slot.start:
            schedule["startTime"] = slot.start.strftime("%H:%M:%S")
        if slot.end:
            schedule["endTime"] = slot.end.strftime("%H:%M:%S")
        if course_date.start_date:
            schedule["startDate"] = course_date.start_date.isoformat()
        if course_date.end_date:
            schedule["endDate"] = course_date.end_date.isoformat()
        schedules.append(schedule)
    if course_date.schedule:
        if schedules:
            schedules[0]["description"] = course_date.schedule
        else:
            schedules.append({"@type": "Schedule", "description": course_date.schedule})
    return schedules
