"""Event registration as an attacker and as a newcomer would try it: CSRF, floods, honeypot, address
confirmation by mail, places held and released, and every step in the person's language."""

from __future__ import annotations

import datetime
import re
from html import unescape

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import Locale

from tests.events.conftest import make_event
from wegweiser.events.models import EventRegistration
from wegweiser.events.recurrence import BERLIN
from wegweiser.events.registration_mails import release_unconfirmed_registrations
from wegweiser.events.templatetags.event_tags import when_text
from wegweiser.plugin_api.testing import body_of, link_path
from wegweiser.site.models import PortalSettings
from wegweiser.site.templatetags.portal_tags import listing_contact

pytestmark = pytest.mark.django_db


def soon(days: int, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(
        timezone.localdate() + datetime.timedelta(days=days), datetime.time(hour), BERLIN
    )


@pytest.fixture
def course(organisation_a):
    return make_event(
        organisation_a,
        title="Elterncafé",
        slug="elterncafe",
        start=soon(4),
        registration_mode="internal",
        capacity=10,
    )


def translate(event, language: str, title: str):
    locale = Locale.objects.get_or_create(language_code=language)[0]
    translated = event.copy_for_translation(locale, copy_parents=True)
    for ancestor in translated.get_ancestors().filter(depth__gt=1, alias_of__isnull=True).specific():
        ancestor.save_revision().publish()
    translated.title = title
    translated.save_revision().publish()
    return translated


def form_data(event, **overrides) -> dict:
    data = {
        "occurrence": event.upcoming_occurrences()[0].key,
        "name": "Amal",
        "email": "amal@example.org",
        "consent": "on",
        "homepage": "",
    }
    data.update(overrides)
    return data


def register_url(event, language: str = "de") -> str:
    with translation.override(language):
        return reverse("events:register", kwargs={"pk": event.pk})


def test_event_page_in_every_language_sets_no_cookie_and_links_to_the_form_in_that_language(client, course):
    pages = {"de": course}
    for code, _name in settings.LANGUAGES[1:]:
        pages[code] = translate(course, code, f"Elterncafé ({code})")
    for code, page in pages.items():
        response = client.get(page.url)
        assert response.status_code == 200, code
        assert "Set-Cookie" not in response.headers, code
        assert not response.cookies, code
        assert register_url(page, code) in response.content.decode(), code


def test_registration_post_without_a_valid_csrf_token_is_refused(course):
    browser = Client(enforce_csrf_checks=True)
    forged = browser.post(register_url(course), form_data(course))
    assert forged.status_code == 403
    assert EventRegistration.objects.count() == 0

    form_page = browser.get(register_url(course))
    token = form_page.cookies["csrftoken"].value
    accepted = browser.post(register_url(course), {**form_data(course), "csrfmiddlewaretoken": token})
    assert accepted.status_code == 302
    assert EventRegistration.objects.count() == 1


def test_a_registration_sent_without_the_cookie_says_what_to_do_in_the_visitors_language(course):
    """A phone that blocks cookies got Django's bare page about "CSRF" and "DEBUG=True", laid out left to
    right on /ar/: now the portal's page says in Arabic that nothing was saved and leads back to the form."""
    arabic = translate(course, "ar", "مقهى الأهل")
    refused = Client(enforce_csrf_checks=True).post(register_url(arabic, "ar"), form_data(arabic))
    html = unescape(refused.content.decode())
    assert refused.status_code == 403
    assert '<html lang="ar" dir="rtl">' in html and "<h1>تعذّر إرسال النموذج</h1>" in html
    assert "لم يتم حفظ أي شيء" in html and "CSRF" not in html
    assert f'href="{register_url(arabic, "ar")}"' in html


@pytest.mark.parametrize("occurrence", ["", "20990101T0000"], ids=["no date", "a date not offered"])
def test_a_missing_or_unknown_date_is_named_in_arabic_and_nothing_is_stored(client, course, occurrence):
    """Django's "This field is required." and "Select a valid choice. 20990101T0000 is not one of the
    available choices." (the value echoed) said less than the form's own sentence."""
    response = client.post(register_url(course, "ar"), form_data(course, occurrence=occurrence))

    html = unescape(response.content.decode())
    assert response.status_code == 400
    assert "يرجى اختيار أحد المواعيد المعروضة." in html
    assert "20990101T0000" not in html and "هذا الحقل مطلوب" not in html
    assert EventRegistration.objects.count() == 0


def test_twelve_quick_posts_of_one_address_are_stopped_after_five_and_hold_one_place(
    client, course, smtp_server
):
    answers = [
        client.post(register_url(course), form_data(course, email="victim@example.org"))
        for _post in range(12)
    ]
    assert [answer.status_code for answer in answers] == [302] * 5 + [429] * 7
    refusal = "Dieses Formular wurde in der letzten Stunde zu oft gesendet. Bitte versuchen Sie es in einer Stunde noch einmal."
    assert refusal in answers[-1].content.decode()
    assert EventRegistration.objects.count() == 1
    assert len(smtp_server.messages) == 5, "the link again each time, and no more than the limit per address"
    assert course.places_left(course.upcoming_occurrences()[0]) == 9


def test_fifteen_people_on_one_shelter_wifi_each_register(client, organisation_a, smtp_server):
    """Everyone on a shelter's Wi-Fi, in a course room or behind a mobile carrier's shared address registers
    from one connection: the sixth of them was refused "Too many registrations from your connection"."""
    festival = make_event(
        organisation_a, title="Sommerfest", start=soon(6), registration_mode="internal", capacity=40
    )
    answers = [
        client.post(register_url(festival), form_data(festival, email=f"person{number}@example.org"))
        for number in range(15)
    ]
    assert [answer.status_code for answer in answers] == [302] * 15
    assert EventRegistration.objects.filter(event=festival).count() == 15
    assert len(smtp_server.messages) == 15


def test_the_same_address_twice_gets_one_place_and_its_link_again(client, course, smtp_server):
    """A newcomer whose first mail went astray sent the form again and got nothing: no second mail, and no
    place until the hold ran out. Now the link comes again; once confirmed, the record of the place does."""
    first = client.post(register_url(course, "ar"), form_data(course))
    again = client.post(register_url(course, "ar"), form_data(course, email="AMAL@example.org"))
    assert (first.status_code, again.status_code) == (302, 302)
    assert first["Location"] == again["Location"], "the same page: it tells nobody who is registered"
    assert EventRegistration.objects.count() == 1
    confirm_links = [link_path(mail, "/bestaetigen/") for mail in smtp_server.to("amal@example.org")]
    assert len(confirm_links) == 2 and confirm_links[0] == confirm_links[1]

    client.post(confirm_links[0])
    sent_before = len(smtp_server.to("amal@example.org"))
    client.post(register_url(course, "ar"), form_data(course))
    assert EventRegistration.objects.count() == 1
    [record] = smtp_server.to("amal@example.org")[sent_before:]
    assert "/bestaetigen/" not in body_of(record) and "/anmeldung/" in body_of(record)
    assert "تم تأكيد تسجيلكم" in body_of(record), "in the language she registered in"


def test_a_filled_honeypot_stores_nothing_and_sends_nothing(client, course, smtp_server):
    response = client.post(register_url(course), form_data(course, homepage="http://spam.example"))
    assert response.status_code == 302
    assert EventRegistration.objects.count() == 0
    assert smtp_server.messages == []


def test_the_form_shows_no_honeypot_to_a_screen_reader(client, course):
    html = client.get(register_url(course)).content.decode()
    start = html.index('name="homepage"')
    wrapper = html[html.rindex("<div", 0, start) : start]
    assert "hidden" in wrapper and 'aria-hidden="true"' in wrapper
    assert 'tabindex="-1"' in html[start - 200 : start + 200]
    assert 'autocomplete="off"' in html[start - 200 : start + 200]
    assert "{#" not in html


def test_arabic_registration_gets_an_arabic_page_and_mail_whose_link_confirms_the_place(
    client, course, smtp_server
):
    arabic = translate(course, "ar", "مقهى الأهل")
    response = client.post(register_url(arabic, "ar"), form_data(arabic, email="layla@example.org"))
    assert response["Location"].startswith("/ar/")
    sent_page = client.get(response["Location"]).content.decode()
    assert 'lang="ar"' in sent_page
    with translation.override("ar"):
        assert translation.gettext("Please check your mailbox") in sent_page

    registration = EventRegistration.objects.get()
    assert (registration.status, registration.language, registration.event_id) == ("pending", "ar", course.pk)
    # The consent and the mail name the same time of deletion (the consent said "after the event").
    assert registration.consent_version == "2026-12-6"
    assert "ويُحذفان بعد أسبوعين من الفعالية" in registration.consent_text

    (message,) = smtp_server.to("layla@example.org")
    assert "بعد أسبوعين من الفعالية" in body_of(message)
    with translation.override("ar"):
        assert translation.gettext("thank you for registering for") in body_of(message)
        # The date as the Arabic page writes it: Arabic commas, not a German pattern.
        date_line = when_text(registration.occurrence_start, course.all_day)
    assert "، " in date_line and ", " not in date_line and date_line in body_of(message)
    # The deadline to confirm by, too: Arabic commas and the 24-hour clock, not Django's English fallback.
    until = timezone.localtime(registration.hold_until)
    with translation.override("ar"):
        month = date_format(until, "F")
    assert f"{until.day} {month} {until.year}، {until:%H:%M}" in body_of(message)
    assert "مقهى الأهل" in message["Subject"]
    confirm_path = link_path(message, "/bestaetigen/")
    assert confirm_path.startswith("/ar/")

    assert client.get(confirm_path).status_code == 200
    registration.refresh_from_db()
    assert registration.status == "pending", "opening the link (a mail scanner) changes nothing"
    confirmed = client.post(confirm_path)
    assert "Set-Cookie" not in confirmed.headers
    registration.refresh_from_db()
    assert registration.status == "confirmed" and registration.confirmed_at is not None

    cancel_path = link_path(message, "/anmeldung/")
    withdrawn = client.post(cancel_path.replace("/bestaetigen/", "/")).content.decode()
    registration.refresh_from_db()
    assert registration.status == "withdrawn"
    with translation.override("ar"):
        onwards = translation.gettext("Go to the start page")
    assert f'<a href="/ar/">{onwards}</a>' in withdrawn, "the last page of the journey is no dead end"


def test_a_confirmed_place_can_be_added_to_the_calendar_as_the_one_booked_date_not_the_series(
    client, organisation_a, smtp_server
):
    """ "You are registered." was the end: the booked date reached a phone's calendar only through the event
    page's file, which holds the whole weekly series. The confirmed page offers the one date booked."""
    weekly = make_event(
        organisation_a,
        title="Elterncafé",
        start=soon(4, hour=16),
        recurrence_frequency="WEEKLY",
        recurrence_count=4,
        registration_mode="internal",
        capacity=10,
    )
    arabic = translate(weekly, "ar", "مقهى الأهل")
    second = arabic.upcoming_occurrences()[1]
    client.post(
        register_url(arabic, "ar"), form_data(arabic, occurrence=second.key, email="layla@example.org")
    )
    (message,) = smtp_server.to("layla@example.org")
    confirmed = client.post(link_path(message, "/bestaetigen/")).content.decode()
    registration = EventRegistration.objects.get()
    with translation.override("ar"):
        label = translation.gettext("Add to my calendar")
        give_back = translation.gettext("Withdraw my registration")
    calendar_path = f"/ar/kalender/anmeldung/{registration.token}/termin.ics"
    assert f'<a href="{calendar_path}">{label}</a>' in confirmed
    # The page of the moment of success also says how to give the place back, not only the mail.
    assert f'<a href="/ar/kalender/anmeldung/{registration.token}/">{give_back}</a>' in confirmed

    answer = client.get(calendar_path)
    assert answer["Content-Type"].startswith("text/calendar") and "no-store" in answer["Cache-Control"]
    ics = answer.content.decode()
    assert ics.count("BEGIN:VEVENT") == 1 and "RRULE" not in ics
    start = timezone.localtime(second.start)
    assert f"DTSTART;TZID=Europe/Berlin:{start:%Y%m%dT%H%M%S}" in ics
    assert "SUMMARY:مقهى الأهل" in ics

    # A record of the place in the mailbox too, the only one she keeps: the first mail only asked to confirm.
    [_request, registered] = smtp_server.to("layla@example.org")
    assert registered["Subject"].strip() == "أنتم مسجَّلون: \u2068مقهى الأهل\u2069"
    assert "تم تأكيد تسجيلكم، وأنتم الآن مسجَّلون في:" in body_of(registered)
    assert "الموعد مرفق بهذه الرسالة كملف تقويم" in body_of(registered)
    cancel_path = link_path(message, "/anmeldung/").replace("/bestaetigen/", "/")
    assert link_path(registered, "/anmeldung/") == cancel_path, "the link to cancel"
    [attached] = list(registered.iter_attachments())
    assert attached.get_content_type() == "text/calendar"
    assert f"DTSTART;TZID=Europe/Berlin:{start:%Y%m%dT%H%M%S}" in attached.get_content()
    assert client.post(link_path(message, "/bestaetigen/")).status_code == 200
    assert len(smtp_server.to("layla@example.org")) == 2, "confirming again sends nothing"

    client.post(link_path(message, "/anmeldung/").replace("/bestaetigen/", "/"))
    assert client.get(calendar_path).status_code == 404  # withdrawn: no date to add


def test_an_unconfirmed_place_is_released_after_the_hold_time_and_the_waiting_list_moves_up(
    client, course, smtp_server, settings
):
    course.capacity = 1
    course.save_revision().publish()
    client.post(register_url(course), form_data(course, email="first@example.org"))
    client.post(register_url(course), form_data(course, email="second@example.org"))
    first, second = EventRegistration.objects.order_by("pk")
    assert (first.status, second.status) == ("pending", "waiting")
    client.post(link_path(smtp_server.to("second@example.org")[0], "/bestaetigen/"))
    second.refresh_from_db()
    assert second.status == "waiting" and second.confirmed_at is not None

    assert release_unconfirmed_registrations() == {"moved_up": 0}, "still within the hold time"
    EventRegistration.objects.filter(pk=first.pk).update(
        hold_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert course.places_left(course.upcoming_occurrences()[0]) == 1

    assert release_unconfirmed_registrations() == {"moved_up": 1}
    second.refresh_from_db()
    assert second.status == "confirmed"
    (moved_up_mail,) = [m for m in smtp_server.to("second@example.org") if "/bestaetigen/" not in body_of(m)]
    assert "/anmeldung/" in body_of(moved_up_mail)
    assert release_unconfirmed_registrations() == {"moved_up": 0}, "nobody moves up twice"

    # The first link still works for two days, but the place has gone: it puts her on the waiting list.
    late = client.post(link_path(smtp_server.to("first@example.org")[0], "/bestaetigen/")).content.decode()
    assert "Sie stehen auf der Warteliste" in late
    assert "<h1>Auf der Warteliste</h1>" in late, "not 'Anmeldung bestätigt': she has no place"
    first.refresh_from_db()
    assert first.status == "waiting" and first.confirmed_at is not None

    client.post(register_url(course), form_data(course, email="third@example.org"))
    EventRegistration.objects.filter(email="third@example.org").update(
        created_at=timezone.now() - datetime.timedelta(days=2, minutes=1),
        hold_until=timezone.now() - datetime.timedelta(days=2),
    )
    release_unconfirmed_registrations()
    assert not EventRegistration.objects.filter(email="third@example.org").exists(), "its link expired"
    assert EventRegistration.objects.count() == 2


def test_a_registration_confirmed_the_next_morning_gets_a_place_that_is_still_free(
    client, course, smtp_server
):
    """The place was held for two hours and the registration then deleted: someone who registered in the
    evening and read the mail the next morning found "This link is no longer valid", with places free."""
    client.post(register_url(course, "ru"), form_data(course, email="olga@example.org"))
    (message,) = smtp_server.to("olga@example.org")
    registration = EventRegistration.objects.get()
    expires = timezone.localtime(registration.created_at + datetime.timedelta(days=2))
    with translation.override("ru"):
        expires_text = date_format(expires, "DATETIME_FORMAT")
    assert f"Однако ссылка действует ещё до {expires_text}: вы получите место" in body_of(message)

    EventRegistration.objects.update(
        created_at=timezone.now() - datetime.timedelta(hours=14),
        hold_until=timezone.now() - datetime.timedelta(hours=12),
    )
    release_unconfirmed_registrations()
    confirmed = client.post(link_path(message, "/bestaetigen/")).content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    with translation.override("ru"):
        assert translation.gettext("You are registered.") in confirmed


def test_the_waiting_list_s_mail_promises_no_place(client, course, smtp_server):
    """Told "we keep your place" and "you are on the waiting list" in one mail, a person could not know which."""
    course.capacity = 1
    course.save_revision().publish()
    client.post(register_url(course), form_data(course, email="first@example.org"))
    client.post(register_url(course), form_data(course, email="second@example.org"))
    (placed,) = smtp_server.to("first@example.org")
    (waiting,) = smtp_server.to("second@example.org")
    assert placed["Subject"].strip() == "Bitte bestätigen Sie Ihre Anmeldung: \u2068Elterncafé\u2069"
    assert "halten wir Ihnen den Platz frei" in body_of(placed) and "Warteliste" not in body_of(placed)
    assert (
        waiting["Subject"].strip() == "Warteliste – bitte bestätigen Sie Ihre Adresse: \u2068Elterncafé\u2069"
    )
    text = body_of(waiting)
    assert "halten wir Ihnen den Platz frei" not in text and "jemand anderes Ihren Platz" not in text
    assert "damit Sie Ihren Platz auf der Warteliste behalten" in text
    assert "können Sie sich hier von der Warteliste abmelden" in text


def test_the_withdraw_page_speaks_of_a_waiting_list_only_when_someone_is_on_it(client, course, smtp_server):
    """With 11 of 12 places free, the page to withdraw asked to give the place back "so that someone from
    the waiting list can come": there was no one on it."""
    course.capacity = 1
    course.save_revision().publish()
    client.post(register_url(course), form_data(course, email="first@example.org"))
    withdraw_path = link_path(smtp_server.to("first@example.org")[0], "/anmeldung/").replace(
        "/bestaetigen/", "/"
    )
    page = client.get(withdraw_path).content.decode()
    assert "damit jemand anderes kommen kann" in page and "Warteliste" not in page
    client.post(register_url(course), form_data(course, email="second@example.org"))  # the date is full
    client.post(link_path(smtp_server.to("second@example.org")[0], "/bestaetigen/"))  # and waits, confirmed
    page = client.get(withdraw_path).content.decode()
    assert "damit jemand von der Warteliste kommen kann" in page


def test_the_mail_says_which_office_sent_it_and_how_to_reach_it(client, course, smtp_server):
    """A newcomer's mail came from "noreply" and ended without a name: now the office signs it."""
    office = PortalSettings.for_site(course.get_site())
    office.office_name, office.office_email = "Integrationsbüro Teststadt", "integration@teststadt.example"
    office.office_phone = "05561 100-300"
    office.save()
    arabic = translate(course, "ar", "مقهى الأهل")
    client.post(register_url(arabic, "ar"), form_data(arabic, email="layla@example.org"))
    body = body_of(smtp_server.to("layla@example.org")[0])
    assert body.rstrip().endswith(
        "-- \nIntegrationsbüro Teststadt\nintegration@teststadt.example\n05561 100-300".replace("\n", "\r\n")
    )


def test_the_mail_names_the_organiser_and_how_to_reach_it(client, course, smtp_server):
    """A newcomer with a question about the event had only the office's address: the organiser comes first."""
    course.contact_name, course.contact_phone = "Frau Demir", "05561 200-10"
    course.save_revision().publish()
    organisation = course.organisation
    organisation.email = "kontakt@verein-a.example"
    organisation.save_revision().publish()

    client.post(register_url(course), form_data(course, email="erika@example.org"))

    body = body_of(smtp_server.to("erika@example.org")[0]).replace("\r\n", "\n")
    assert (
        "\nOrganisation: \u2068Verein A\u2069\nKontakt: \u2068Frau Demir\u2069, "
        "\u2066kontakt@verein-a.example\u2069, \u206605561 200-10\u2069\n"
    ) in body


def test_the_arabic_mail_keeps_the_organisers_phone_number_in_order(client, course, smtp_server):
    """ "التواصل: 05561 200-10" read "200-10 05561" in an Arabic mail, and a name and a number were joined with
    a Latin comma: each part is isolated (the phone number left to right), joined with the Arabic comma."""
    course.contact_phone = "05561 200-10"
    course.save_revision().publish()
    arabic = translate(course, "ar", "مقهى الأهل")
    client.post(register_url(arabic, "ar"), form_data(arabic, email="layla@example.org"))
    body = body_of(smtp_server.to("layla@example.org")[0]).replace("\r\n", "\n")
    assert "\nالتواصل: \u206605561 200-10\u2069\n" in body
    arabic.contact_name = "Frau Demir"
    with translation.override("ar"):
        assert listing_contact(arabic).endswith("التواصل: \u2068Frau Demir\u2069، \u206605561 200-10\u2069")


def test_fully_booked_dates_say_so_on_the_event_page(client, course, smtp_server):
    course.capacity = 1
    course.waiting_list = False
    course.save_revision().publish()
    client.post(register_url(course), form_data(course))
    html = client.get(course.url).content.decode()
    assert "Ausgebucht" in html
    refused = client.post(register_url(course), form_data(course, email="late@example.org"))
    assert refused.status_code == 400
    assert EventRegistration.objects.count() == 1


def switcher_link(html: str, language: str) -> str:
    """Where the language switcher's link to ``language`` leads."""
    found = re.search(rf'<a href="([^"]*)" lang="{language}" hreflang="{language}"', html)
    assert found, language
    return unescape(found.group(1))


def test_switching_language_on_the_form_shows_the_form_for_the_event_in_that_language(client, course):
    """On the Persian form, "العربية" leads to the Arabic event's form with the chosen date, and a language
    the event is not translated into to the German event's form under that language's prefix."""
    persian = translate(course, "fa", "کافه والدین")
    arabic = translate(course, "ar", "مقهى الأهل")
    date = course.upcoming_occurrences()[0].key
    persian_form = client.get(f"{register_url(persian, 'fa')}?termin={date}").content.decode()

    to_arabic = switcher_link(persian_form, "ar")
    assert to_arabic == f"{register_url(arabic, 'ar')}?termin={date}"
    arabic_form = client.get(to_arabic).content.decode()
    assert "مقهى الأهل" in arabic_form and "کافه والدین" not in arabic_form
    assert f'value="{date}" checked' in arabic_form or f'value="{date}" selected' in arabic_form

    to_turkish = switcher_link(persian_form, "tr")
    assert to_turkish == f"{register_url(course, 'tr')}?termin={date}"
    turkish_form = client.get(to_turkish).content.decode()
    assert "Elterncafé" in turkish_form and "کافه والدین" not in turkish_form
    assert switcher_link(arabic_form, "fa") == f"{register_url(persian, 'fa')}?termin={date}"


def test_switching_language_after_registering_keeps_to_the_event_in_that_language(client, course):
    persian = translate(course, "fa", "کافه والدین")
    arabic = translate(course, "ar", "مقهى الأهل")
    with translation.override("fa"):
        sent = reverse("events:registration-sent", kwargs={"pk": persian.pk})

    to_arabic = switcher_link(client.get(sent).content.decode(), "ar")
    with translation.override("ar"):
        assert to_arabic == reverse("events:registration-sent", kwargs={"pk": arabic.pk})
    assert f'href="{arabic.url}"' in client.get(to_arabic).content.decode()


def test_a_date_booked_out_meanwhile_does_not_use_up_the_limit(client, organisation_a, course, settings):
    settings.WEGWEISER_PUBLIC_FORM_LIMITS = {"event-registration": 1}
    full = make_event(
        organisation_a,
        title="Nähcafé",
        start=soon(5),
        registration_mode="internal",
        capacity=1,
        waiting_list=False,
    )
    client.post(register_url(full), form_data(full, email="first@example.org"), REMOTE_ADDR="192.0.2.1")

    too_late = client.post(register_url(full), form_data(full), REMOTE_ADDR="192.0.2.2")
    assert too_late.status_code == 400
    assert "Dieser Termin ist ausgebucht" in too_late.content.decode()
    assert client.post(register_url(course), form_data(course), REMOTE_ADDR="192.0.2.2").status_code == 302
    assert EventRegistration.objects.filter(event=course).count() == 1


def test_the_dates_to_choose_from_fit_a_phone_in_every_language(client, course):
    """A choice in a list cannot wrap: a phone showed "пятница, 18 декабря 2026 г., 09:0" of a Russian date.
    The weekday is abbreviated there ("Пт, 18 декабря 2026 г., 09:00"); about 30 characters fit 328 px."""
    for code, _name in settings.LANGUAGES:
        html = client.get(register_url(course, code)).content.decode()
        select = re.search(r'<select name="occurrence".*?</select>', html, re.S).group(0)
        dates = [" ".join(text.split()) for text in re.findall(r"<option[^>]*>([^<]+)</option>", select)]
        assert dates and all(len(text) <= 32 for text in dates), (code, dates)


@pytest.mark.parametrize(
    ("language", "incomplete", "not_confirmed", "not_withdrawn", "not_in_calendar"),
    [
        (
            "de",
            "Dieser Link ist unvollständig",
            "Ihre Anmeldung wurde nicht bestätigt.",
            "Ihre Anmeldung wurde nicht zurückgezogen.",
            "Der Termin wurde nicht in Ihren Kalender eingetragen.",
        ),
        (
            "tr",
            "Bu bağlantı eksik",
            "Kaydınız onaylanmadı.",
            "Kaydınız geri çekilmedi.",
            "Tarih takviminize eklenmedi.",
        ),
    ],
)
def test_a_registration_link_cut_off_by_the_mail_program_says_nothing_happened_in_the_visitor_s_language(
    client, course, smtp_server, language, incomplete, not_confirmed, not_withdrawn, not_in_calendar
):
    """A link with its token cut short (mail programs split long links) got a bare "not found"; alerts,
    sign-ups and data requests answered in the visitor's language. Now it says what did not happen; the
    calendar file of the place ("termin.ics") still answered a bare "not found"."""
    client.post(register_url(course, language), form_data(course))
    [message] = smtp_server.to("amal@example.org")
    confirm_path = link_path(message, "/bestaetigen/")
    withdraw_path = confirm_path.replace("/bestaetigen/", "/")
    calendar_path = withdraw_path + "termin.ics"
    assert confirm_path.startswith(f"/{language}/")
    token = withdraw_path.rstrip("/").split("/")[-1]

    for path, not_done in (
        (confirm_path, not_confirmed),
        (withdraw_path, not_withdrawn),
        (calendar_path, not_in_calendar),
    ):
        cut = path.replace(token, token[:-10])
        for answer in (client.get(cut), client.post(cut)):
            text = answer.content.decode()
            assert answer.status_code == 404
            assert incomplete in text and not_done in text
    registration = EventRegistration.objects.get()
    assert (registration.status, registration.address_confirmed) == (EventRegistration.Status.PENDING, False)
