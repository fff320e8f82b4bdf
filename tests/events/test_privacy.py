"""Event registrations on the core's "copy or delete my data" page: the copy lists them, the deletion removes
them and gives a held place to the waiting list. They were missing: a deletion request kept them."""

from __future__ import annotations

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.events.conftest import make_event
from wegweiser.events.models import EventRegistration
from wegweiser.events.recurrence import BERLIN
from wegweiser.plugin_api.testing import body_of, link_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(organisation_a):
    start = datetime.datetime.combine(
        timezone.localdate() + datetime.timedelta(days=5), datetime.time(10), BERLIN
    )
    return make_event(
        organisation_a,
        title="Elterncafé",
        slug="elterncafe",
        start=start,
        registration_mode="internal",
        capacity=1,
    )


def register(event, email, status, name="Layla"):
    return EventRegistration.objects.create(
        event=event,
        occurrence_start=event.start,
        name=name,
        email=email,
        status=status,
        confirmed_at=timezone.now(),
        consent_text="Ich bin einverstanden.",
        consent_version="2026-11-1",
    )


def ask(client, smtp_server, email: str, action: str):
    """Send the request form and follow the link in the mail, as the person does."""
    response = client.post(
        reverse("data_requests:request"), {"email": email, "action": action, "homepage": ""}
    )
    assert response.status_code == 302
    client.post(link_path(smtp_server.to(email)[-1], "/meine-daten/"))


def test_the_copy_lists_the_event_registrations_of_that_address(client, course, smtp_server):
    register(course, "layla@example.org", EventRegistration.Status.CONFIRMED)
    register(course, "someone@example.org", EventRegistration.Status.WAITING, name="Jemand")
    ask(client, smtp_server, "Layla@Example.org", "export")
    [attachment] = list(smtp_server.to("Layla@Example.org")[-1].iter_attachments())
    data = json.loads(attachment.get_content().decode("utf-8"))
    [registration] = data["event_registrations"]
    assert (registration["event"], registration["name"], registration["status"]) == (
        "Elterncafé",
        "Layla",
        "confirmed",
    )
    assert registration["consent_text"] == "Ich bin einverstanden."
    assert b"Jemand" not in attachment.get_content()
    # The date as she knows it, in the town's time with its offset: in UTC a 10:00 date read "09:00+00:00".
    assert registration["date"] == timezone.localtime(course.start).isoformat(timespec="seconds")
    assert "T10:00:00+0" in registration["date"] and data["exported"][-6:] in ("+01:00", "+02:00")


def test_deleting_frees_the_place_for_the_waiting_list_who_is_told(client, course, smtp_server):
    register(course, "layla@example.org", EventRegistration.Status.CONFIRMED)
    waiting = register(course, "omid@example.org", EventRegistration.Status.WAITING, name="Omid")
    ask(client, smtp_server, "layla@example.org", "delete")
    assert list(EventRegistration.objects.all()) == [waiting]
    waiting.refresh_from_db()
    assert waiting.status == EventRegistration.Status.CONFIRMED
    (moved_up,) = smtp_server.to("omid@example.org")
    assert "Elterncafé" in body_of(moved_up)


def test_the_copy_shows_the_person_s_name_in_their_own_letters(client, course, smtp_server):
    """The JSON copy wrote every letter outside ASCII as an escape: a Russian visitor opening the file read
    "\\u041e\\u043b\\u044c\\u0433\\u0430" for "Ольга" (and "Elterncaf\\u00e9")."""
    register(course, "olga@example.org", EventRegistration.Status.CONFIRMED, name="Ольга Петрова")
    ask(client, smtp_server, "olga@example.org", "export")
    [attachment] = list(smtp_server.to("olga@example.org")[-1].iter_attachments())
    content = attachment.get_content()
    assert "Ольга Петрова".encode() in content and "Elterncafé".encode() in content
    assert b"\\u" not in content
    assert json.loads(content.decode("utf-8"))["event_registrations"][0]["name"] == "Ольга Петрова"
