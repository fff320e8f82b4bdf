"""One outbox for every mail: with the mail server down nothing is lost and no page fails; once it is back
every kind of mail arrives exactly once; a mail that keeps failing is given up and shown to the office,
who can send it again; a partner never sees the outbox; deleting a person's data deletes their mails."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from tests.site.test_public_forms import account_form, event_form
from tests.volunteers.conftest import make_opportunity, signup_data
from wegweiser.events.ical_import import sync_feed
from wegweiser.events.models import CalendarFeed, EventRegistration
from wegweiser.offers.factories import OfferPageFactory
from wegweiser.site.models import AccountRequest, OutgoingMail
from wegweiser.site.outbox import send_pending_mails
from wegweiser.volunteers.models import VolunteerApplication

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


def send(client, form) -> None:
    """Send one of the public forms the way a visitor does (the same forms as in test_public_forms)."""
    assert client.post(form.post_url, form.data).status_code == form.success_status


def register_for_event(client, organisation) -> EventRegistration:
    send(client, event_form(organisation))
    return EventRegistration.objects.get(email="amal@example.org")


def request_account(client) -> AccountRequest:
    send(client, account_form())
    return AccountRequest.objects.get(email="amina@frauencafe.example")


def every_kind_of_mail(client, organisation_a, editor_a, office_user) -> dict[str, str]:
    """Make the portal send each kind of mail once; returns {purpose prefix: recipient}."""
    organisation_a.email = "kontakt@organisation-a.example"
    organisation_a.save_revision().publish()
    opportunity = make_opportunity(organisation_a)
    assert client.post(reverse("volunteers:signup", args=[opportunity.pk]), signup_data()).status_code == 302
    register_for_event(client, organisation_a)
    request_account(client)
    OfferPageFactory(
        parent=organisation_a,
        title="Altes Sprachcafé",
        last_reviewed=timezone.localdate() - datetime.timedelta(days=400),
    )
    call_command("notify_stale_listings", stdout=open("/dev/null", "w"))  # noqa: SIM115
    feed = CalendarFeed.objects.create(
        organisation=organisation_a, name="Vereinskalender", url="http://127.0.0.1:9/kalender.ics"
    )
    sync_feed(feed)
    return {
        "volunteers.confirm_signup": signup_data()["email"],
        "events.registration_confirm": "amal@example.org",
        "accounts.received": "amina@frauencafe.example",
        "accounts.office_notice": office_user.email,
        "core.stale_listings": editor_a.email,
        "events.calendar_import_failed": "kontakt@organisation-a.example",
    }


def test_with_the_mail_server_down_every_mail_waits_and_arrives_once_when_it_is_back(
    client, smtp_server, organisation_a, editor_a, office_user
):
    smtp_server.stop()
    expected = every_kind_of_mail(client, organisation_a, editor_a, office_user)
    waiting = {(mail.purpose, mail.to) for mail in OutgoingMail.objects.all()}
    assert set(expected.items()) <= waiting
    assert all(mail.attempts == 1 and mail.last_error for mail in OutgoingMail.objects.all())
    assert smtp_server.messages == []

    smtp_server.start()
    call_command("send_pending_mails", "--all", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_pending_mails", "--all", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert OutgoingMail.objects.count() == 0
    for purpose, recipient in expected.items():
        assert len(smtp_server.to(recipient)) >= 1, purpose
    delivered = [(message["To"], message["Subject"]) for message in smtp_server.messages]
    assert len(delivered) == len(set(delivered)) == len(waiting), delivered


def test_a_mail_that_keeps_failing_is_given_up_and_the_office_sends_it_again(
    client, smtp_server, settings, organisation_a, office_user, editor_a
):
    settings.WEGWEISER_MAIL_MAX_ATTEMPTS = 3
    smtp_server.stop()
    registration = register_for_event(client, organisation_a)
    for _attempt in range(4):
        OutgoingMail.objects.update(next_attempt_at=timezone.now())
        send_pending_mails()
    mail = OutgoingMail.objects.get(purpose="events.registration_confirm")
    assert mail.attempts == 3 and mail.failed_at is not None
    assert send_pending_mails(force=True) == (0, 0)  # given up: not tried by the sweeping job any more

    client.force_login(editor_a)
    assert client.get(reverse("outbox")).status_code in (302, 403)
    assert client.post(reverse("outbox")).status_code in (302, 403)
    assert OutgoingMail.objects.get(pk=mail.pk).failed_at is not None  # the partner changed nothing

    client.force_login(office_user)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Mails, deren Versand das Portal aufgegeben hat" in dashboard
    page = client.get(reverse("outbox")).content.decode()
    assert "Postausgang" in page and "amal@example.org" in page and "aufgegeben" in page
    smtp_server.start()
    response = client.post(reverse("outbox"), follow=True)
    assert "1 Mail erneut versucht: 1 versendet, 0 warten noch." in response.content.decode()
    [message] = smtp_server.to("amal@example.org")
    assert registration.event.title in message["Subject"]
    assert OutgoingMail.objects.count() == 0


def test_deleting_a_registration_or_a_sign_up_deletes_its_waiting_mails(client, smtp_server, organisation_a):
    smtp_server.stop()
    registration = register_for_event(client, organisation_a)
    opportunity = make_opportunity(organisation_a)
    client.post(reverse("volunteers:signup", args=[opportunity.pk]), signup_data())
    assert OutgoingMail.objects.count() == 2
    registration.delete()
    VolunteerApplication.objects.get().delete()
    assert OutgoingMail.objects.count() == 0


def test_mail_that_wagtail_and_django_send_waits_in_the_outbox_too(client, smtp_server, editor_a):
    """A password reset asked for while the mail server is down is not lost: it waits and arrives later."""
    smtp_server.stop()
    response = client.post(reverse("wagtailadmin_password_reset"), {"email": editor_a.email})
    assert response.status_code == 302
    waiting = OutgoingMail.objects.get()
    assert (waiting.to, waiting.purpose, waiting.attempts) == (editor_a.email, "notification", 1)
    assert smtp_server.messages == []

    smtp_server.start()
    assert send_pending_mails(force=True) == (1, 0)
    (message,) = smtp_server.to(editor_a.email)
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "/admin/password_reset/confirm/" in body
    assert OutgoingMail.objects.count() == 0
