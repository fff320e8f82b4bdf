"""A date that no longer takes place, or that moved, reaches the people registered for it by mail, once,
in their language, when the organiser publishes the change; a moved date keeps its registrations."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation

from tests.events.conftest import soon, weekly_elterncafe
from wegweiser.events.models import EventException, EventPage, EventRegistration
from wegweiser.events.recurrence import BERLIN
from wegweiser.events.templatetags.event_tags import when_text
from wegweiser.plugin_api.testing import body_of

pytestmark = pytest.mark.django_db

Status = EventRegistration.Status


@pytest.fixture
def weekly(organisation_a):
    """A weekly parents' café with registration; four people registered for its next two dates."""
    start = soon(3)
    event = weekly_elterncafe(
        organisation_a, start, registration_mode="internal", capacity=1, waiting_list=True
    )
    first, second = (occurrence.original_start for occurrence in event.upcoming_occurrences(limit=2))
    now = timezone.now()

    def register(name, email, when, status, language="de", confirmed=True):
        return EventRegistration.objects.create(
            event=event,
            occurrence_start=when,
            name=name,
            email=email,
            status=status,
            language=language,
            confirmed_at=now if confirmed else None,
            hold_until=None if confirmed else now + datetime.timedelta(hours=1),
        )

    people = {
        "lina": register("Lina Haddad", "lina@example.org", first, Status.CONFIRMED, language="ar"),
        "olena": register("Olena Koval", "olena@example.org", first, Status.WAITING),
        "unconfirmed": register("Ali", "ali@example.org", first, Status.PENDING, confirmed=False),
        "leyla": register("Leyla Yilmaz", "leyla@example.org", second, Status.CONFIRMED),
    }
    return event, first, second, people


def publish(event: EventPage, **changes) -> None:
    page = EventPage.objects.get(pk=event.pk)
    exceptions = changes.pop("exceptions", None)
    for field, value in changes.items():
        setattr(page, field, value)
    if exceptions is not None:
        page.exceptions = [EventException(**exception) for exception in exceptions]
    page.save_revision().publish()


def moved_date(original: datetime.datetime, new_start: datetime.datetime, note: str = "") -> dict:
    """The change of one date that moves it from ``original`` to ``new_start``."""
    return {
        "occurrence_date": original.astimezone(BERLIN).date(),
        "action": "move",
        "new_start": new_start,
        "note": note,
    }


def statuses(people) -> dict[str, str]:
    return {key: EventRegistration.objects.get(pk=person.pk).status for key, person in people.items()}


def test_a_cancelled_date_is_told_to_its_registrants_once_in_their_language(weekly, smtp_server):
    event, first, second, people = weekly
    cancel_first = {
        "occurrence_date": first.astimezone(BERLIN).date(),
        "action": "cancel",
        "note": "Raum gesperrt",
    }
    publish(event, exceptions=[cancel_first])

    assert statuses(people) == {
        "lina": Status.WITHDRAWN,
        "olena": Status.WITHDRAWN,
        "unconfirmed": Status.WITHDRAWN,
        "leyla": Status.CONFIRMED,  # her date still takes place, and nobody moved up into the first
    }
    [arabic] = smtp_server.to("lina@example.org")
    assert arabic["Subject"].strip() == "أُلغي الموعد: \u2068Elterncafé\u2069"
    assert "للأسف، لن يُعقد هذا الموعد:\r\nElterncafé\r\n" in body_of(arabic)
    assert "Raum gesperrt" in body_of(arabic)
    # the next date still takes registrations: the mail says where
    assert (
        "يمكنكم التسجيل في موعد آخر على صفحة الفعالية:\r\nhttp://testserver/ar/partner/verein-a/elterncafe/\r\n"
        in body_of(arabic)
    )
    [german] = smtp_server.to("olena@example.org")
    assert "leider findet dieser Termin nicht statt:" in body_of(german)
    assert "Ihre Anmeldung für diesen Termin ist damit beendet." in body_of(german)
    assert "/anmeldung/" not in body_of(german) and "List-Unsubscribe" not in german
    assert not smtp_server.to("ali@example.org")  # an address never confirmed gets no mail
    assert not smtp_server.to("leyla@example.org")

    # publishing again (any other edit) tells nobody twice
    publish(event, exceptions=[cancel_first], summary="Mit Kinderbetreuung.")
    assert len(smtp_server.messages) == 2


def test_a_moved_date_is_told_once_and_keeps_its_registrations(weekly, smtp_server):
    """A date moved to the next day: the people registered for it had heard nothing and came on the old day."""
    event, first, second, people = weekly
    moved = moved_date(first, first + datetime.timedelta(days=1, hours=1), note="Im Gemeindesaal")
    publish(event, exceptions=[moved])
    assert statuses(people) == {
        "lina": Status.CONFIRMED,
        "olena": Status.WAITING,
        "unconfirmed": Status.PENDING,
        "leyla": Status.CONFIRMED,
    }
    with translation.override("de"):
        new_time = when_text(first + datetime.timedelta(days=1, hours=1), False)
        old_time = when_text(first, False)
    [german] = smtp_server.to("olena@example.org")
    assert german["Subject"].strip() == "Neuer Termin: \u2068Elterncafé\u2069"
    body = body_of(german)
    assert (
        f"wurde verlegt. Er findet jetzt statt:\r\nElterncafé\r\n{new_time}\r\nstatt {old_time}\r\n" in body
    )
    assert "Im Gemeindesaal" in body and "Ihre Anmeldung gilt für den neuen Termin weiter." in body
    assert "/anmeldung/" in body  # still registered: the link to cancel is there
    [arabic] = smtp_server.to("lina@example.org")
    assert arabic["Subject"].strip() == "موعد جديد: \u2068Elterncafé\u2069"
    assert not smtp_server.to("ali@example.org") and not smtp_server.to("leyla@example.org")

    publish(event, exceptions=[moved], summary="Mit Kinderbetreuung.")  # told once
    assert len(smtp_server.messages) == 2


def test_a_booked_date_moved_with_its_own_end_reaches_the_calendar_with_that_end(weekly, client, smtp_server):
    """The booked date's calendar file took a moved date's end as its start plus the first date's length: a
    two-hour café moved to the next day for three hours ended in the phone's calendar an hour early."""
    event, first, second, people = weekly
    new_start = second + datetime.timedelta(days=1)
    new_end = new_start + datetime.timedelta(hours=3)
    publish(event, exceptions=[{**moved_date(second, new_start, note="Sommerfest"), "new_end": new_end}])

    ics = client.get(f"/de/kalender/anmeldung/{people['leyla'].token}/termin.ics").content.decode()
    assert ics.count("BEGIN:VEVENT") == 1
    assert f"DTSTART;TZID=Europe/Berlin:{new_start.astimezone(BERLIN):%Y%m%dT%H%M%S}" in ics
    assert f"DTEND;TZID=Europe/Berlin:{new_end.astimezone(BERLIN):%Y%m%dT%H%M%S}" in ics


def test_a_cancelled_event_tells_everyone_the_time_they_know(weekly, smtp_server):
    event, first, second, people = weekly
    moved = moved_date(first, first + datetime.timedelta(days=1))
    publish(event, exceptions=[moved])
    publish(
        event, exceptions=[moved], status=EventPage.Status.CANCELLED, status_note="Die Leiterin ist krank."
    )
    assert set(statuses(people).values()) == {Status.WITHDRAWN}
    [leyla] = smtp_server.to("leyla@example.org")
    assert "Die Leiterin ist krank." in body_of(leyla)
    assert "auf der Seite der Veranstaltung anmelden" not in body_of(leyla)  # no other date to offer
    with translation.override("de"):
        moved_time = when_text(first + datetime.timedelta(days=1), False)
    [moved_mail, cancelled] = smtp_server.to("olena@example.org")
    assert f"nicht statt:\r\nElterncafé\r\n{moved_time}\r\n" in body_of(cancelled)
    assert len(smtp_server.messages) == 2 + 3


def test_registering_for_a_date_already_moved_brings_no_mail_about_the_move(organisation_a, smtp_server):
    start = soon(3)
    event = weekly_elterncafe(
        organisation_a,
        start,
        registration_mode="internal",
        exceptions=[
            {
                "occurrence_date": start.date(),
                "action": "move",
                "new_start": start + datetime.timedelta(hours=2),
            }
        ],
    )
    occurrence = event.upcoming_occurrences(limit=1)[0]
    registration, _created = EventRegistration.register(event, occurrence, "Lina", "lina@example.org")
    registration.confirm()
    publish(event, summary="Neu.")
    assert not smtp_server.messages
    assert EventRegistration.objects.get(pk=registration.pk).starts == start + datetime.timedelta(hours=2)


def test_a_date_dropped_from_the_series_is_told_like_a_cancelled_one(weekly, smtp_server):
    event, first, second, people = weekly
    publish(event, recurrence_count=1)  # only the first date is left
    assert statuses(people)["leyla"] == Status.WITHDRAWN
    assert statuses(people)["lina"] == Status.CONFIRMED
    [leyla] = smtp_server.to("leyla@example.org")
    assert leyla["Subject"].strip() == "Abgesagt: \u2068Elterncafé\u2069"
