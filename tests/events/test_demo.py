"""The demo town gets about twenty events in German and English, recurring ones and one cancellation."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from wegweiser.events.models import EventPage

pytestmark = pytest.mark.django_db


def test_demo_events_with_translations_recurrence_and_a_cancellation(client, demo_town):
    german = EventPage.objects.filter(locale__language_code="de")
    assert german.count() >= 20
    assert german.filter(status="cancelled").count() == 1
    assert german.exclude(recurrence_frequency="").count() >= 4
    assert german.get(slug="frauenfruehstueck").rrule.startswith("FREQ=MONTHLY;BYDAY=1FR")
    assert EventPage.objects.filter(locale__language_code="en").count() == german.count()

    with translation.override("en"):
        response = client.get(reverse("events:upcoming"))
    titles = {item.title for item in response.context["agenda"].items}
    assert "Language café" in titles
    with translation.override("de"):
        response = client.get(reverse("events:upcoming"))
    assert "Sprachcafé" in {item.title for item in response.context["agenda"].items}
