"""A partner changes a registration in the admin only as the event's own rules allow, and the person hears of it."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from tests.events.conftest import berlin, make_event
from wegweiser.events.models import EventRegistration
from wegweiser.plugin_api.testing import body_of

pytestmark = pytest.mark.django_db

Status = EventRegistration.Status


@pytest.fixture
def full_event(organisation_a):
    event = make_event(
        organisation_a,
        title="Elterncafé",
        start=berlin(2027, 3, 3, 19),
        registration_mode="internal",
        capacity=1,
        waiting_list=True,
    )
    register = {"event": event, "occurrence_start": event.start, "confirmed_at": timezone.now()}
    placed = EventRegistration.objects.create(
        name="Olena Koval", email="olena@example.org", status=Status.CONFIRMED, **register
    )
    waiting = EventRegistration.objects.create(
        name="Leyla Yilmaz", email="leyla@example.org", status=Status.WAITING, **register
    )
    return placed, waiting


def _offered(html: str) -> set[str]:
    select = re.search(r'<select name="status".*?</select>', html, re.S).group(0)
    return set(re.findall(r'<option value="([^"]+)"', select))


def test_withdrawing_a_registrant_gives_the_place_to_the_waiting_list_and_tells_them(
    client, editor_a, full_event, smtp_server
):
    """Setting "withdrawn" in the form had left the place empty and the waiting list waiting, with no mail."""
    placed, waiting = full_event
    client.force_login(editor_a)
    html = client.get(f"/admin/event_registrations/edit/{placed.pk}/").content.decode()
    assert _offered(html) == {Status.CONFIRMED, Status.WITHDRAWN}
    assert "Olena Koval" in html and "olena@example.org" in html  # shown, not for editing

    response = client.post(f"/admin/event_registrations/edit/{placed.pk}/", {"status": Status.WITHDRAWN})
    assert response.status_code == 302
    placed.refresh_from_db()
    waiting.refresh_from_db()
    assert (placed.status, waiting.status) == (Status.WITHDRAWN, Status.CONFIRMED)
    [mail] = smtp_server.to("leyla@example.org")
    assert "ein Platz ist frei geworden. Sie sind jetzt angemeldet zu" in body_of(mail)
    assert "Elterncafé" in body_of(mail)
    # the person withdrawn hears of it too, and gets no link to cancel what is already cancelled
    [told] = smtp_server.to("olena@example.org")
    assert told["Subject"].strip() == "Ihre Anmeldung wurde storniert: \u2068Elterncafé\u2069"
    assert "der Veranstalter hat Ihre Anmeldung storniert für\r\nElterncafé\r\n" in body_of(told)
    assert "/anmeldung/" not in body_of(told) and "List-Unsubscribe" not in told


def test_deleting_a_registration_gives_its_place_to_the_waiting_list(
    client, editor_a, full_event, smtp_server
):
    """Deleting a confirmed registration had freed its place without moving anyone up."""
    placed, waiting = full_event
    client.force_login(editor_a)
    response = client.post(f"/admin/event_registrations/delete/{placed.pk}/")
    assert response.status_code == 302
    assert not EventRegistration.objects.filter(pk=placed.pk).exists()
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    [mail] = smtp_server.to("leyla@example.org")
    assert "ein Platz ist frei geworden" in body_of(mail)
    assert not smtp_server.to("olena@example.org")


def test_taking_someone_from_the_waiting_list_tells_them_and_nothing_else_is_offered(
    client, editor_a, full_event, smtp_server
):
    placed, waiting = full_event
    client.force_login(editor_a)
    html = client.get(f"/admin/event_registrations/edit/{waiting.pk}/").content.decode()
    assert _offered(html) == {Status.WAITING, Status.CONFIRMED, Status.WITHDRAWN}
    # a status the form does not offer changes nothing
    response = client.post(f"/admin/event_registrations/edit/{waiting.pk}/", {"status": Status.PENDING})
    assert response.status_code == 200
    waiting.refresh_from_db()
    assert waiting.status == Status.WAITING and not smtp_server.messages

    client.post(f"/admin/event_registrations/edit/{waiting.pk}/", {"status": Status.CONFIRMED})
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    [mail] = smtp_server.to("leyla@example.org")
    assert "ein Platz ist frei geworden" in body_of(mail)


def test_a_partner_filters_its_registrations_by_event_and_the_filter_names_no_other_organisation_s(
    client, editor_a, organisation_a, organisation_b
):
    """A course provider with several events looks at one: its registrations from every language version,
    and the filter lists only its own events, each once by its German title."""
    from tests.events.test_registration_protection import translate

    cafe = make_event(
        organisation_a, title="Elterncafé", start=berlin(2027, 3, 3, 16), registration_mode="internal"
    )
    arabic_cafe = translate(cafe, "ar", "مقهى الأهل")
    evening = make_event(
        organisation_a, title="Kochabend", start=berlin(2027, 3, 4, 18), registration_mode="internal"
    )
    foreign = make_event(organisation_b, title="Geheimes Treffen B", start=berlin(2027, 3, 5, 18))
    for event, name in (
        (cafe, "Olena Koval"),
        (arabic_cafe, "Amal Haddad"),
        (evening, "Jonas Weber"),
        (foreign, "Fremde Person"),
    ):
        EventRegistration.objects.create(
            event=event, occurrence_start=event.start, name=name, email="x@example.org"
        )
    before = list(EventRegistration.objects.order_by("pk").values_list("pk", "status"))
    client.force_login(editor_a)

    listed = client.get("/admin/event_registrations/", {"event": cafe.pk}).content.decode()
    assert "Olena Koval" in listed and "Amal Haddad" in listed, "both language versions' registrations"
    assert "Jonas Weber" not in listed
    options = dict(re.findall(r'<option value="(\d+)"[^>]*>([^<]+)</option>', listed))
    assert options == {str(cafe.pk): "Elterncafé", str(evening.pk): "Kochabend"}

    tried = client.get("/admin/event_registrations/", {"event": foreign.pk})
    assert tried.status_code == 200
    assert (
        "Fremde Person" not in tried.content.decode() and "Geheimes Treffen B" not in tried.content.decode()
    )
    assert list(EventRegistration.objects.order_by("pk").values_list("pk", "status")) == before


def test_a_registration_on_a_translation_is_listed_and_exported_by_the_partner_s_german_title(
    client, editor_a, organisation_a
):
    """The list named a registration made on the Arabic page by the Arabic title, while the filter above it
    named the event by its German one: the partner could not tell which of its events it was."""
    from tests.events.test_registration_export import csv_rows
    from tests.events.test_registration_protection import translate

    cafe = make_event(
        organisation_a, title="Elterncafé", start=berlin(2027, 3, 3, 16), registration_mode="internal"
    )
    arabic_cafe = translate(cafe, "ar", "مقهى الأهل")
    EventRegistration.objects.create(
        event=arabic_cafe,
        occurrence_start=cafe.start,
        name="Amal Haddad",
        email="amal@example.org",
        status=Status.CONFIRMED,
    )
    client.force_login(editor_a)

    listed = client.get("/admin/event_registrations/").content.decode()
    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*Amal Haddad.*?</tr>", listed, re.S).group(0)
    assert "Elterncafé" in row and "مقهى الأهل" not in row
    ordered = client.get("/admin/event_registrations/", {"ordering": "event_title"})
    assert ordered.status_code == 200 and "Amal Haddad" in ordered.content.decode()

    [_header, exported] = csv_rows(client)
    assert exported[:3] == ["Amal Haddad", "amal@example.org", "Elterncafé"]
