"""Abuse and bad input on the public sign-up form: clear messages, nothing stored, nothing leaked."""

from __future__ import annotations

import pickle
import re
from html import unescape

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page

from tests.volunteers.conftest import signup_data
from wegweiser.plugin_api.testing import body_of, link_path
from wegweiser.site.models import OutgoingMail
from wegweiser.volunteers.models import VolunteerApplication

pytestmark = pytest.mark.django_db


def post(client, opportunity, **overrides):
    return client.post(reverse("volunteers:signup", args=[opportunity.pk]), signup_data(**overrides))


@pytest.mark.parametrize(
    ("field", "value", "message_de"),
    [
        ("email", "erika-at-example", "gültige E-Mail-Adresse"),
        ("name", "x" * 121, "höchstens 120 Zeichen"),
        ("message", "y" * 2001, "höchstens 2000 Zeichen"),
        ("message", "Hallo <script>alert(1)</script>", "ohne HTML"),
        ("name", "<b>Erika</b>", "ohne HTML"),
        ("availability", '<img src=x onerror="alert(1)">', "ohne HTML"),
        ("phone", "call me maybe", "Telefonnummer"),
        ("consent", "", "Bitte stimmen Sie zu"),
        (
            "name",
            "",
            "Bitte geben Sie Ihren Namen ein.",
        ),  # not Django's "Dieses Feld muss ausgefüllt werden."
    ],
)
def test_bad_input_gets_a_clear_german_message_and_stores_nothing(
    client, opportunity, field, value, message_de
):
    with translation.override("de"):
        response = post(client, opportunity, **{field: value})
    assert response.status_code == 400
    content = response.content.decode()
    assert message_de in content
    assert "Es wurde nichts gespeichert." in content
    assert VolunteerApplication.objects.count() == 0
    assert OutgoingMail.objects.count() == 0


def test_error_messages_follow_the_visitors_language(client, opportunity, english):
    url = reverse("volunteers:signup", args=[opportunity.pk]).replace("/de/", "/en/")
    response = client.post(url, signup_data(email="nope"))
    assert response.status_code == 400
    assert "Please enter a valid email address" in response.content.decode()


@pytest.mark.parametrize(
    ("days", "language", "months"),
    [
        (183, "ar", "بعد 6 أشهر"),
        (365, "ar", "بعد 12 شهرًا"),
        (30, "ar", "بعد شهر واحد"),
        (183, "uk", "6 місяців"),
    ],
)
def test_the_consent_counts_the_months_as_the_language_does(
    client, opportunity, settings, days, language, months
):
    """The consent named "6 شهر" (six month) in Arabic: the number now takes the language's plural."""
    settings.WEGWEISER_VOLUNTEER_RETENTION_DAYS = days
    url = reverse("volunteers:signup", args=[opportunity.pk]).replace("/de/", f"/{language}/")
    response = client.post(url, signup_data(email="nope"))
    assert response.status_code == 400
    assert months in response.content.decode()


def test_honeypot_pretends_success_but_stores_and_sends_nothing(client, opportunity, mailoutbox):
    response = post(client, opportunity, homepage="http://spam.example")
    assert response.status_code == 302
    assert VolunteerApplication.objects.count() == 0
    assert OutgoingMail.objects.count() == 0
    assert mailoutbox == []


def test_rate_limit_per_address_stops_floods(client, opportunity, settings, mailoutbox):
    settings.WEGWEISER_PUBLIC_FORM_LIMITS = {"volunteer-signup": 3}
    for _send in range(3):
        assert post(client, opportunity, email="p1@example.org").status_code == 302
    response = post(client, opportunity, email="P1@example.org")
    assert response.status_code == 429
    assert "Dieses Formular wurde in der letzten Stunde zu oft gesendet." in response.content.decode()
    # Another address is not affected, on the same connection or another one.
    assert post(client, opportunity, email="p2@example.org").status_code == 302
    other = client.post(
        reverse("volunteers:signup", args=[opportunity.pk]),
        signup_data(email="p5@example.org"),
        REMOTE_ADDR="10.1.2.3",
    )
    assert other.status_code == 302


def test_rate_limit_keeps_no_ip_address_in_the_cache(client, opportunity):
    client.post(
        reverse("volunteers:signup", args=[opportunity.pk]), signup_data(), REMOTE_ADDR="203.0.113.77"
    )
    assert all("203.0.113.77" not in key for key in cache._cache)


def test_no_personal_data_in_the_cache_or_the_search_index(client, opportunity, mailoutbox):
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    post(client, opportunity, name="Zoraida Quixotesca", email="zoraida@example.org")
    client.get(opportunity.url)
    for key, value in cache._cache.items():
        raw = key + repr(pickle.loads(value))
        assert "Zoraida" not in raw and "zoraida@example.org" not in raw
    results = get_search_backend().search("Zoraida", Page)
    assert list(results) == []
    assert not IndexEntry.objects.filter(title__icontains="Zoraida").exists()


def test_sign_up_pages_are_never_cached(client, opportunity, mailoutbox):
    responses = [
        post(client, opportunity, email="bad"),
        client.get(reverse("volunteers:signup_done", args=[opportunity.pk])),
        client.get(reverse("volunteers:confirm", args=["bogus"])),
        client.get(reverse("volunteers:withdraw", args=["bogus"])),
        client.get(reverse("data_requests:request")),
        client.get(reverse("data_requests:confirm", args=["bogus"])),
    ]
    for response in responses:
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]


def test_sign_up_sets_no_cookie_for_anonymous_visitors(client, opportunity, mailoutbox):
    page = client.get(opportunity.url)
    response = post(client, opportunity)
    assert not page.cookies and not response.cookies


def test_expired_or_unpublished_opportunities_take_no_sign_ups(client, opportunity, mailoutbox):
    import datetime

    opportunity.valid_until = datetime.date(2020, 1, 1)
    opportunity.save_revision().publish()
    assert post(client, opportunity).status_code == 404
    opportunity.valid_until = None
    opportunity.save_revision().publish()
    opportunity.unpublish()
    assert post(client, opportunity).status_code == 404
    assert VolunteerApplication.objects.count() == 0


def test_the_sign_up_address_opened_again_leads_to_the_form_in_the_visitor_s_language(client, opportunity):
    """A form sent with a mistake ends at its own address; a phone restoring the tab opens it again with GET,
    which was "HTTP ERROR 405" in the browser's own English. It leads to the form on the opportunity's page."""
    persian = _translate(opportunity, "fa", "همراهی زبانی")
    with translation.override("fa"):
        url = reverse("volunteers:signup", args=[persian.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{persian.url}#signup"
    assert 'id="signup"' in client.get(response["Location"]).content.decode()
    assert client.put(url).status_code == 405
    assert VolunteerApplication.objects.count() == 0


def test_switching_language_around_the_sign_up_keeps_to_the_opportunity_in_that_language(client, opportunity):
    """After a Persian sign-up (or a Persian form with a mistake), "العربية" leads to the Arabic opportunity."""
    persian, arabic = (
        _translate(opportunity, code, title)
        for code, title in (("fa", "همراهی زبانی"), ("ar", "مرافقة لغوية"))
    )
    with translation.override("fa"):
        mistake = client.post(reverse("volunteers:signup", args=[persian.pk]), signup_data(email="bad"))
        done = client.get(reverse("volunteers:signup_done", args=[persian.pk]))
    with translation.override("ar"):
        arabic_done = reverse("volunteers:signup_done", args=[arabic.pk])

    assert _switcher_link(mistake.content.decode(), "ar") == arabic.url
    assert _switcher_link(done.content.decode(), "ar") == arabic_done
    assert f'href="{arabic.url}"' in client.get(arabic_done).content.decode()


def _translate(page, language: str, title: str):
    translated = page.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
    for ancestor in translated.get_ancestors().filter(depth__gt=1, alias_of__isnull=True).specific():
        ancestor.save_revision().publish()
    translated.title = title
    translated.save_revision().publish()
    return translated


def _switcher_link(html: str, language: str) -> str:
    found = re.search(rf'<a href="([^"]*)" lang="{language}" hreflang="{language}"', html)
    assert found, language
    return unescape(found.group(1))


def test_a_phone_number_typed_with_arabic_or_persian_digits_is_taken_as_it_is_dialled(client, opportunity):
    """An Arabic keyboard types "٠١٧١ ٢٣٤٥٦٧٨": it was refused as "not digits only"; the organisation gets
    the number it can dial."""
    url = reverse("volunteers:signup", args=[opportunity.pk]).replace("/de/", "/ar/")
    client.post(url, signup_data(phone="٠١٧١ ٢٣٤٥٦٧٨", email="amal@example.org"))
    client.post(url, signup_data(phone="۰۱۷۱ ۲۳۴۵۶۷۸", email="reza@example.org"))
    assert sorted(VolunteerApplication.objects.values_list("phone", flat=True)) == ["0171 2345678"] * 2


def test_the_phone_number_runs_left_to_right_on_an_arabic_page(client, opportunity):
    """In Arabic the example in the message read "2345678 0171", and so did the number typed in the field."""
    url = reverse("volunteers:signup", args=[opportunity.pk]).replace("/de/", "/ar/")
    content = unescape(client.post(url, signup_data(phone="اتصل بي")).content.decode())
    assert "مثلًا \u20660171 2345678\u2069." in content
    (field,) = re.findall(r'<input[^>]*name="phone"[^>]*>', content)
    assert 'type="tel"' in field and 'dir="ltr"' in field and 'autocomplete="tel"' in field


def test_the_consent_keeps_the_organisations_name_in_its_own_direction_on_an_arabic_page(client, opportunity):
    """In "أوافق على أن تحفظ Caritasverband Neustadt e.V. ومكتب الاندماج" the name's full stop jumped to its
    front (".Neustadt e.V"); the name is isolated in the label and in the consent stored with the sign-up."""
    url = reverse("volunteers:signup", args=[opportunity.pk]).replace("/de/", "/ar/")
    content = unescape(client.post(url, signup_data(consent="")).content.decode())
    assert "أوافق على أن تحفظ \u2068Verein A\u2069 ومكتب الاندماج" in content
    client.post(url, signup_data())
    assert "\u2068Verein A\u2069" in VolunteerApplication.objects.get().consent_text


def test_the_organisation_hears_of_a_sign_up_on_the_english_page_under_the_german_title(
    client, opportunity, smtp_server
):
    """The German mail to the organisation said "Neue Ehrenamts-Anmeldung: Interpreting Arabic": the title of
    the page the volunteer signed up on, which the organisation's editors do not know by that name."""
    english = _translate(opportunity, "en", "Interpreting Arabic")
    client.post(reverse("volunteers:signup", args=[english.pk]).replace("/de/", "/en/"), signup_data())
    [confirmation] = smtp_server.to("erika@example.org")
    assert "Interpreting Arabic" in confirmation["Subject"]  # the volunteer's own language
    client.post(link_path(confirmation, "/ehrenamt/bestaetigen/"))

    [notice] = smtp_server.to("kontakt@verein.example")
    assert notice["Subject"].strip() == f"Neue Ehrenamts-Anmeldung: {opportunity.title}"
    assert opportunity.title in body_of(notice) and "Interpreting" not in body_of(notice)
