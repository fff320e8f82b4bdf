"""Data protection: a copy and deletion on request by email, and anonymisation after the retention period."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core import signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from wegweiser.plugin_api.testing import body_of, link_path
from wegweiser.search.models import PlaceAlert
from wegweiser.site import links
from wegweiser.site.models import OutgoingMail, PortalSettings
from wegweiser.site.scheduling import run_jobs
from wegweiser.volunteers.models import VolunteerApplication
from wegweiser.volunteers.privacy import anonymise_due_applications

pytestmark = pytest.mark.django_db


def make_application(opportunity, email="erika@example.org", **fields):
    defaults = {
        "name": "Erika Mustermann",
        "phone": "0171 2345678",
        "availability": "dienstags",
        "message": "Hallo",
        "consent_text": "Ich stimme zu.",
        "consent_version": "2026-11-1",
        "status": "confirmed",
        "confirmed_at": timezone.now(),
    }
    defaults.update(fields)
    return VolunteerApplication.objects.create(opportunity=opportunity, email=email, **defaults)


def request_data(client, email, action):
    return client.post(reverse("data_requests:request"), {"email": email, "action": action, "homepage": ""})


def test_export_by_email_sends_everything_as_json_to_that_address(
    client, opportunity, other_opportunity, smtp_server, languages
):
    mine = make_application(opportunity)
    mine.languages_spoken.set([languages["ar"]])
    make_application(other_opportunity, email="ERIKA@example.org", status="accepted")
    make_application(opportunity, email="someone-else@example.org", name="Jemand Anders")

    response = request_data(client, "erika@example.org", "export")
    assert response.status_code == 302
    [link_mail] = smtp_server.to("erika@example.org")
    confirm_path = link_path(link_mail, "/meine-daten/")
    assert client.get(confirm_path).status_code == 200
    client.post(confirm_path)

    export = smtp_server.to("erika@example.org")[-1]
    [attachment] = list(export.iter_attachments())
    assert attachment.get_content_type() == "application/json"
    data = json.loads(attachment.get_content().decode("utf-8"))
    assert len(data["volunteer_sign_ups"]) == 2
    titles = {sign_up["opportunity"] for sign_up in data["volunteer_sign_ups"]}
    assert titles == {"Sprachpatenschaft", "Fahrradwerkstatt"}
    first = next(
        sign_up for sign_up in data["volunteer_sign_ups"] if sign_up["opportunity"] == "Sprachpatenschaft"
    )
    assert first["languages_spoken"] == ["ar"]
    assert first["consent_text"] == "Ich stimme zu."
    assert b"Jemand Anders" not in attachment.get_content()


def test_deletion_by_email_removes_every_sign_up_of_that_address(client, opportunity, smtp_server):
    make_application(opportunity)
    make_application(opportunity, email="Erika@Example.org")
    keep = make_application(opportunity, email="someone-else@example.org")
    request_data(client, "erika@example.org", "delete")
    [link_mail] = smtp_server.to("erika@example.org")
    client.post(link_path(link_mail, "/meine-daten/"))
    assert list(VolunteerApplication.objects.all()) == [keep]


def test_data_request_does_not_reveal_whether_someone_volunteers(client, opportunity, smtp_server):
    make_application(opportunity)
    known = request_data(client, "erika@example.org", "export")
    unknown = request_data(client, "nobody@example.org", "export")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert smtp_server.to("nobody@example.org") == []


def test_data_request_link_cannot_be_forged_for_another_address(client, opportunity, smtp_server):
    make_application(opportunity)
    make_application(opportunity, email="victim@example.org")
    request_data(client, "erika@example.org", "delete")
    path = link_path(smtp_server.to("erika@example.org")[0], "/meine-daten/")
    token = path.rstrip("/").rsplit("/", 1)[1]
    payload = token.split(":", 1)[0]
    forged_payload = signing.b64_encode(
        json.dumps({"email": "victim@example.org", "action": "delete"}, separators=(",", ":")).encode()
    ).decode()
    forged = path.replace(payload, forged_payload)
    assert client.post(forged).status_code == 404
    assert VolunteerApplication.objects.filter(email="victim@example.org").exists()


def test_a_cut_off_data_request_link_deletes_nothing_and_an_expired_one_asks_to_request_again(
    client, opportunity, smtp_server, monkeypatch
):
    """A deletion link cut off by the mail program said "The link has expired. Please make your request
    again": the person asked again, for a link that only had to be opened whole."""
    make_application(opportunity)
    request_data(client, "erika@example.org", "delete")
    [link_mail] = smtp_server.to("erika@example.org")
    path = link_path(link_mail, "/meine-daten/")
    cut = path.rstrip("/")[:-10] + "/"
    stored = list(VolunteerApplication.objects.values())

    for answer in (client.get(cut), client.post(cut)):
        text = answer.content.decode()
        assert answer.status_code == 404
        assert "Dieser Link ist unvollständig" in text and "Ihre Anfrage wurde nicht bestätigt." in text
        assert "abgelaufen" not in text
    arabic = client.post(cut.replace("/de/", "/ar/", 1)).content.decode()
    assert "هذا الرابط غير مكتمل" in arabic and "لم يتم تأكيد طلبكم." in arabic
    assert list(VolunteerApplication.objects.values()) == stored, "nothing deleted"
    assert smtp_server.to("erika@example.org") == [link_mail]

    monkeypatch.setattr(links, "DATA_REQUEST_MAX_AGE", -1)  # the link is older than its two days
    for answer in (client.get(path), client.post(path)):
        assert answer.status_code == 404
        assert "Der Link ist abgelaufen. Bitte stellen Sie Ihre Anfrage erneut." in answer.content.decode()
    assert list(VolunteerApplication.objects.values()) == stored


def test_data_request_form_rejects_invalid_addresses(client):
    response = client.post(reverse("data_requests:request"), {"email": "nope", "action": "export"})
    assert response.status_code == 400
    assert "gültige E-Mail-Adresse" in response.content.decode()


def make_alert(email="erika@example.org", language="de"):
    return PlaceAlert.objects.create(
        email=email,
        token=f"token-{email}",
        language=language,
        text="Sprachkurs",
        criteria_key=f"key-{email}",
        consent_text="Ich stimme zu.",
        consent_version="2026-12-1",
        status=PlaceAlert.Status.ACTIVE,
        confirmed_at=timezone.now(),
        expires_at=timezone.now() + datetime.timedelta(days=90),
    )


def test_one_request_copies_and_erases_sign_ups_and_place_alerts_of_the_address(
    client, opportunity, smtp_server
):
    make_application(opportunity)
    make_alert(email="Erika@Example.org")
    make_application(opportunity, email="someone-else@example.org")
    other_alert = make_alert(email="someone-else@example.org")

    request_data(client, "erika@example.org", "export")
    [link_mail] = smtp_server.to("erika@example.org")
    path = link_path(link_mail, "/meine-daten/")
    page = client.get(path).content.decode()
    assert "Ehrenamts-Anmeldungen" in page and "Platz-Benachrichtigungen" in page
    client.post(path)
    [_link, copy] = smtp_server.to("erika@example.org")
    [attachment] = list(copy.iter_attachments())
    data = json.loads(attachment.get_content().decode("utf-8"))
    assert [sign_up["opportunity"] for sign_up in data["volunteer_sign_ups"]] == ["Sprachpatenschaft"]
    assert [alert["consent_version"] for alert in data["place_alerts"]] == ["2026-12-1"]
    assert b"someone-else" not in attachment.get_content()

    request_data(client, "erika@example.org", "delete")
    delete_mail = smtp_server.to("erika@example.org")[-1]
    assert "löschen" in body_of(delete_mail)
    assert client.post(link_path(delete_mail, "/meine-daten/")).status_code == 200
    assert not VolunteerApplication.objects.filter(email__iexact="erika@example.org").exists()
    assert not PlaceAlert.objects.filter(email__iexact="erika@example.org").exists()
    assert PlaceAlert.objects.filter(end_reason="erased").count() == 1  # the anonymous count
    assert VolunteerApplication.objects.filter(email="someone-else@example.org").exists()
    other_alert.refresh_from_db()
    assert other_alert.status == PlaceAlert.Status.ACTIVE


def test_the_request_mail_and_copy_are_in_the_visitors_language(client, opportunity, smtp_server):
    make_application(opportunity)
    with translation.override("ar"):
        url = reverse("data_requests:request")
    assert url.startswith("/ar/")
    client.post(url, {"email": "erika@example.org", "action": "export", "homepage": ""})
    [link_mail] = smtp_server.to("erika@example.org")
    path = link_path(link_mail, "/ar/meine-daten/")
    assert 'dir="rtl"' in client.get(path).content.decode()
    client.post(path)
    copy = smtp_server.to("erika@example.org")[-1]
    assert copy["Subject"] != "A copy of your data" and "Hello" not in body_of(copy)


def test_the_request_mail_and_the_copy_are_signed_by_the_office(client, opportunity, smtp_server):
    """Both mails came from "noreply" and ended without a name: the office of the site signs them."""
    office = PortalSettings.for_site(opportunity.get_site())
    office.office_name, office.office_email = "Integrationsbüro Teststadt", "integration@teststadt.example"
    office.save()
    make_application(opportunity)
    with translation.override("fa"):
        client.post(reverse("data_requests:request"), {"email": "erika@example.org", "action": "export"})
    [link_mail] = smtp_server.to("erika@example.org")
    client.post(link_path(link_mail, "/fa/meine-daten/"))
    copy = smtp_server.to("erika@example.org")[-1]

    signature = "-- \r\nIntegrationsbüro Teststadt\r\nintegration@teststadt.example"
    assert body_of(link_mail).rstrip().endswith(signature)
    assert body_of(copy).rstrip().endswith(signature)


def test_a_link_from_an_earlier_volunteers_mail_still_deletes_only_the_sign_ups(
    client, opportunity, smtp_server
):
    make_application(opportunity)
    alert = make_alert()
    token = links.data_request_token(
        "erika@example.org", "delete", purpose="wegweiser.volunteers.data-request"
    )
    response = client.get(f"/de/ehrenamt/meine-daten/{token}/", follow=True)
    assert response.status_code == 200 and "Daten löschen" in response.content.decode()
    client.post(response.redirect_chain[-1][0])
    assert not VolunteerApplication.objects.filter(email="erika@example.org").exists()
    alert.refresh_from_db()
    assert alert.status == PlaceAlert.Status.ACTIVE


def test_a_data_request_link_of_an_earlier_alert_mail_is_not_valid_for_sign_ups(client, opportunity):
    token = links.data_request_token(
        "erika@example.org", "delete", purpose="wegweiser.finder.alert-data-request"
    )
    assert client.get(f"/de/ehrenamt/meine-daten/{token}/", follow=True).status_code == 404
    assert client.get(f"/de/meine-daten/{token}/").status_code == 404


def test_the_former_request_pages_lead_to_the_one_page(client):
    for former in ("/de/ehrenamt/meine-daten/", "/de/benachrichtigung/meine-daten/"):
        response = client.get(former)
        assert response.status_code == 301 and response["Location"] == "/de/meine-daten/"


def test_closed_sign_ups_are_anonymised_after_the_retention_period(opportunity, settings):
    settings.WEGWEISER_VOLUNTEER_RETENTION_DAYS = 30
    now = timezone.now()
    old = make_application(opportunity, status="declined", closed_at=now - datetime.timedelta(days=31))
    recent = make_application(
        opportunity,
        email="recent@example.org",
        status="accepted",
        closed_at=now - datetime.timedelta(days=10),
    )
    still_open = make_application(opportunity, email="open@example.org")
    OutgoingMail.objects.create(owner=old, to=old.email, subject="x", body="y", purpose="test")

    call_command("run_scheduled_jobs", "--force", "volunteers.anonymise_volunteer_data", stdout=io.StringIO())

    old.refresh_from_db()
    assert old.anonymised_at is not None
    assert (old.name, old.email, old.phone, old.availability, old.message) == ("", "", "", "", "")
    assert old.status == "declined"  # the numbers stay for the report
    assert not old.outgoing_mails.all().exists()
    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert recent.name and still_open.name


def test_sign_ups_are_anonymised_after_the_opportunity_ended(opportunity, settings):
    settings.WEGWEISER_VOLUNTEER_RETENTION_DAYS = 183
    application = make_application(opportunity)
    opportunity.valid_until = timezone.localdate() - datetime.timedelta(days=200)
    opportunity.save()
    assert anonymise_due_applications()["anonymised"] == 1
    application.refresh_from_db()
    assert application.name == "" and application.anonymised_at


def test_never_confirmed_sign_ups_are_deleted_when_the_link_expired(opportunity):
    make_application(
        opportunity, status="new", confirmed_at=None, created_at=timezone.now() - datetime.timedelta(days=9)
    )
    fresh = make_application(opportunity, email="fresh@example.org", status="new", confirmed_at=None)
    assert anonymise_due_applications()["deleted_unconfirmed"] == 1
    assert list(VolunteerApplication.objects.all()) == [fresh]


def test_the_anonymisation_job_records_what_it_did_for_the_office(opportunity, settings):
    settings.WEGWEISER_VOLUNTEER_RETENTION_DAYS = 1
    make_application(opportunity, status="withdrawn", closed_at=timezone.now() - datetime.timedelta(days=2))
    (outcome,) = run_jobs(only=["volunteers.anonymise_volunteer_data"], force=True)
    assert (outcome.status, outcome.summary) == ("ok", "anonymisiert: 1, unbestätigte gelöscht: 0")


def test_anonymised_sign_ups_leave_the_inbox_but_count_in_the_report(
    client, editor_a, office_user, opportunity
):
    application = make_application(opportunity, status="accepted", closed_at=timezone.now())
    application.anonymise()
    client.force_login(editor_a)
    assert (
        client.get(reverse("volunteers_inbox:detail", args=[application.pk]), follow=True).status_code == 404
    )
    from wegweiser.volunteers.report import volunteering_numbers

    per_opportunity, _per_organisation = volunteering_numbers()
    [row] = per_opportunity
    assert row.counts["accepted"] == 1
