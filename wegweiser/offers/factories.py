"""Test and benchmark factories: ``OfferPageFactory(parent=organisation_page)`` builds a published offer."""

from __future__ import annotations

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from wegweiser.offers.models import CourseDate, OfferPage
from wegweiser.plugin_api import parse_schedule, slots_stream


class OfferPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda number: f"Angebot {number}")
    slug = factory.Sequence(lambda number: f"angebot-{number}")
    summary = "Ein Angebot für Neuzugewanderte."
    kind = OfferPage.Kind.COUNSELLING
    live = True

    class Meta:
        model = OfferPage
        skip_postgeneration_save = True

    @factory.post_generation
    def terms(self, create, extracted, **kwargs):
        """``terms={"topics": [...], "languages": [...], "target_groups": [...]}`` sets taxonomy terms."""
        if not create or not extracted:
            return
        for name, values in extracted.items():
            getattr(self, name).set(values)
        self.save()  # parental many-to-many values are stored when the page is saved


class CourseDateFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(OfferPageFactory)
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(lambda date: date.start_date + datetime.timedelta(days=90))
    slots = factory.LazyFunction(lambda: slots_stream(parse_schedule("Mo–Fr 8:30–12:45")))
    seats_total = 20
    seats_free = 5

    class Meta:
        model = CourseDate
