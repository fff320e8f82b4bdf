"""The offer listing type as the portal sees it: facets, card, API schema, prefetching, course dates for the calendar."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from wegweiser.offers.demo import load_offer_demo
from wegweiser.plugin_api import (
    CalendarEntry,
    Facet,
    ListingType,
    localized,
    localized_url,
    time_of_day_facet,
)

from .api import OFFER_API, OfferSchema
from .models import CourseDate, OfferPage


def offer_facets() -> list[Facet]:
    return [
        Facet("kind", _("Kind of offer"), "kind", choices=lambda: list(OfferPage.Kind.choices)),
        Facet(
            "level",
            _("Course level"),
            "level_from",
            field_to="level_to",
            choices=lambda: list(OfferPage.Level.choices),
        ),
        Facet("childcare", _("Childcare available"), "childcare", kind="flag"),
        Facet("mode", _("Online or in person"), "mode", choices=lambda: list(OfferPage.Mode.choices)),
        time_of_day_facet(),
    ]


def course_calendar_entries(
    start: datetime.date, end: datetime.date, locale_code: str
) -> Iterator[CalendarEntry]:
    """Course dates starting between ``start`` and ``end`` (inclusive), for the events plugin's calendar."""
    locale = Locale.objects.filter(language_code=locale_code).first()
    offers = localized(OfferPage.objects.current(), locale).values("pk")
    course_dates = (
        CourseDate.objects.filter(page__in=offers, start_date__gte=start, start_date__lte=end)
        .select_related("page", "page__organisation", "page__district", "page__locale")
        .prefetch_related("page__topics", "page__languages")
        .order_by("start_date", "pk")
    )
    for course_date in course_dates:
        offer = course_date.page
        yield CalendarEntry.for_listing(
            offer,
            url=localized_url(offer),
            start=_at(course_date.start_date, datetime.time(0, 0)),
            end=_at(course_date.end_date, datetime.time(23, 59)) if course_date.end_date else None,
            location=", ".join(offer.address_lines),
            kind="course_date",
            cancelled=course_date.is_cancelled,
            uid=f"offer-course-date-{course_date.pk}@wegweiser",
        )


def _at(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


def offer_listing_type() -> ListingType:
    return ListingType(
        key="offer",
        position=10,
        model=OfferPage,
        alert_facets=("kind", "level", "childcare", "district"),
        label=_("Offer"),
        label_plural=_("Offers"),
        facets=offer_facets(),
        document_fields={
            "kind": lambda offer: offer.kind,
            "levels": lambda offer: " ".join(offer.levels),
            "childcare": lambda offer: offer.childcare,
            "mode": lambda offer: offer.mode,
        },
        api_schema=OfferSchema,
        api_extension=OFFER_API,
        card_template="offers/offer_card.html",
        demo_content=load_offer_demo,
        calendar_entries=course_calendar_entries,
        prefetch=("course_dates",),
        icon="form",
    )
