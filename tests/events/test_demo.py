"""The demo town gets about twenty events in German and English, recurring ones and one cancellation."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from wegweiser.events.models import EventPage
from wegweiser.site import demo
from wegweiser.site.demo import load_demo
from wegweiser.site.registry import listing_types

pytestmark = pytest.mark.django_db


def test_demo_events_with_translations_recurrence_and_a_cancellation(client, monkeypatch):
    # Only this plugin's demo: the other plugins' demos are tested in their own suites.
    event_type = {"event": listing_types()["event"]}
    monkeypatch.setattr(demo, "listing_types", lambda: event_type)
    created = load_demo()
    assert created["event"] >= 20
    german = EventPage.objects.filter(locale__language_code="de")
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
