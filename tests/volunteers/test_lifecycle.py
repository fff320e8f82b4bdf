"""The volunteer's story from sign-up to withdrawal, with mails delivered through a real SMTP server."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from tests.volunteers.conftest import signup_data
from wegweiser.plugin_api.testing import body_of, link_path
from wegweiser.site.models import OutgoingMail, PortalSettings
from wegweiser.site.outbox import send_pending_mails
from wegweiser.volunteers.consent import CONSENT_VERSION
from wegweiser.volunteers.models import VolunteerApplication

pytestmark = pytest.mark.django_db


def sign_up(client, opportunity, **overrides):
    return client.post(reverse("volunteers:signup", args=[opportunity.pk]), signup_data(**overrides))


def test_whole_life_cycle_from_sign_up_to_withdrawal(client, opportunity, smtp_server, editor_a, languages):
    page = client.get(opportunity.url)
    assert page.status_code == 200
    assert "2 Plätze sind noch frei" in page.content.decode()

    response = sign_up(client, opportunity, languages_spoken=[languages["ar"].pk])
    assert response.status_code == 302
    application = VolunteerApplication.objects.get()
    assert application.status == "new"
    assert application.consent_version == CONSENT_VERSION
    assert "Verein A" in application.consent_text
    assert list(application.languages_spoken.all()) == [languages["ar"]]

    # 1. The volunteer gets a confirmation mail; the organisation hears nothing yet.
    [confirmation] = smtp_server.to("erika@example.org")
    assert "Sprachpatenschaft" in confirmation["Subject"]
    assert smtp_server.to("kontakt@verein.example") == []
    assert confirmation["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # 2. Confirming (one button on the linked page) sends the sign-up to the organisation.
    confirm_path = link_path(confirmation, "/ehrenamt/bestaetigen/")
    assert client.get(confirm_path).status_code == 200
    assert VolunteerApplication.objects.get().status == "new"
    client.post(confirm_path)
    application.refresh_from_db()
    assert application.status == "confirmed"
    assert application.confirmed_at is not None
    [notice] = smtp_server.to("kontakt@verein.example")
    assert "Erika" not in body_of(notice) and "erika@example.org" not in body_of(notice)
    assert f"/admin/volunteers/{application.pk}/" in body_of(notice)

    # 3. The organisation's editor accepts with a message; the volunteer is told.
    client.force_login(editor_a)
    inbox = client.get(reverse("volunteers_inbox:index"))
    assert "Erika Mustermann" in inbox.content.decode()
    response = client.post(
        reverse("volunteers_inbox:detail", args=[application.pk]),
        {"status": "accepted", "message": "Wir freuen uns! Treffpunkt Dienstag 15 Uhr."},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "accepted"
    assert application.answered_at is not None
    status_mail = smtp_server.to("erika@example.org")[-1]
    assert "Treffpunkt Dienstag 15 Uhr" in body_of(status_mail)
    assert opportunity.places_free == 1
    client.logout()

    # 4. The volunteer withdraws with the link from the last mail.
    withdraw_path = link_path(status_mail, "/ehrenamt/abmelden/")
    assert client.get(withdraw_path).status_code == 200
    client.post(withdraw_path)
    application.refresh_from_db()
    assert application.status == "withdrawn"
    assert application.closed_at is not None
    assert len(smtp_server.to("kontakt@verein.example")) == 2
    assert OutgoingMail.objects.count() == 0


def test_every_mail_to_the_volunteer_carries_a_working_withdraw_link(client, opportunity, smtp_server):
    sign_up(client, opportunity)
    [confirmation] = smtp_server.to("erika@example.org")
    withdraw_path = link_path(confirmation, "/ehrenamt/abmelden/")
    client.post(withdraw_path)
    assert VolunteerApplication.objects.get().status == "withdrawn"
    # An unconfirmed sign-up never reached the organisation, so it is not bothered with the withdrawal.
    assert smtp_server.to("kontakt@verein.example") == []


def signed_up_and_decided(client, opportunity, smtp_server, editor, status: str) -> None:
    """A confirmed sign-up that the organisation's editor accepts or declines in the inbox."""
    sign_up(client, opportunity)
    client.post(link_path(smtp_server.to("erika@example.org")[0], "/ehrenamt/bestaetigen/"))
    client.force_login(editor)
    application = VolunteerApplication.objects.get()
    client.post(reverse("volunteers_inbox:detail", args=[application.pk]), {"status": status, "message": ""})


def test_a_declined_sign_up_s_mail_offers_no_withdrawal(client, opportunity, smtp_server, editor_a):
    """ "Withdraw your sign-up with one click" under "cannot accept your sign-up" confused the person."""
    signed_up_and_decided(client, opportunity, smtp_server, editor_a, "declined")
    declined = smtp_server.to("erika@example.org")[-1]
    assert "kann Ihre Anmeldung" in body_of(declined)
    assert "/ehrenamt/abmelden/" not in body_of(declined) and "List-Unsubscribe" not in declined


def test_the_volunteer_s_mails_are_signed_by_the_office(client, opportunity, smtp_server):
    office = PortalSettings.for_site(opportunity.get_site())
    office.office_name, office.office_email = "Integrationsbüro Teststadt", "integration@teststadt.example"
    office.save()
    sign_up(client, opportunity)
    body = body_of(smtp_server.to("erika@example.org")[0]).replace("\r\n", "\n")
    assert "/ehrenamt/abmelden/" in body
    assert body.rstrip().endswith("\nIntegrationsbüro Teststadt\nintegration@teststadt.example")


def test_the_accepted_mail_says_how_to_reach_the_organisation(client, opportunity, smtp_server, editor_a):
    """ "Accepted", and then? The mail named no way to get in touch unless the editor wrote one."""
    signed_up_and_decided(client, opportunity, smtp_server, editor_a, "accepted")

    accepted = body_of(smtp_server.to("erika@example.org")[-1]).replace("\r\n", "\n")
    assert "angenommen" in accepted
    assert "\nOrganisation: \u2068Verein A\u2069\nKontakt: \u2066kontakt@verein.example\u2069\n" in accepted


def test_one_click_withdrawal_from_the_mail_program_needs_no_cookie(opportunity, smtp_server):
    from django.test import Client

    Client().post(reverse("volunteers:signup", args=[opportunity.pk]), signup_data())
    withdraw_path = link_path(smtp_server.messages[0], "/ehrenamt/abmelden/")
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(withdraw_path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert VolunteerApplication.objects.get().status == "withdrawn"


def test_the_links_pages_name_the_opportunity_in_the_visitors_language_where_it_is_translated(
    client, opportunity, smtp_server
):
    with translation.override("ar"):
        sent = sign_up(client, opportunity)
    # "Check your mailbox", with the way back to the opportunity in Arabic.
    assert sent["Location"] == f"/ar/ehrenamt/anmelden/{opportunity.pk}/danke/"
    mailbox = client.get(sent["Location"]).content.decode()
    arabic_url = opportunity.url.replace("/de/", "/ar/", 1)
    assert f'<a href="{arabic_url}">العودة إلى فرصة التطوع</a>' in mailbox
    [confirmation] = smtp_server.to("erika@example.org")
    confirm_path = link_path(confirmation, "/ehrenamt/bestaetigen/")
    assert confirm_path.startswith("/ar/")

    # Not translated: the German title, marked as German, left to right, beside the Arabic question.
    html = client.get(confirm_path).content.decode()
    assert f'<a href="{arabic_url}" lang="de" dir="ltr">{opportunity.title}</a>' in html
    assert "يرجى تأكيد أنكم تريدون التسجيل في فرصة التطوع هذه." in html

    arabic = opportunity.copy_for_translation(
        Locale.objects.get_or_create(language_code="ar")[0], copy_parents=True
    )
    arabic.title = "مرافقة لغوية"
    arabic.save_revision()
    assert arabic.title not in client.get(confirm_path).content.decode(), "a draft translation is not shown"
    arabic.get_latest_revision().publish()
    html = client.get(confirm_path).content.decode()
    assert f'<a href="{arabic.url}">مرافقة لغوية</a>' in html
    assert VolunteerApplication.objects.get().status == "new", "opening the link changes nothing"
    # Confirmed: the opportunity still linked (the page was a dead end), the organisation's name isolated
    # ("Caritasverband Neustadt e.V." closing an Arabic sentence read "..Neustadt e.V").
    confirmed = client.post(confirm_path).content.decode()
    assert f'<a href="{arabic.url}">مرافقة لغوية</a>' in confirmed
    assert "\u2068Verein A\u2069" in confirmed

    # The mails name it so too: the next sign-up's confirmation request.
    with translation.override("ar"):
        sign_up(client, opportunity, email="amal@example.org")
    [mail] = smtp_server.to("amal@example.org")
    assert "مرافقة لغوية" in str(mail["Subject"]) and "مرافقة لغوية" in body_of(mail)


def test_a_cut_off_confirmation_link_confirms_nothing_and_an_expired_one_asks_to_sign_up_again(
    client, opportunity, smtp_server, settings
):
    """A confirmation link cut off by the mail program said "The link has expired or was already used. Please
    sign up again": the volunteer signed up once more, for a link that only had to be opened whole."""
    sign_up(client, opportunity)
    [confirmation] = smtp_server.to("erika@example.org")
    confirm_path = link_path(confirmation, "/ehrenamt/bestaetigen/")
    cut = confirm_path.rstrip("/")[:-10] + "/"
    stored = list(VolunteerApplication.objects.values())

    for answer in (client.get(cut), client.post(cut)):
        text = answer.content.decode()
        assert answer.status_code == 404
        assert "Dieser Link ist unvollständig" in text and "Ihre Anmeldung wurde nicht bestätigt." in text
        assert "abgelaufen" not in text
    arabic = client.post(cut.replace("/de/", "/ar/", 1)).content.decode()
    assert "هذا الرابط غير مكتمل" in arabic and "لم يتم تأكيد تسجيلكم." in arabic
    assert list(VolunteerApplication.objects.values()) == stored, "nothing confirmed"
    assert smtp_server.to("kontakt@verein.example") == []

    settings.WEGWEISER_VOLUNTEER_CONFIRMATION_DAYS = -1
    for answer in (client.get(confirm_path), client.post(confirm_path)):
        assert answer.status_code == 404
        assert "Der Link ist abgelaufen" in answer.content.decode()
    assert list(VolunteerApplication.objects.values()) == stored


def test_full_opportunity_shows_waiting_list_and_marks_new_sign_ups(client, opportunity, smtp_server):
    from wegweiser.volunteers.models import VolunteerApplication as Application

    for number in range(2):
        Application.objects.create(
            opportunity=opportunity,
            name=f"P{number}",
            email=f"p{number}@example.org",
            consent_text="x",
            consent_version="1",
            status="accepted",
        )
    page = client.get(opportunity.url).content.decode()
    assert "Warteliste" in page
    sign_up(client, opportunity)
    application = Application.objects.get(email="erika@example.org")
    assert application.waiting_list is True
    assert "Warteliste" in body_of(smtp_server.to("erika@example.org")[0])


def test_mail_server_down_during_sign_up_loses_nothing(client, opportunity, smtp_server):
    smtp_server.stop()
    response = sign_up(client, opportunity)
    assert response.status_code == 302
    assert VolunteerApplication.objects.count() == 1
    waiting = OutgoingMail.objects.get()
    assert waiting.attempts == 1
    assert waiting.last_error  # kind of error only
    assert "erika" not in waiting.last_error

    smtp_server.start()
    sent, still_waiting = send_pending_mails(force=True)
    assert (sent, still_waiting) == (1, 0)
    [confirmation] = smtp_server.to("erika@example.org")
    client.post(link_path(confirmation, "/ehrenamt/bestaetigen/"))
    assert VolunteerApplication.objects.get().status == "confirmed"


def test_queued_mail_waits_for_its_next_attempt_and_the_command_sends_it(client, opportunity, smtp_server):
    from django.core.management import call_command
    from django.utils import timezone

    smtp_server.stop()
    sign_up(client, opportunity)
    smtp_server.start()
    assert send_pending_mails() == (0, 1)  # not yet due: retries back off
    OutgoingMail.objects.update(next_attempt_at=timezone.now())
    call_command("send_pending_mails")
    assert len(smtp_server.to("erika@example.org")) == 1
    assert OutgoingMail.objects.count() == 0


def test_mails_go_out_in_the_language_of_the_sign_up(client, opportunity, smtp_server, english):
    client.post(reverse("volunteers:signup", args=[opportunity.pk]).replace("/de/", "/en/"), signup_data())
    [confirmation] = smtp_server.to("erika@example.org")
    assert "Please confirm" in confirmation["Subject"]
    assert "/en/ehrenamt/bestaetigen/" in body_of(confirmation)


def test_task_worker_retries_the_mail_until_the_server_is_back(
    client, opportunity, smtp_server, settings, monkeypatch
):
    from django.core.management import call_command
    from django.utils import timezone
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # The worker closes stale connections between tasks; here the connection holds the test's transaction.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    smtp_server.stop()
    assert sign_up(client, opportunity).status_code == 302
    assert DBTaskResult.objects.count() == 1

    call_command("db_worker", "--batch", "--no-startup-delay")
    mail = OutgoingMail.objects.get()
    assert mail.attempts == 1
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after is not None and retry.run_after > timezone.now()

    smtp_server.start()
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    OutgoingMail.objects.update(next_attempt_at=timezone.now())
    call_command("db_worker", "--batch", "--no-startup-delay")
    assert len(smtp_server.to("erika@example.org")) == 1
    assert OutgoingMail.objects.count() == 0


def test_the_arabic_mail_keeps_the_organisations_name_whole(client, opportunity, smtp_server):
    """ "(Caritasverband Neustadt e.V.)." in an Arabic mail read ".(Caritasverband Neustadt e.V)", and a title
    ending in "(Vormittag)" lost its bracket to the front of the subject: the German names are isolated."""
    client.post(reverse("volunteers:signup", args=[opportunity.pk]).replace("/de/", "/ar/"), signup_data())
    (mail,) = smtp_server.to("erika@example.org")
    assert f"«\u2068{opportunity.title}\u2069» (\u2068Verein A\u2069)." in body_of(mail).replace("\r\n", "\n")
    assert mail["Subject"].strip().endswith(f": \u2068{opportunity.title}\u2069")


def test_a_cut_off_withdraw_link_withdraws_nothing_and_a_confirm_link_after_withdrawing_says_so(
    client, opportunity, smtp_server
):
    """A withdraw link cut off by the mail program said in Ukrainian "This sign-up no longer exists. Nothing is
    stored." while the sign-up stayed; the confirmation link opened after withdrawing said "already confirmed"."""
    with translation.override("uk"):
        sign_up(client, opportunity)
    [confirmation] = smtp_server.to("erika@example.org")
    withdraw_path = link_path(confirmation, "/ehrenamt/abmelden/")
    confirm_path = link_path(confirmation, "/ehrenamt/bestaetigen/")
    assert withdraw_path.startswith("/uk/")
    cut = withdraw_path.rstrip("/")[:-5] + "/"

    for answer in (client.get(cut), client.post(cut)):
        text = answer.content.decode()
        assert answer.status_code == 404
        assert "Це посилання неповне" in text and "Вашу заявку не відкликано." in text
        assert "Нічого не зберігається" not in text
    assert VolunteerApplication.objects.get().status == "new", "nothing withdrawn"

    client.post(withdraw_path)
    assert VolunteerApplication.objects.get().status == "withdrawn"
    for answer in (client.get(confirm_path), client.post(confirm_path)):
        text = answer.content.decode()
        assert "Ви відкликали цю заявку." in text and "вже підтвердили" not in text
    assert VolunteerApplication.objects.get().status == "withdrawn"
