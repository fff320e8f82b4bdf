"""Partner editors create events in the admin with the usual rights; feeds and registrations stay their own."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

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


def translate_organisation(organisation, language: str, title: str):
    locale = Locale.objects.get_or_create(language_code=language)[0]
    translated = organisation.copy_for_translation(locale, copy_parents=True)
    translated.title = title
    translated.save_revision().publish()
    return translated


def organisations_offered(client) -> dict[str, str]:
    """The feed form's list of organisations: value → name, without the empty choice."""
    form = BeautifulSoup(client.get(reverse("calendar_feeds:add")).content, "html.parser")
    choice = form.find("select", attrs={"name": "organisation"})
    assert choice is not None
    names = [(option["value"], option.get_text(strip=True)) for option in choice.find_all("option")]
    offered = [(value, name) for value, name in names if value]
    assert len(offered) == len(dict(offered)), "each organisation once"
    return dict(offered)


def test_a_partner_picks_its_own_organisation_for_a_calendar_from_a_list_once_by_its_german_name(
    client, editor_a, organisation_a, organisation_b, settings
):
    """The organisation field opened Wagtail's page chooser on every partner of the portal, and choosing
    another's was refused with "Bitte eine gültige Auswahl treffen". Then the list named the partner once
    per language version ("Caritasverband Neustadt e.V." five times), while the offers import named it once."""
    for language, title in (("en", "Association A"), ("ar", "جمعية أ")):
        translate_organisation(organisation_a, language, title)
    translate_organisation(organisation_b, "en", "Association B")
    client.force_login(editor_a)

    assert organisations_offered(client) == {str(organisation_a.pk): "Verein A"}
    form = BeautifulSoup(client.get(reverse("calendar_feeds:add")).content, "html.parser")
    assert form.find("select", attrs={"name": "organisation"}).find("option", selected=True)["value"] == str(
        organisation_a.pk
    )

    settings.WEGWEISER_FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    feed = {"name": "Kalender", "url": "http://127.0.0.1:8080/k.ics", "publish_mode": "draft", "active": "on"}
    refused = client.post(reverse("calendar_feeds:add"), {**feed, "organisation": organisation_b.pk})
    assert refused.status_code == 200 and "Bitte eine gültige Auswahl treffen" in refused.content.decode()
    assert not CalendarFeed.objects.exists()
    assert (
        client.post(reverse("calendar_feeds:add"), {**feed, "organisation": organisation_a.pk}).status_code
        == 302
    )
    assert CalendarFeed.objects.get().organisation_id == organisation_a.pk


def test_an_administrator_picks_any_organisation_for_a_calendar_once_by_its_german_name(
    client, admin_user, organisation_a, organisation_b
):
    """Who sees the whole page tree (the office's group has no calendar import; an administrator has) got
    Wagtail's page chooser, which opened in the admin's language and let them pick an organisation's
    translation, below which the feed's events would then be imported."""
    translate_organisation(organisation_a, "en", "Association A")
    translate_organisation(organisation_b, "uk", "Асоціація Б")
    client.force_login(admin_user)
    assert organisations_offered(client) == {
        str(organisation_a.pk): "Verein A",
        str(organisation_b.pk): "Verein B",
    }


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
