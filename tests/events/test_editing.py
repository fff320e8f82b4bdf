"""Partner editors create events in the admin with the usual rights; feeds and registrations stay their own."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from tests.events.conftest import berlin, make_event
from wegweiser.events.jobs import delete_past_registrations
from wegweiser.events.models import CalendarFeed, EventPage, EventRegistration

pytestmark = pytest.mark.django_db


def test_partner_editor_may_add_events_only_below_own_organisation(editor_a, organisation_a, organisation_b):
    assert EventPage.can_create_at(organisation_a)
    assert organisation_a.permissions_for_user(editor_a).can_add_subpage()
    assert not organisation_b.permissions_for_user(editor_a).can_add_subpage()


def test_partner_editor_creates_a_weekly_event_in_the_admin(client, editor_a, organisation_a):
    client.force_login(editor_a)
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", organisation_a.pk])
    form_page = client.get(url)
    assert form_page.status_code == 200
    assert 'name="recurrence_weekdays"' in form_page.content.decode()
    data = {
        "title": "Sprachcafé",
        "slug": "sprachcafe",
        "summary": "Deutsch sprechen üben.",
        "start": "2026-12-01 19:00",
        "end": "2026-12-01 21:00",
        "recurrence_frequency": "WEEKLY",
        "recurrence_interval": "1",
        "recurrence_weekdays": ["TU"],
        "status": "scheduled",
        "cost": "free",
        "registration_mode": "none",
        "body": "[]",
        "body-count": "0",
        "exceptions-TOTAL_FORMS": "1",
        "exceptions-INITIAL_FORMS": "0",
        "exceptions-MIN_NUM_FORMS": "0",
        "exceptions-MAX_NUM_FORMS": "1000",
        "exceptions-0-occurrence_date": "2026-12-22",
        "exceptions-0-action": "cancel",
        "exceptions-0-note": "Weihnachtspause",
        "exceptions-0-ORDER": "1",
        "exceptions-0-DELETE": "",
        "exceptions-0-id": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    event = EventPage.objects.get(slug="sprachcafe")
    assert event.recurrence_weekdays == ["TU"]
    assert event.rrule == "FREQ=WEEKLY;BYDAY=TU"
    occurrences = event.occurrences(berlin(2026, 12, 1), berlin(2026, 12, 31))
    assert [occurrence.cancelled for occurrence in occurrences] == [False, False, False, True, False]


def test_partner_sees_only_own_calendar_feeds_in_the_admin(client, editor_a, organisation_a, organisation_b):
    CalendarFeed.objects.create(
        organisation=organisation_a, name="Kalender A", file=ContentFile(b"", name="a.ics")
    )
    CalendarFeed.objects.create(
        organisation=organisation_b, name="Kalender B", file=ContentFile(b"", name="b.ics")
    )
    client.force_login(editor_a)
    response = client.get(reverse("calendar_feeds:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kalender A" in html and "Kalender B" not in html
    other = CalendarFeed.objects.get(name="Kalender B")
    assert client.get(reverse("calendar_feeds:edit", args=[other.pk])).status_code == 404


def test_a_partner_picks_its_own_organisation_for_a_calendar_from_a_list(client, editor_a, organisation_a):
    """The organisation field opened Wagtail's page chooser on every partner of the portal, and choosing
    another's was refused with "Bitte eine gültige Auswahl treffen"."""
    client.force_login(editor_a)
    form = BeautifulSoup(client.get(reverse("calendar_feeds:add")).content, "html.parser")
    choice = form.find("select", attrs={"name": "organisation"})
    assert choice is not None
    options = {
        option["value"]: option.get_text(strip=True)
        for option in choice.find_all("option")
        if option["value"]
    }
    assert options == {str(organisation_a.pk): organisation_a.title}
    assert choice.find("option", selected=True)["value"] == str(organisation_a.pk)


def test_registrations_are_deleted_two_weeks_after_their_date(organisation_a):
    event = make_event(
        organisation_a, start=timezone.now() - datetime.timedelta(days=30), registration_mode="internal"
    )
    old = EventRegistration.objects.create(
        event=event, occurrence_start=event.start, name="A", email="a@example.org", status="confirmed"
    )
    recent = EventRegistration.objects.create(
        event=event,
        occurrence_start=timezone.now() - datetime.timedelta(days=2),
        name="B",
        email="b@example.org",
        status="confirmed",
    )
    delete_past_registrations()
    assert list(EventRegistration.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not EventRegistration.objects.filter(pk=old.pk).exists()
