"""Partner isolation in the admin, tried as an attacker would."""

from __future__ import annotations

import pytest

from tests.events.conftest import berlin, make_event
from wegweiser.events.models import EventRegistration


@pytest.fixture
def registration_of_b(organisation_b):
    event = make_event(organisation_b, title="Elterncafé B")
    return EventRegistration.objects.create(
        event=event,
        occurrence_start=event.start,
        name="Leyla Yilmaz",
        email="leyla@example.org",
        status=EventRegistration.Status.CONFIRMED,
    )


def test_partner_cannot_open_change_or_move_another_organisations_event_registration(
    client, editor_a, organisation_a, registration_of_b
):
    event_of_a = make_event(organisation_a, title="Sprachcafé A")
    client.force_login(editor_a)
    pk = registration_of_b.pk

    for url in (
        f"/admin/event_registrations/edit/{pk}/",
        f"/admin/event_registrations/history/{pk}/",
        f"/admin/event_registrations/usage/{pk}/",
        f"/admin/event_registrations/delete/{pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Leyla" not in response.content.decode()

    response = client.post(
        f"/admin/event_registrations/edit/{pk}/",
        {
            "event": event_of_a.pk,
            "occurrence_start": "2026-03-03 19:00",
            "name": "Leyla Yilmaz",
            "email": "attacker@example.org",
            "status": EventRegistration.Status.WITHDRAWN,
        },
    )
    assert response.status_code == 404
    client.post(f"/admin/event_registrations/delete/{pk}/")

    registration = EventRegistration.objects.get(pk=pk)
    assert registration.event_id == registration_of_b.event_id
    assert registration.email == "leyla@example.org"
    assert registration.status == EventRegistration.Status.CONFIRMED
    assert "Leyla" not in client.get("/admin/event_registrations/").content.decode()


def test_partner_cannot_move_own_registrant_to_another_organisations_event(
    client, editor_a, organisation_a, registration_of_b
):
    event_of_a = make_event(organisation_a, title="Sprachcafé A")
    own = EventRegistration.objects.create(
        event=event_of_a,
        occurrence_start=event_of_a.start,
        name="Olena Koval",
        email="olena@example.org",
        status=EventRegistration.Status.CONFIRMED,
    )
    client.force_login(editor_a)
    form = client.get(f"/admin/event_registrations/edit/{own.pk}/").content.decode()
    assert "Sprachcafé A" in form
    assert "Elterncafé B" not in form

    response = client.post(
        f"/admin/event_registrations/edit/{own.pk}/",
        {
            "event": registration_of_b.event_id,
            "occurrence_start": "2026-03-03 19:00",
            "name": "Olena Koval",
            "email": "olena@example.org",
            "status": EventRegistration.Status.CONFIRMED,
        },
    )
    assert response.status_code == 200  # the form again, with an error on the event
    own.refresh_from_db()
    assert own.event_id == event_of_a.pk
    assert own.occurrence_start == berlin(2026, 3, 3, 19)
