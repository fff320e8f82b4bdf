"""The same address asks for the same alert again: one alert, the page a first request gets, and a mail that
says what happened, to that address only (the page must not tell a stranger whose address has an alert)."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone
from wagtail.models import Site

from tests.search.test_place_alerts import EMAIL, course, later, subscribe, unsubscribe_url
from wegweiser.plugin_api.testing import body_of, link_path
from wegweiser.plugin_api.testing.databases import alone_on_the_database
from wegweiser.search.alerts.criteria import criteria_key
from wegweiser.search.alerts.jobs import send_place_alerts
from wegweiser.search.models import PlaceAlert

remove_twins = importlib.import_module(
    "wegweiser.search.migrations.0020_remove_twin_place_alerts"
).remove_twins
ONCE_PER_ADDRESS = next(c for c in PlaceAlert._meta.constraints if c.name == "search_alert_once_per_address")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("openings_settle_at_once")]


def ask(client, language: str, email: str = EMAIL) -> tuple[str, str]:
    """Send the alert form in ``language``; the address it leads to and the page shown there."""
    sent = subscribe(client, language=language, email=email)
    assert sent.status_code == 302
    page = client.get(sent["Location"])
    assert page.status_code == 200
    return sent["Location"], page.content.decode()


def confirm_with(client, mail) -> None:
    path = link_path(mail, "/bestaetigen/")
    assert client.post(path).status_code == 200


def test_an_address_asking_again_for_its_alert_gets_one_alert_a_russian_mail_and_each_opening_once(
    client, organisation_a, nordstadt, smtp_server
):
    first_page = ask(client, "ru")
    [confirmation] = smtp_server.to(EMAIL)
    confirm_with(client, confirmation)

    again_page = ask(client, "ru", email="Amira@Example.org")

    assert again_page == first_page, "the page does not tell whether the address has an alert"
    alert = PlaceAlert.objects.get()
    assert alert.status == "active"
    [_confirmation, already] = smtp_server.to(EMAIL)
    assert str(already["Subject"]).strip() == "У вас уже есть это уведомление"
    body = body_of(already)
    assert "Вы ещё раз заказали уведомление, которое у вас уже есть." in body
    assert "/bestaetigen/" not in body
    stop_url = unsubscribe_url(already)
    assert "/ru/" in stop_url and stop_url in body

    course(organisation_a, nordstadt)
    send_place_alerts(now=later())
    assert len(smtp_server.to(EMAIL)) == 3, "the course is mailed once"

    client.post(stop_url)
    assert PlaceAlert.objects.get().status == "ended"


def test_a_waiting_alert_asked_for_again_gets_its_link_again_in_ukrainian_and_stays_one(
    client, nordstadt, smtp_server
):
    first_page = ask(client, "uk")
    again_page = ask(client, "uk")

    assert again_page == first_page
    assert PlaceAlert.objects.get().status == "pending"
    [first, second] = smtp_server.to(EMAIL)
    assert (
        str(first["Subject"]).strip()
        == str(second["Subject"]).strip()
        == "Будь ласка, підтвердьте сповіщення"
    )
    assert link_path(second, "/bestaetigen/").startswith("/uk/")
    confirm_with(client, second)
    assert PlaceAlert.objects.get().status == "active"


def test_an_ended_or_run_out_alert_can_be_started_anew(client, nordstadt, smtp_server):
    ask(client, "de")
    confirm_with(client, smtp_server.to(EMAIL)[0])
    client.post(unsubscribe_url(smtp_server.to(EMAIL)[0]))

    ask(client, "de")
    new_request = smtp_server.to(EMAIL)[-1]
    assert "/bestaetigen/" in body_of(new_request)
    confirm_with(client, new_request)
    assert sorted(PlaceAlert.objects.values_list("status", flat=True)) == ["active", "ended"]

    # Run out, and the nightly job has not ended it yet: asking again starts a new one.
    PlaceAlert.objects.filter(status="active").update(expires_at=timezone.now() - datetime.timedelta(hours=1))
    ask(client, "de")
    assert "/bestaetigen/" in body_of(smtp_server.to(EMAIL)[-1])
    assert sorted(PlaceAlert.objects.values_list("status", "end_reason")) == [
        ("ended", "expired"),
        ("ended", "unsubscribed"),
        ("pending", ""),
    ]


def test_migrating_removes_twin_alerts_so_an_opening_is_mailed_once(organisation_a, nordstadt, smtp_server):
    """Before, an address that subscribed twice and confirmed both had two alerts that mailed everything twice.
    Migration 0020's function runs on the table as it was without 0021's index, in the test's transaction, on
    PostgreSQL and on SQLite alike."""
    alone_on_the_database()
    editor = connection.schema_editor()  # for the statements only: the test's transaction runs them
    with connection.cursor() as cursor:  # the table as it was before 0021
        cursor.execute(str(ONCE_PER_ADDRESS.remove_sql(PlaceAlert, editor)))
    criteria = {"text": "", "listing_types": ["offer"], "filters": {}, "near": "", "radius_km": None}
    now = timezone.now()

    def twin(token: str, email: str, **fields) -> PlaceAlert:
        return PlaceAlert.objects.create(
            email=email,
            token=token,
            language="de",
            site=Site.objects.get(is_default_site=True),
            criteria_key=criteria_key(criteria),
            checked_until=now,
            **criteria,
            **fields,
        )

    kept = twin("a", EMAIL, status="active", expires_at=now + datetime.timedelta(days=80))
    twin("b", EMAIL.upper(), status="active", expires_at=now + datetime.timedelta(days=60))
    twin("c", EMAIL, status="pending")
    other = twin("d", "other@example.org", status="pending")

    remove_twins(apps, editor)  # migration 0020
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # the rows' foreign keys checked now, not at the test's end,
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # so that the index can be built
        # 0021's index can be built on what is left
        cursor.execute(str(ONCE_PER_ADDRESS.create_sql(PlaceAlert, editor)))

    assert set(PlaceAlert.objects.values_list("pk", flat=True)) == {kept.pk, other.pk}
    course(organisation_a, nordstadt)
    send_place_alerts(now=later())
    assert len(smtp_server.to(EMAIL)) == 1


def test_an_address_written_with_a_letter_that_folds_differently_in_upper_and_lower_case_is_one_address(
    client, organisation_a, nordstadt, smtp_server
):
    """The letters "İ" (Turkish capital dotted I) and "I" are one letter in lower case and two in upper case: the lookup
    compared in upper case, the constraint in lower case, and the second send was answered with a 500."""
    first = subscribe(client, language="tr", email="nazli@İzmir-mail.example")
    second = subscribe(client, language="tr", email="nazli@Izmir-mail.example")

    assert (first.status_code, second.status_code) == (302, 302), "both get the page that asks to check mail"
    for address in ("nazli@İzmir-mail.example", "nazli@Izmir-mail.example"):
        assert PlaceAlert.objects.for_email(address).exists()
