"""The offer as the public API shows it: every listing's fields, the offer's own, and its upcoming course dates.

Course dates come from the prefetched ``course_dates`` (the listing type prefetches them), so a list of
offers costs the same number of queries whatever its length. Past course dates are left out; nothing
personal is shown.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import Field

from wegweiser.offers.models import CourseDate, OfferPage
from wegweiser.plugin_api import ApiExtension, DayPart, ListingSchema, day_parts, format_slots


class CourseDateStatus:
    PLANNED = "planned"
    OPEN = "open"
    FULL = "full"
    REGISTRATION_CLOSED = "registration_closed"
    CANCELLED = "cancelled"


def course_date_status(course_date: CourseDate, today: datetime.date) -> str:
    """What a visitor can do: the editor's status, with "full" also for no free seat and the deadline applied."""
    if course_date.is_cancelled:
        return CourseDateStatus.CANCELLED
    if course_date.is_full:
        return CourseDateStatus.FULL
    if course_date.status == CourseDate.Status.PLANNED:
        return CourseDateStatus.PLANNED
    if course_date.registration_deadline is not None and course_date.registration_deadline < today:
        return CourseDateStatus.REGISTRATION_CLOSED
    return CourseDateStatus.OPEN


def course_date_status_label(status: str) -> str:
    return {
        CourseDateStatus.PLANNED: _("registration not open yet"),
        CourseDateStatus.OPEN: _("registration open"),
        CourseDateStatus.FULL: _("fully booked"),
        CourseDateStatus.REGISTRATION_CLOSED: _("registration closed"),
        CourseDateStatus.CANCELLED: _("cancelled"),
    }[status]


class TimeSlotOut(Schema):
    weekdays: list[str] = Field(description="Weekday codes MO, TU, WE, TH, FR, SA, SU.")
    start: str | None = Field(description="Start time, HH:MM (local time).")
    end: str | None = Field(description="End time, HH:MM (local time).")
    text: str = Field(description='The slot in the requested language and time format ("Mo–Fr 08:30–12:45").')


class CourseDateOut(Schema):
    id: int
    start_date: datetime.date = Field(description="The first day.")
    end_date: datetime.date | None = Field(description="The last day; empty if not known.")
    slots: list[TimeSlotOut] = Field(description="When the course meets each week: weekdays and times.")
    times: str = Field(description="All slots as one line in the requested language.")
    schedule: str = Field(
        description="A note on the times in the editor's words (not in the school holidays); older dates whose "
        "free-text times could not be read as slots keep them here."
    )
    seats_total: int | None
    seats_free: int | None = Field(description="Empty: not known, ask the provider.")
    has_free_seats: bool = Field(description="True also when the number of free seats is not known.")
    registration_deadline: datetime.date | None = Field(description="Register by this day.")
    started: bool = Field(description="The course has begun but is not over yet.")
    status: str = Field(
        description="planned: registration is not open yet; open: you can register; full: no free seats; "
        "registration_closed: the deadline has passed; cancelled: the date does not take place."
    )
    status_label: str = Field(description="The status in the requested language.")
    cancellation_reason: str = Field(
        description="Why a cancelled date does not take place, in the editor's words."
    )


class OfferFacetValues(Schema):
    kind: list[str]
    level: list[str]
    childcare: bool
    mode: list[str]
    time_of_day: list[str] = Field(description="morning, afternoon, evening, weekend: when its slots start.")


def _choice(value: str) -> list[str]:
    return [value] if value else []


class OfferSchema(ListingSchema):
    """An offer: a course (with its dates), counselling, a service or a group."""

    kind: str = Field(description="course, counselling, service or group.")
    kind_label: str
    level_from: str = Field(
        description="The level a language course starts at: alpha (literacy), a1 … c2; empty for other offers."
    )
    level_to: str = Field(description="The level the course leads to; the same as level_from for one level.")
    levels: list[str] = Field(
        description="Every level the course covers, lowest first; the course is found under each of them."
    )
    level_label: str = Field(description='The range in the requested language, "A1 – B1" (or "A1").')
    course_level: str = Field(
        description="Deprecated, use level_from / level_to: the level the course leads to (= level_to)."
    )
    course_level_label: str = Field(description="Deprecated: the label of course_level.")
    childcare: bool = Field(description="Childcare is available while people take part.")
    mode: str = Field(description="in_person, online or hybrid.")
    mode_label: str
    opening_hours: str = Field(description="When the offer is open, in the editor's words.")
    by_appointment_only: bool = Field(description="Visitors must make an appointment first.")
    course_dates: list[CourseDateOut] = Field(
        description="Upcoming and running dates of a course, soonest first; past dates are left out."
    )
    facets: OfferFacetValues = Field(description="Values of the filters this listing type adds.")

    @staticmethod
    def resolve_kind_label(obj: OfferPage) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_level_label(obj: OfferPage) -> str:
        return obj.level_range_label

    @staticmethod
    def resolve_course_level(obj: OfferPage) -> str:
        return obj.level_to

    @staticmethod
    def resolve_course_level_label(obj: OfferPage) -> str:
        return str(obj.get_level_to_display()) if obj.level_to else ""

    @staticmethod
    def resolve_mode_label(obj: OfferPage) -> str:
        return str(obj.get_mode_display())

    @staticmethod
    def resolve_course_dates(obj: OfferPage) -> list[dict]:
        today = timezone.localdate()
        dates = []
        for course_date in obj.upcoming_course_dates:
            status = course_date_status(course_date, today)
            dates.append(
                {
                    "id": course_date.pk,
                    "start_date": course_date.start_date,
                    "end_date": course_date.end_date,
                    "slots": [
                        {**slot.as_dict(), "text": str(shown)}
                        for slot, shown in zip(course_date.time_slots, course_date.shown_slots, strict=True)
                    ],
                    "times": format_slots(course_date.time_slots),
                    "schedule": course_date.schedule,
                    "seats_total": course_date.seats_total,
                    "seats_free": course_date.seats_free,
                    "has_free_seats": course_date.has_free_seats,
                    "registration_deadline": course_date.registration_deadline,
                    "started": course_date.start_date < today,
                    "status": status,
                    "status_label": course_date_status_label(status),
                    "cancellation_reason": course_date.cancellation_reason
                    if course_date.is_cancelled
                    else "",
                }
            )
        return dates

    @staticmethod
    def resolve_facets(obj: OfferPage) -> dict:
        return {
            "kind": _choice(obj.kind),
            "level": obj.levels,
            "childcare": obj.childcare,
            "mode": _choice(obj.mode),
            "time_of_day": sorted(day_parts(obj.time_slots()), key=DayPart.values.index),
        }


def _next_course_date(offer: OfferPage) -> datetime.date | None:
    upcoming = [course_date for course_date in offer.upcoming_course_dates if not course_date.is_cancelled]
    return upcoming[0].start_date if upcoming else None


def _next_course_date_with_seats(offer: OfferPage) -> datetime.date | None:
    course_date = offer.next_course_date_with_seats
    return course_date.start_date if course_date else None


OFFER_API = ApiExtension(
    export_columns={
        "next_course_date": _next_course_date,
        "next_course_date_with_seats": _next_course_date_with_seats,
    }
)
