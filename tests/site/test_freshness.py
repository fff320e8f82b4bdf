"""Stale listings are flagged to their own organisation, and a click on "still valid" clears the flag."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import timezone, translation

from wegweiser.offers.factories import OfferPageFactory
from wegweiser.offers.models import OfferPage


def _old(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def _offers(organisation_a, organisation_b):
    return {
        "stale_a": OfferPageFactory(parent=organisation_a, title="Altes Sprachcafé", last_reviewed=_old(200)),
        "fresh_a": OfferPageFactory(parent=organisation_a, title="Neue Beratung", last_reviewed=_old(10)),
        "stale_b": OfferPageFactory(
            parent=organisation_b, title="Alter Frauentreff", last_reviewed=_old(300)
        ),
        "expired_a": OfferPageFactory(
            parent=organisation_a, title="Abgelaufener Kurs", last_reviewed=_old(400), valid_until=_old(1)
        ),
    }


def stale_panel(html: str) -> str:
    """The dashboard's "still valid?" panel (the partner dashboard lists every own listing elsewhere)."""
    start = html.index('id="stale-listings')
    return html[start : html.index("</section>", start)]


def test_dashboard_shows_only_own_stale_listings(client, organisation_a, organisation_b, editor_a, settings):
    settings.WEGWEISER_STALE_AFTER_DAYS = 180
    _offers(organisation_a, organisation_b)
    client.force_login(editor_a)
    html = stale_panel(client.get("/admin/").content.decode())
    assert "Altes Sprachcafé" in html
    assert "Neue Beratung" not in html
    assert "Alter Frauentreff" not in html
    assert "Abgelaufener Kurs" not in html


def test_stale_time_is_configurable(client, organisation_a, organisation_b, editor_a, settings):
    settings.WEGWEISER_STALE_AFTER_DAYS = 5
    _offers(organisation_a, organisation_b)
    client.force_login(editor_a)
    assert "Neue Beratung" in stale_panel(client.get("/admin/").content.decode())


def test_still_valid_button_clears_the_flag(client, organisation_a, organisation_b, editor_a):
    offers = _offers(organisation_a, organisation_b)
    client.force_login(editor_a)
    response = client.post(f"/admin/listings/{offers['stale_a'].pk}/still-valid/", {"next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert OfferPage.objects.get(pk=offers["stale_a"].pk).last_reviewed == timezone.localdate()
    assert (
        f"/admin/listings/{offers['stale_a'].pk}/still-valid/" not in client.get("/admin/").content.decode()
    )


def test_partner_cannot_confirm_another_organisations_listing(
    client, organisation_a, organisation_b, editor_a
):
    offers = _offers(organisation_a, organisation_b)
    client.force_login(editor_a)
    response = client.post(f"/admin/listings/{offers['stale_b'].pk}/still-valid/")
    assert response.status_code in (302, 403)
    assert OfferPage.objects.get(pk=offers["stale_b"].pk).last_reviewed == _old(300)


def test_still_valid_needs_a_post_and_ignores_foreign_redirects(
    client, organisation_a, organisation_b, editor_a
):
    offers = _offers(organisation_a, organisation_b)
    client.force_login(editor_a)
    url = f"/admin/listings/{offers['stale_a'].pk}/still-valid/"
    assert client.get(url).status_code == 405
    response = client.post(url, {"next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_monthly_mail_goes_to_each_organisations_editors(organisation_a, organisation_b, editor_a, editor_b):
    _offers(organisation_a, organisation_b)
    mail.outbox.clear()
    call_command("notify_stale_listings", stdout=open("/dev/null", "w"))  # noqa: SIM115
    by_recipient = {tuple(message.to): message for message in mail.outbox}
    assert set(by_recipient) == {(editor_a.email,), (editor_b.email,)}
    to_a = by_recipient[(editor_a.email,)]
    # one stale listing is "1 Eintrag", not "1 Einträge"
    assert to_a.subject == "Verein A: Bitte prüfen Sie 1 Eintrag im Portal"
    assert "ein Eintrag von Verein A wurde seit mehr als" in to_a.body
    assert "Stimmt er noch?" in to_a.body
    assert "Altes Sprachcafé" in to_a.body
    assert "Alter Frauentreff" not in to_a.body and "Neue Beratung" not in to_a.body
    assert f"/admin/pages/{OfferPage.objects.get(title='Altes Sprachcafé').pk}/edit/" in to_a.body


@pytest.mark.parametrize(
    ("language", "count", "said"),
    [
        ("de", 3, "3 Einträge von Verein A wurden seit mehr als"),
        ("ru", 2, "2 записи организации Verein A не проверялись"),
        ("ru", 5, "5 записей организации Verein A не проверялись"),
        ("uk", 21, "21 запис організації Verein A не перевірявся"),
        ("ar", 2, "إعلانان من إعلانات Verein A"),
    ],
)
def test_the_reminder_counts_the_listings_in_each_language(language, count, said, organisation_a):
    listings = [
        (OfferPage(title=f"Kurs {n}", last_reviewed=datetime.date(2026, 1, 5)), "/edit/")
        for n in range(count)
    ]
    context = {
        "organisation": organisation_a,
        "listings": listings,
        "dashboard_url": "/",
        "stale_after_days": 183,
    }
    with translation.override(language):
        body = render_to_string("core/mail/stale_listings.txt", context)
    assert said in body
