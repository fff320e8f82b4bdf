"""Place alerts: "tell me when something matching opens", read from the real SMTP server as a visitor would."""

from __future__ import annotations

import datetime
import json
import re
from urllib.parse import quote, urlencode

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from wegweiser.offers.factories import CourseDateFactory, OfferPageFactory
from wegweiser.offers.models import OfferPage
from wegweiser.plugin_api.testing import body_of, link_path
from wegweiser.search.alerts import links as alert_links
from wegweiser.search.alerts.jobs import remind_and_end_alerts, send_place_alerts
from wegweiser.search.models import ListingOpening, PlaceAlert
from wegweiser.site.models import ListingIndexPage, PortalSettings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("openings_settle_at_once")]

EMAIL = "amira@example.org"
CRITERIA = {"type": "offer", "kind": "course", "level": "a1", "childcare": "1", "district": "nordstadt"}


def later(**delta) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(**delta)


def unsubscribe_url(mail) -> str:
    return str(mail["List-Unsubscribe"]).strip().strip("<>")


def course(parent, district, title="Integrationskurs Abend", **fields):
    defaults = {"kind": OfferPage.Kind.COURSE, "level_from": "a1", "level_to": "b1", "childcare": True}
    defaults.update(fields)
    return OfferPageFactory(parent=parent, title=title, district=district, **defaults)


def subscribe(client, language="de", email=EMAIL, **criteria):
    data = {**CRITERIA, **criteria, "email": email, "consent": "on", "homepage": ""}
    with translation.override(language):
        url = reverse("search:place_alert")
    return client.post(url, data)


def confirm(client, smtp_server, email=EMAIL):
    """Follow the confirmation link of the (only) confirmation mail to ``email``, as the visitor does."""
    [mail] = [mail for mail in smtp_server.to(email) if "/bestaetigen/" in body_of(mail)]
    path = link_path(mail, "/bestaetigen/")
    assert client.get(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 200
    return response


def test_no_mail_is_sent_before_the_alert_is_confirmed(client, organisation_a, nordstadt, smtp_server):
    response = subscribe(client)
    assert response.status_code == 302
    [confirmation] = smtp_server.to(EMAIL)
    assert "bestätigen" in confirmation["Subject"].lower()
    alert = PlaceAlert.objects.get()
    assert alert.status == "pending" and alert.consent_version and "90" in alert.consent_text

    course(organisation_a, nordstadt)
    send_place_alerts(now=later())

    assert smtp_server.to(EMAIL) == [confirmation]


def test_a_burst_of_ten_new_listings_gives_one_mail_and_then_one_a_day(
    client, organisation_a, organisation_b, nordstadt, smtp_server
):
    subscribe(client)
    confirm(client, smtp_server)
    for number in range(10):
        course(
            organisation_a if number % 2 else organisation_b,
            nordstadt,
            title=f"Abendkurs {number}",
            slug=f"abendkurs-{number}",
        )
    course(organisation_a, nordstadt, title="Ohne Kinderbetreuung", slug="ohne", childcare=False)
    course(
        organisation_a,
        nordstadt,
        title="Beratung",
        slug="beratung",
        kind="counselling",
        level_from="",
        level_to="",
    )

    send_place_alerts(now=later())
    send_place_alerts(now=later(minutes=20))

    mails = smtp_server.to(EMAIL)[1:]
    assert len(mails) == 1
    [mail] = mails
    body = body_of(mail)
    assert mail["Subject"].startswith("10 ")
    assert all(f"Abendkurs {number}" in body for number in range(10))
    assert "Ohne Kinderbetreuung" not in body and "Beratung\n" not in body
    assert "/de/" in body
    assert unsubscribe_url(mail).startswith(
        "http"
    ) and "/de/benachrichtigung/abbestellen/" in unsubscribe_url(mail)
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    course(organisation_a, nordstadt, title="Elfter Kurs", slug="elfter")
    send_place_alerts(now=later(hours=3))
    assert len(smtp_server.to(EMAIL)) == 2  # not a second mail on the same day
    send_place_alerts(now=later(days=1, minutes=1))
    [*_earlier, next_day] = smtp_server.to(EMAIL)
    assert len(smtp_server.to(EMAIL)) == 3
    assert "Elfter Kurs" in body_of(next_day) and "Abendkurs 1" not in body_of(next_day)


def test_a_full_course_date_with_seats_again_is_mailed(client, organisation_a, nordstadt, smtp_server):
    offer = course(organisation_a, nordstadt, title="Volles Abendkursangebot")
    date = CourseDateFactory(page=offer, status="full", seats_free=0)
    offer.save_revision().publish()
    html = client.get(offer.url).content.decode()
    assert (
        reverse("search:place_alert")
        + "?type=offer&amp;kind=course&amp;level=a1&amp;childcare=1&amp;district=nordstadt"
        in html
    )
    subscribe(client)
    confirm(client, smtp_server)
    send_place_alerts(now=later())
    assert len(smtp_server.to(EMAIL)) == 1  # published before the alert: nothing new

    date.status, date.seats_free = "open", 3
    date.save()
    send_place_alerts(now=later(minutes=5))

    [_confirmation, mail] = smtp_server.to(EMAIL)
    assert "Volles Abendkursangebot" in body_of(mail)
    assert ListingOpening.objects.filter(reason="places").count() == 1


def test_unsubscribe_from_the_mail_works_without_login_and_one_click(
    client, organisation_a, nordstadt, smtp_server
):
    subscribe(client)
    confirm(client, smtp_server)
    course(organisation_a, nordstadt)
    send_place_alerts(now=later())
    mail = smtp_server.to(EMAIL)[-1]
    stop_url = unsubscribe_url(mail)

    page = client.get(stop_url)
    assert page.status_code == 200 and "no-store" in page.headers["Cache-Control"]
    response = client.post(stop_url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200

    alert = PlaceAlert.objects.get()
    assert (alert.status, alert.end_reason, alert.email, alert.token) == ("ended", "unsubscribed", "", None)
    course(organisation_a, nordstadt, title="Noch ein Kurs", slug="noch-einer")
    send_place_alerts(now=later(days=2))
    assert smtp_server.to(EMAIL)[-1] is mail
    assert client.post(stop_url).status_code == 404  # nothing left to stop


def test_a_stop_link_cut_off_by_the_mail_program_says_the_alert_goes_on_and_stops_nothing(
    client, smtp_server, nordstadt
):
    """A stop link with the end of its token missing (mail programs split long links) said in Russian "Alert
    stopped. This alert no longer exists. We send you nothing more." The alert went on sending."""
    subscribe(client, language="ru")
    confirm(client, smtp_server)
    stop_url = unsubscribe_url(smtp_server.to(EMAIL)[-1])
    cut = stop_url.rstrip("/")[:-6] + "/"
    with translation.override("ru"):
        my_data = reverse("data_requests:request")

    for answer in (client.get(cut), client.post(cut), client.post(cut, {"List-Unsubscribe": "One-Click"})):
        page = BeautifulSoup(answer.content, "html.parser")
        assert answer.status_code == 404
        assert page.h1.get_text(strip=True) == "Эта ссылка неполная"
        assert "Ваше уведомление не отменено." in page.main.get_text(" ")
        assert "Уведомление отменено" not in page.get_text() and not page.select("main form")
        [onwards] = page.select("main a[href*='/ru/']")
        assert onwards["href"] == my_data
    alert = PlaceAlert.objects.get()
    assert (alert.status, alert.email) == (PlaceAlert.Status.ACTIVE, EMAIL), "the alert goes on"


def reminder_to_extend(client, smtp_server, language="de"):
    """The mail a confirmed alert sends three days before it ends, with its link to extend."""
    subscribe(client, language=language)
    confirm(client, smtp_server)
    PlaceAlert.objects.update(expires_at=timezone.now() + datetime.timedelta(days=3))
    remind_and_end_alerts()
    return smtp_server.to(EMAIL)[-1]


@pytest.mark.parametrize(
    ("link", "language", "incomplete", "not_done"),
    [
        (
            "/bestaetigen/",
            "de",
            "Dieser Link ist unvollständig",
            "Ihre Benachrichtigung wurde nicht eingeschaltet.",
        ),
        (
            "/verlaengern/",
            "de",
            "Dieser Link ist unvollständig",
            "Ihre Benachrichtigung wurde nicht verlängert.",
        ),
        ("/bestaetigen/", "ar", "هذا الرابط غير مكتمل", "لم يتم تفعيل التنبيه الخاص بكم."),
    ],
)
def test_a_confirm_or_extend_link_cut_off_by_the_mail_program_says_what_did_not_happen(
    client, smtp_server, nordstadt, link, language, incomplete, not_done
):
    """Cut off by the mail program, the links to confirm and to extend said "The alert has ended, or the link
    has expired or is incomplete. You can set up a new alert": the visitor could not tell which."""
    if link == "/bestaetigen/":
        subscribe(client, language=language)
        [mail] = smtp_server.to(EMAIL)
    else:
        mail = reminder_to_extend(client, smtp_server, language)
    cut = link_path(mail, link).rstrip("/")[:-10] + "/"
    assert cut.startswith(f"/{language}/")
    stored = list(PlaceAlert.objects.values())

    for answer in (client.get(cut), client.post(cut)):
        page = BeautifulSoup(answer.content, "html.parser")
        assert answer.status_code == 404
        assert page.h1.get_text(strip=True) == incomplete
        assert not_done in page.main.get_text(" ") and not page.select("main form")
    assert list(PlaceAlert.objects.values()) == stored, "nothing switched on or extended"


def test_an_expired_confirm_link_and_the_extend_link_of_an_ended_alert_say_so(
    client, smtp_server, nordstadt, monkeypatch
):
    gone = "Die Benachrichtigung ist beendet, oder der Link ist abgelaufen."
    extend_path = link_path(reminder_to_extend(client, smtp_server), "/verlaengern/")
    PlaceAlert.objects.get().end(PlaceAlert.EndReason.UNSUBSCRIBED)
    for answer in (client.get(extend_path), client.post(extend_path)):
        assert answer.status_code == 404 and gone in answer.content.decode()
    assert PlaceAlert.objects.get().status == PlaceAlert.Status.ENDED

    subscribe(client, email="later@example.org")
    [confirmation] = smtp_server.to("later@example.org")
    monkeypatch.setattr(alert_links, "CONFIRM_MAX_AGE", -1)  # the link is older than its seven days
    confirm_path = link_path(confirmation, "/bestaetigen/")
    for answer in (client.get(confirm_path), client.post(confirm_path)):
        assert answer.status_code == 404 and gone in answer.content.decode()
    assert PlaceAlert.objects.get(status=PlaceAlert.Status.PENDING).email == "later@example.org"


def test_the_confirmed_page_has_the_stop_link_it_promises(client, smtp_server, nordstadt):
    """ "Every mail has a link to stop the alert", said the confirmed page in Persian, with no link; the only
    mail so far (the confirmation) had it only in its header, which few phone mail apps show."""
    subscribe(client, language="fa")
    page = BeautifulSoup(confirm(client, smtp_server).content, "html.parser")
    [stop] = [link for link in page.select("main a") if "/abbestellen/" in link["href"]]
    assert stop["href"].startswith("/fa/") and stop.get_text() == "لغو اعلان"
    assert client.post(stop["href"]).status_code == 200
    assert PlaceAlert.objects.get().status == PlaceAlert.Status.ENDED


def test_the_stop_link_in_the_confirmation_mail_deletes_the_unconfirmed_alert(client, smtp_server, nordstadt):
    subscribe(client)
    [mail] = smtp_server.to(EMAIL)
    assert client.post(unsubscribe_url(mail)).status_code == 200
    assert not PlaceAlert.objects.exists()


def test_an_expired_alert_sends_nothing_and_leaves_an_anonymous_count(
    client, organisation_a, nordstadt, smtp_server
):
    subscribe(client)
    confirm(client, smtp_server)
    PlaceAlert.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    course(organisation_a, nordstadt)

    send_place_alerts(now=later())
    remind_and_end_alerts(now=later())

    assert len(smtp_server.to(EMAIL)) == 1
    alert = PlaceAlert.objects.get()
    assert (alert.status, alert.end_reason, alert.email) == ("ended", "expired", "")
    assert alert.criteria_key and alert.filters["level"] == ["a1"]


def test_a_reminder_before_the_end_offers_to_extend(client, organisation_a, nordstadt, smtp_server):
    subscribe(client)
    confirm(client, smtp_server)
    PlaceAlert.objects.update(expires_at=timezone.now() + datetime.timedelta(days=3))

    remind_and_end_alerts()
    remind_and_end_alerts()

    [_confirmation, reminder] = smtp_server.to(EMAIL)
    assert "endet" in reminder["Subject"]
    assert reminder["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    extend = link_path(reminder, "/verlaengern/")
    assert client.get(extend).status_code == 200
    client.post(extend)
    alert = PlaceAlert.objects.get()
    assert alert.expires_at > timezone.now() + datetime.timedelta(days=89)
    assert alert.reminded_at is None


@pytest.mark.parametrize(
    ("language", "days", "expected"),
    [
        ("de", 1, "noch 1 Tag:"),
        ("de", 90, "weitere 90 Tage:"),
        ("uk", 2, "ще 2 дні від"),
        ("uk", 90, "ще 90 днів від"),
    ],
)
def test_the_extend_page_counts_the_days_as_the_language_does(
    client, organisation_a, nordstadt, smtp_server, language, days, expected
):
    subscribe(client, language=language)
    confirm(client, smtp_server)
    settings = PortalSettings.for_site(PlaceAlert.objects.get().site)
    settings.place_alert_days = days
    settings.save()
    PlaceAlert.objects.update(expires_at=timezone.now() + datetime.timedelta(days=3))
    remind_and_end_alerts()

    reminder = smtp_server.to(EMAIL)[-1]
    html = client.get(link_path(reminder, "/verlaengern/")).content.decode()

    assert expected in html


def test_every_alert_mail_is_signed_by_the_office(client, organisation_a, nordstadt, smtp_server):
    """The confirmation, the alert and the reminder came from "noreply" without a name: the office signs."""
    office = PortalSettings.for_site(organisation_a.get_site())
    office.office_name, office.office_phone = "Integrationsbüro Teststadt", "05561 100-300"
    office.save()
    subscribe(client, language="ar")
    confirm(client, smtp_server)
    course(organisation_a, nordstadt)
    send_place_alerts()
    PlaceAlert.objects.update(expires_at=timezone.now() + datetime.timedelta(days=3))
    remind_and_end_alerts()

    mails = smtp_server.to(EMAIL)
    assert len(mails) == 3
    for mail in mails:
        assert body_of(mail).rstrip().endswith("-- \r\nIntegrationsbüro Teststadt\r\n05561 100-300")


def test_the_job_reads_the_office_s_signature_once_however_many_alerts_it_mails(
    client, organisation_a, nordstadt, smtp_server
):
    """The signature read the portal settings once per mail: 1,000 alerts cost 1,052 queries instead of 60."""
    for number in range(5):  # the form takes five an hour from one client
        subscribe(client, email=f"person{number}@example.org", language=("de", "ar")[number % 2])
        confirm(client, smtp_server, email=f"person{number}@example.org")
    course(organisation_a, nordstadt)

    with CaptureQueriesContext(connection) as queries:
        assert send_place_alerts()["mails"] == 5

    settings_read = [query for query in queries.captured_queries if '"core_portalsettings"' in query["sql"]]
    assert len(settings_read) <= 2, "once for the signature, once for the site's listing types"


def test_the_office_report_shows_counts_per_filter_combination_and_no_addresses(
    client, office_user, organisation_a, nordstadt, smtp_server
):
    for number in range(3):
        subscribe(client, email=f"person{number}@example.org")
        confirm(client, smtp_server, email=f"person{number}@example.org")
    subscribe(client, email="other@example.org", level="b1", childcare="", district="")
    confirm(client, smtp_server, email="other@example.org")
    subscribe(client, email="never@example.org", level="c1")  # never confirmed: not counted
    PlaceAlert.objects.filter(email="person2@example.org").get().end("expired")

    client.force_login(office_user)
    with translation.override("de"):
        html = client.get(reverse("reports:demand"), {"table": "alerts"}).content.decode()

    # What the page shows, without its markup and scripts: a random token (CSRF, nonce) may contain "C1".
    shown = re.sub(r"<script.*?</script>|<[^>]+>", " ", html, flags=re.S)
    assert "2 Personen warten auf:" in shown
    assert "Kinderbetreuung" in shown and "Nordstadt" in shown and re.search(r"\bA1\b", shown)
    assert "1 Person wartet auf:" in shown
    assert "@example.org" not in html and not re.search(r"\bC1\b", shown)
    exported = client.get(reverse("reports:demand"), {"table": "alerts", "export": "csv"})
    csv = b"".join(exported.streaming_content)
    assert exported.status_code == 200 and b"Nordstadt" in csv and b"@example.org" not in csv
    assert client.get(reverse("reports:demand"), {"table": "alerts", "export": "xlsx"}).status_code == 200


def test_tokens_cannot_be_guessed_or_used_for_another_purpose(client, smtp_server, organisation_a, nordstadt):
    subscribe(client)
    subscribe(client, email="someone@example.org", level="b1")
    mine = PlaceAlert.objects.get(email=EMAIL)
    [mail] = smtp_server.to(EMAIL)
    confirm_path = link_path(mail, "/bestaetigen/")
    signed = confirm_path.rstrip("/").rsplit("/", 1)[1]
    stop_path = reverse("search:place_alert_stop", kwargs={"token": signed})
    other = PlaceAlert.objects.get(email="someone@example.org")

    assert client.post(stop_path).status_code == 404  # a confirm link cannot stop
    forged = reverse("search:place_alert_confirm", kwargs={"token": f"{other.token}:x:y"})
    assert client.post(forged).status_code == 404
    assert (
        client.get(reverse("search:place_alert_confirm", kwargs={"token": str(other.pk)})).status_code == 404
    )
    tampered = reverse("search:place_alert_confirm", kwargs={"token": signed[:-2] + "xx"})
    assert client.post(tampered).status_code == 404
    other.refresh_from_db()
    mine.refresh_from_db()
    assert other.status == mine.status == "pending"
    assert "someone@example.org" not in client.get(confirm_path).content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"email": "not-an-address", "consent": "on"},
        {"email": EMAIL},
        {"email": "x" * 300 + "@example.org", "consent": "on", "radius": "NaN", "near": "nowhere"},
        {"email": EMAIL, "consent": "on", "level": "z9", "date_from": "yesterday", "lat": "999"},
    ],
)
def test_bad_input_gets_a_clear_message_and_never_a_500(client, organisation_a, nordstadt, data):
    response = client.post(reverse("search:place_alert"), {**CRITERIA, **data})
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert 'class="form-errors"' in response.content.decode()


def test_bad_input_is_answered_in_the_visitors_language(client, organisation_a, nordstadt):
    with translation.override("ar"):
        url = reverse("search:place_alert")
    response = client.post(url, {**CRITERIA, "email": "kein-name", "consent": "on"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'lang="ar"' in html and "name@example.org" in html
    assert "Please enter" not in html
    empty = client.get(url)
    assert empty.status_code == 400


def test_an_alert_on_words_with_a_web_address_is_refused_and_mails_nothing(
    client, organisation_a, nordstadt, smtp_server
):
    """The confirmation mail repeats the words to the address typed beside them: with a web address among
    them, the portal would mail anyone's link to anyone."""
    response = subscribe(client, language="ar", q="Gewinn auf www.gewinn.example")

    assert response.status_code == 400
    assert "لا يمكن للتنبيه حفظ كلمات تتضمن عنوان موقع إلكتروني." in response.content.decode()
    assert not PlaceAlert.objects.exists()
    assert smtp_server.messages == []


def test_an_arabic_visitor_gets_the_mails_and_links_in_arabic(client, organisation_a, nordstadt, smtp_server):
    subscribe(client, language="ar")
    [confirmation] = smtp_server.to(EMAIL)
    assert "/ar/" in body_of(confirmation)
    assert "تأكيد" in body_of(confirmation) or "أكد" in body_of(confirmation)
    confirm_path = link_path(confirmation, "/ar/")
    client.post(confirm_path)
    course(organisation_a, nordstadt)
    send_place_alerts(now=later())
    [_confirmation, mail] = smtp_server.to(EMAIL)
    assert "/ar/" in body_of(mail) and "Integrationskurs Abend" in body_of(mail)
    assert "/ar/" in unsubscribe_url(mail)


def test_the_page_after_the_alert_form_leads_back_to_the_results_in_the_visitor_s_language(
    client, organisation_a, nordstadt, smtp_server
):
    """It said "please check your mailbox" and had no link at all: the newcomer had to find the search again."""
    response = subscribe(client, language="ar")
    page = client.get(response["Location"])

    html = BeautifulSoup(page.content, "html.parser")
    back = html.find("main").find("a", string="العودة إلى النتائج")
    assert back is not None, html.find("main")
    path, _question, query = back["href"].partition("?")
    assert path.startswith("/ar/") and QueryDict(query) == QueryDict(urlencode(CRITERIA, doseq=True))


def test_an_alert_asked_for_on_a_course_s_page_leads_back_to_that_page_and_never_to_another_site(
    client, organisation_a, nordstadt, smtp_server
):
    """On a full course's page, "tell me when something opens" ended at a search page with the course's level
    and district, which the Turkish visitor had never seen: the way back is the page they asked on."""
    offer = course(organisation_a, nordstadt, title="Volles Abendkursangebot")
    CourseDateFactory(page=offer, status="full", seats_free=0)
    offer.save_revision().publish()
    turkish = "/tr/" + offer.url.split("/", 2)[2]  # the German course, on the Turkish site
    page = BeautifulSoup(client.get(turkish).content, "html.parser")
    form_url = page.select_one(".place-alert-link a")["href"]

    def send(url: str, email: str):
        """The alert form as a browser sends it: its hidden criteria, the address and the consent."""
        form = BeautifulSoup(client.get(url).content, "html.parser").select_one("form.form")
        data = [(field["name"], field.get("value", "")) for field in form.select("input[type=hidden]")]
        response = client.post(form["action"], urlencode([*data, ("email", email), ("consent", "on")]),
                               content_type="application/x-www-form-urlencoded")  # fmt: skip
        assert response.status_code == 302
        return response

    sent = send(form_url, EMAIL)
    back = BeautifulSoup(client.get(sent["Location"]).content, "html.parser").find("main").select("a")
    assert [(link["href"], link.get_text()) for link in back] == [(turkish, "Geldiğiniz sayfaya dönün")]

    elsewhere = f"{form_url.split('&back=')[0]}&back={quote('https://evil.example/de/')}"
    sent = send(elsewhere, "b@example.org")
    hrefs = [
        link["href"] for link in BeautifulSoup(client.get(sent["Location"]).content, "html.parser").main("a")
    ]
    assert not any("evil.example" in href for href in hrefs)
    assert any(href.startswith(reverse("search:search")) for href in hrefs)


def test_export_and_erase_by_email(client, organisation_a, nordstadt, smtp_server):
    subscribe(client)
    confirm(client, smtp_server)
    subscribe(client, level="b1")
    subscribe(client, email="someone@example.org")

    client.post(reverse("data_requests:request"), {"email": EMAIL, "action": "export", "homepage": ""})
    link_mail = smtp_server.to(EMAIL)[-1]
    path = link_path(link_mail, "/meine-daten/")
    assert client.get(path).status_code == 200
    client.post(path)
    export = smtp_server.to(EMAIL)[-1]
    [attachment] = list(export.iter_attachments())
    data = json.loads(attachment.get_content().decode("utf-8"))
    assert len(data["place_alerts"]) == 2
    assert data["place_alerts"][0]["consent_version"]
    assert b"someone@example.org" not in attachment.get_content()

    client.post(reverse("data_requests:request"), {"email": EMAIL, "action": "delete", "homepage": ""})
    client.post(link_path(smtp_server.to(EMAIL)[-1], "/meine-daten/"))
    assert not PlaceAlert.objects.filter(email__iexact=EMAIL).exists()
    assert PlaceAlert.objects.filter(end_reason="erased").count() == 1  # the anonymous count
    assert PlaceAlert.objects.filter(email="someone@example.org").exists()


def test_finder_pages_link_to_the_alert_form_and_stay_free_of_form_tokens(client, organisation_a, nordstadt):
    course(organisation_a, nordstadt)
    html = client.get(reverse("search:search"), {"q": "Zebra"}).content.decode()
    assert reverse("search:place_alert") in html
    assert "csrfmiddlewaretoken" not in html


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_the_confirmed_alert_s_end_date_is_followed_by_one_full_stop(
    client, nordstadt, smtp_server, language
):
    """Russian and Ukrainian dates end in "г." / "р.": the confirmation page read "до 5 марта 2027 г.. В каждом
    письме…" (the translation's own full stop after the date)."""
    subscribe(client, language=language)
    text = " ".join(re.sub(r"<[^>]+>", " ", confirm(client, smtp_server).content.decode()).split())
    assert re.search(r"\d{4} (г|р)\. [А-ЯІЄЇ]", text), text
    assert "г.." not in text and "р.." not in text


def test_the_alert_link_keeps_the_search_but_not_the_page_the_visitor_was_on(
    client, organisation_a, nordstadt
):
    """From page 2 of the results, "Change the search" on the alert form must lead to the first page again."""
    for number in range(25):
        course(organisation_a, nordstadt, title=f"Deutschkurs {number}")
    html = client.get(
        reverse("search:search"), {"q": "Deutschkurs", "district": "nordstadt", "page": "2"}
    ).content
    [link] = re.findall(r'<p class="place-alert-link"><a href="([^"]+)"', html.decode())
    assert "q=Deutschkurs" in link and "district=nordstadt" in link
    assert "page=" not in link


def test_a_finder_page_s_alert_link_names_its_type_once_and_no_page(client, home, organisation_a, nordstadt):
    finder = home.add_child(
        instance=ListingIndexPage(title="Angebote", slug="angebote", listing_type="offer")
    )
    finder.save_revision().publish()
    for number in range(25):
        course(organisation_a, nordstadt, title=f"Deutschkurs {number}")
    html = client.get(finder.url, {"district": "nordstadt", "page": "2"}).content.decode()
    [link] = re.findall(r'<p class="place-alert-link"><a href="([^"]+)"', html)
    assert link.count("type=offer") == 1 and "district=nordstadt" in link
    assert "page=" not in link


@pytest.mark.parametrize("flag, label", [("accessible", "Rollstuhlgerecht"), ("free_or_funded", "Kostenlos")])
def test_a_ticked_yes_no_filter_of_the_finder_goes_into_the_alert(
    client, home, organisation_a, nordstadt, flag, label
):
    """A mother ticks "childcare" in the finder and asks to be told of new courses: the alert form must keep
    the tick, not say "some filter values were not recognised" and alert her of every course."""
    finder = home.add_child(
        instance=ListingIndexPage(title="Angebote", slug="angebote", listing_type="offer")
    )
    finder.save_revision().publish()
    course(organisation_a, nordstadt)
    form = client.get(finder.url).content.decode()
    [checkbox] = re.findall(rf'<input type="checkbox" name="{flag}"[^>]*>', form)
    value = re.search(r'value="([^"]*)"', checkbox)
    ticked = value.group(1) if value else "on"  # what a browser sends for a ticked box
    html = client.get(finder.url, {flag: ticked}).content.decode()
    [link] = re.findall(r'<p class="place-alert-link"><a href="([^"]+)"', html)
    alert_form = client.get(link.replace("&amp;", "&")).content.decode()
    assert "nicht erkannt" not in alert_form
    assert label in alert_form


def test_an_old_finder_address_with_a_ticked_box_keeps_the_tick_in_the_alert(client, home, nordstadt):
    """Finder addresses bookmarked before the boxes sent "1" say ``accessible=on``."""
    alert_form = client.get(
        reverse("search:place_alert"), {"type": "offer", "accessible": "on"}
    ).content.decode()
    assert "nicht erkannt" not in alert_form
    assert "Rollstuhlgerecht" in alert_form
