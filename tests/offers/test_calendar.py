"""Course dates travel to the event calendar through the registry, in the visitor's language."""

from __future__ import annotations

import datetime

from django.utils import timezone

from wegweiser.offers.factories import CourseDateFactory, OfferPageFactory
from wegweiser.offers.models import OfferPage
from wegweiser.site.registry import get_listing_type


def test_calendar_entries_are_the_upcoming_course_dates_of_current_offers(organisation_a, terms):
    today = timezone.localdate()
    course = OfferPageFactory(
        parent=organisation_a,
        title="Alphakurs",
        kind=OfferPage.Kind.COURSE,
        cost=OfferPage.Cost.FREE,
        district=terms["district"]["nordstadt"],
        street="Rosenweg 14",
        city="Neustadt",
        terms={"languages": [terms["language"]["ar"]], "topics": [terms["topic"]["sprache"]]},
    )
    inside = CourseDateFactory(page=course, start_date=today + datetime.timedelta(days=10))
    CourseDateFactory(page=course, start_date=today + datetime.timedelta(days=400))
    expired = OfferPageFactory(parent=organisation_a, kind=OfferPage.Kind.COURSE, valid_until=today)
    expired.valid_until = today - datetime.timedelta(days=1)
    expired.save()
    CourseDateFactory(page=expired, start_date=today + datetime.timedelta(days=5))

    listing_type = get_listing_type("offer")
    entries = list(listing_type.calendar_entries(today, today + datetime.timedelta(days=60), "de"))

    assert [entry.title for entry in entries] == ["Alphakurs"]
    entry = entries[0]
    assert entry.start.date() == inside.start_date
    assert entry.end.date() == inside.end_date
    assert entry.url == course.url
    assert entry.uid == f"offer-course-date-{inside.pk}@wegweiser"
    assert entry.languages == ("ar",) and entry.topics == ("sprache",) and entry.districts == ("nordstadt",)
    assert entry.free_of_charge and entry.organisation == "Verein A"
    assert "Rosenweg 14" in entry.location


def test_offer_listing_type_offers_its_facets_to_the_finder():
    listing_type = get_listing_type("offer")
    names = [facet.name for facet in listing_type.all_facets()]
    assert {
        "kind",
        "level",
        "childcare",
        "mode",
        "topic",
        "language",
        "district",
        "cost",
        "accessible",
    } <= set(names)
    assert listing_type.card_template == "offers/offer_card.html"
    assert "course_dates" in listing_type.prefetch
