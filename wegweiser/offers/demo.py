"""Demo offers for the fictional town: about 60 courses, counselling services, services and groups.

Run through the core's ``load_demo`` via the listing type's ``demo_content``; a few offers are expired
(to show they never appear) and a few have not been reviewed for months (to show stale flagging).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from wegweiser.offers import demo_translations
from wegweiser.offers.demo_data import CONTACT_NAMES, OFFERS, OPENING_HOURS, REGISTRATION, SCHEDULES
from wegweiser.offers.models import CourseDate, OfferPage
from wegweiser.plugin_api import WEEKDAY_CODES, DemoContext, PaidBy, parse_schedule, slots_stream, slug_for

ENGLISH_OPENING_HOURS = {
    "course": "Registration: Mon–Thu 9–12 and Tue 14–17",
    "counselling": "Drop-in hours: Tue 9–12, Thu 14–17",
    "service": "Mon, Wed, Fri 10–13",
    "group": "Every Wednesday 15–17",
}


def load_offer_demo(ctx: DemoContext) -> None:
    for number, row in enumerate(OFFERS):
        _add_offer(ctx, number, *row)


def _add_offer(
    ctx,
    number,
    org_slug,
    title_de,
    title_en,
    kind,
    level,
    topics,
    groups,
    languages,
    cost,
    flags,
    summary_de,
    summary_en,
) -> OfferPage | None:
    organisation = ctx.organisations.get(org_slug)
    if organisation is None:
        return None
    flags = flags.split()
    place = ctx.place_of(organisation)
    away = next((flag.removeprefix("in=") for flag in flags if flag.startswith("in=")), None)
    if away:
        district = ctx.district(away)
        place.update(district=district, latitude=district.latitude, longitude=district.longitude)
        place["street"] = f"Stadtteilzentrum {district.name}"
    mode = "online" if "online" in flags else "hybrid" if "hybrid" in flags else "in_person"
    # Opening hours for walking in: none online, none by appointment only ("By appointment only" beside
    # "Open consultation: Tue 9-12" told a newcomer both).
    walk_in = mode != "online" and "appointment" not in flags
    # How to register: a service or group by appointment only does not say "drop in" (the residence permit's
    # page said "Drop in during opening hours" below "By appointment only").
    registration = "appointment" if "appointment" in flags and kind in ("service", "group") else kind
    level_from, _dash, level_to = level.partition("-") if kind == "course" else ("", "", "")
    level = level_to or level_from
    offer = OfferPage(
        title=title_de,
        slug=slug_for(title_de),
        summary=summary_de,
        kind=kind,
        level_from=level_from,
        level_to=level,
        childcare="childcare" in flags,
        mode=mode,
        cost=cost,
        **_demo_cost(title_de, cost, number),
        registration=REGISTRATION[registration][0],
        opening_hours=OPENING_HOURS[kind] if walk_in else "",
        by_appointment_only="appointment" in flags,
        contact_name=CONTACT_NAMES[number % len(CONTACT_NAMES)],
        contact_email=organisation.email,
        contact_phone=organisation.phone,
        **(place if mode != "online" else {}),
    )
    if "expired" in flags:
        offer.valid_until = ctx.today - datetime.timedelta(days=20 + number)
    if number % 9 == 4:
        offer.last_reviewed = ctx.today - datetime.timedelta(days=200 + number)
    if kind == "course":
        offer.course_dates = _course_dates(ctx, number, level, expired="expired" in flags)
    ctx.add(
        organisation,
        offer,
        topics=ctx.topics(*topics.split()),
        target_groups=ctx.target_groups(*groups.split()),
        languages=ctx.languages(*languages.split()),
    )
    ctx.translate(
        offer,
        title=title_en,
        summary=summary_en,
        registration=REGISTRATION[registration][1],
        opening_hours=ENGLISH_OPENING_HOURS[kind] if walk_in else "",
    )
    for language, (title, summary) in demo_translations.OFFERS.get(title_de, {}).items():
        ctx.translate(
            offer,
            language,
            title=title,
            summary=summary,
            registration=demo_translations.REGISTRATION[registration][language],
            opening_hours=demo_translations.OPENING_HOURS[kind][language] if walk_in else "",
        )
    return offer


def _demo_cost(title: str, cost: str, number: int) -> dict:
    """Amounts and payers as a town's offers have them: integration courses paid by the BAMF, job-related
    courses by the Jobcenter or the employment agency, fees reduced with the Neustadt-Pass."""
    if cost == OfferPage.Cost.FUNDED:
        payers = [PaidBy.BAMF] if "ntegrationskurs" in title else [PaidBy.JOBCENTER, PaidBy.EMPLOYMENT_AGENCY]
        return {"cost_paid_by": payers}
    if cost == OfferPage.Cost.REDUCED:
        return {"cost_amount": Decimal((20, 35, 50)[number % 3]), "cost_paid_by": [PaidBy.TOWN_PASS]}
    if cost == OfferPage.Cost.FEE:
        return {"cost_amount": Decimal((25, 45, 60, 90, 120)[number % 5])}
    return {}


CANCELLATION_REASON = "Die Lehrkraft ist erkrankt. Bitte melden Sie sich für den nächsten Termin an."


def _course_dates(ctx, number: int, level: str, expired: bool) -> list[CourseDate]:
    """Two or three runs in the coming months (in the past for an expired course): some fully booked, some
    cancelled (every fourth course's second run), and the third run of some not yet open for registration."""
    dates = []
    first_start = ctx.today + datetime.timedelta(days=(-120 if expired else 7) + (number * 5) % 40)
    weeks = 16 if level else 1
    slots = parse_schedule(SCHEDULES.get(level, SCHEDULES[""]))
    # A run starts and ends on days it meets: a Monday-to-Thursday course began on a Sunday
    days = {WEEKDAY_CODES.index(code) for slot in slots for code in slot.weekdays}
    for run in range(2 + number % 2):
        start = _on_a_course_day(first_start + datetime.timedelta(weeks=run * 8), days, 1)
        end = _on_a_course_day(start + datetime.timedelta(weeks=weeks, days=-3 if weeks > 1 else 0), days, -1)
        seats_total = ctx.rng.choice([12, 15, 16, 20, 25])
        seats_free = ctx.rng.choice([0, 1, 3, 5, 8, None]) if run else ctx.rng.choice([2, 4, 6])
        status = CourseDate.Status.FULL if seats_free == 0 else CourseDate.Status.OPEN
        if run == 1 and number % 4 == 0:
            status, seats_free = CourseDate.Status.CANCELLED, None
        elif run == 2 and number % 4 == 1:
            status = CourseDate.Status.PLANNED
        dates.append(
            CourseDate(
                start_date=start,
                end_date=max(start, end),
                slots=slots_stream(slots),
                seats_total=seats_total,
                seats_free=None if seats_free is None else min(seats_free, seats_total),
                registration_deadline=start - datetime.timedelta(days=5),
                status=status,
                cancellation_reason=CANCELLATION_REASON if status == CourseDate.Status.CANCELLED else "",
            )
        )
    return dates


def _on_a_course_day(day: datetime.date, weekdays: set[int], step: int) -> datetime.date:
    """``day``, or the nearest day after it (``step`` 1) or before it (-1) that is one of ``weekdays``."""
    while weekdays and day.weekday() not in weekdays:
        day += datetime.timedelta(days=step)
    return day
