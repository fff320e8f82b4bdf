"""The public offer page: what a newcomer needs to take part, and valid structured data."""

from __future__ import annotations

import datetime
import json
import re

from django.utils import timezone

from wegweiser.offers.factories import CourseDateFactory, OfferPageFactory
from wegweiser.offers.models import OfferPage


def _json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "the offer page carries no JSON-LD"
    return json.loads(match.group(1))


def test_course_page_shows_how_to_take_part_dates_hours_place_contact_and_languages(
    client, organisation_a, terms
):
    today = timezone.localdate()
    offer = OfferPageFactory(
        parent=organisation_a,
        title="Integrationskurs mit Kinderbetreuung",
        kind=OfferPage.Kind.COURSE,
        level_from=OfferPage.Level.B1,
        childcare=True,
        registration="<p>Bitte Pass und Berechtigungsschein mitbringen.</p>",
        opening_hours="Mo–Do 9–12 Uhr",
        by_appointment_only=True,
        street="Hafenstraße 3",
        postcode="34567",
        city="Neustadt",
        latitude=51.3,
        longitude=9.48,
        contact_name="Frau Yılmaz",
        contact_email="kurs@example.org",
        terms={"languages": [terms["language"]["ar"], terms["language"]["de"]]},
    )
    CourseDateFactory(page=offer, start_date=today + datetime.timedelta(days=10), seats_free=3)
    CourseDateFactory(page=offer, start_date=today + datetime.timedelta(days=40), seats_free=0)
    CourseDateFactory(
        page=offer,
        start_date=today - datetime.timedelta(days=200),
        end_date=today - datetime.timedelta(days=100),
    )

    response = client.get(offer.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte Pass und Berechtigungsschein mitbringen." in html
    assert "3 Plätze frei" in html
    assert "course-date--full" in html
    assert html.count('<li class="course-date') == 2  # the past run is not shown
    assert "Mo–Do 9–12 Uhr" in html
    assert "course-dates" in html
    assert "Hafenstraße 3" in html
    assert 'href="geo:51.300000,9.480000"' in html  # directions in the phone's maps app
    assert "Frau Yılmaz" in html
    assert "Arabisch" in html
    assert "data-print" in html
    data = _json_ld(html)
    assert data["@type"] == "Course"
    assert data["provider"]["name"] == "Verein A"
    assert data["inLanguage"] == ["ar", "de"] or sorted(data["inLanguage"]) == ["ar", "de"]
    assert data["location"]["address"]["streetAddress"] == "Hafenstraße 3"
    assert len(data["hasCourseInstance"]) == 2
    assert data["offers"]["@type"] == "Offer"


def test_a_course_without_dates_or_contact_person_names_the_organisation_s_ways_to_ask(
    client, organisation_a
):
    """ "No dates are planned at the moment. Please ask the contact person." and no contact person: the
    drop-in café for mothers was a dead end in Persian and Arabic."""
    organisation_a.email = "info@verein-a.example"
    organisation_a.phone = "05561 1234"
    organisation_a.save_revision().publish()
    offer = OfferPageFactory(parent=organisation_a, title="Sprachcafé für Mütter", kind=OfferPage.Kind.COURSE)
    html = client.get(offer.url).content.decode()
    assert "Zurzeit sind keine Termine geplant." in html
    contact = re.search(r'<section aria-labelledby="contact-heading">(.*?)</section>', html, re.S).group(1)
    assert "Verein A" in contact and "mailto:info@verein-a.example" in contact and "tel:" in contact
    offer.contact_name = "Frau Yılmaz"  # a contact person of its own comes instead
    offer.save_revision().publish()
    contact = re.search(
        r'<section aria-labelledby="contact-heading">(.*?)</section>',
        client.get(offer.url).content.decode(),
        re.S,
    ).group(1)
    assert "Frau Yılmaz" in contact and "info@verein-a.example" not in contact


def test_counselling_is_described_as_a_service_and_by_appointment(client, organisation_a):
    offer = OfferPageFactory(
        parent=organisation_a,
        title="Migrationsberatung",
        kind=OfferPage.Kind.COUNSELLING,
        by_appointment_only=True,
    )
    html = client.get(offer.url).content.decode()
    assert "Nur nach Vereinbarung" in html
    data = _json_ld(html)
    assert data["@type"] == "Service"
    assert data["provider"]["name"] == "Verein A"


def test_json_ld_stays_valid_when_the_title_tries_to_break_out_of_the_script(client, organisation_a):
    title = 'Kurs </script><script>alert("x")</script> & "Mehr"'
    offer = OfferPageFactory(parent=organisation_a, title=title)
    html = client.get(offer.url).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert _json_ld(html)["name"] == title


def test_map_tiles_load_only_from_a_configured_server(client, organisation_a, settings):
    offer = OfferPageFactory(
        parent=organisation_a, street="Markt 1", city="Neustadt", latitude=51.3, longitude=9.4
    )
    html = client.get(offer.url).content.decode()
    assert "leaflet.js" not in html and "data-tiles" not in html
    assert "Markt 1" in html


def test_expired_offer_is_gone_for_visitors(client, organisation_a):
    offer = OfferPageFactory(
        parent=organisation_a, valid_until=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert client.get(offer.url).status_code == 404


def test_level_is_only_for_courses(organisation_a):
    import pytest
    from django.core.exceptions import ValidationError

    offer = OfferPage(title="Beratung", summary="x", kind=OfferPage.Kind.COUNSELLING, level_from="a1")
    with pytest.raises(ValidationError):
        offer.clean()


def test_map_shows_tiles_from_the_configured_tile_server(client, organisation_a, settings):
    settings.WEGWEISER_MAP_TILE_URL = "https://tiles.neustadt.example/{z}/{x}/{y}.png"
    offer = OfferPageFactory(
        parent=organisation_a, street="Markt 1", city="Neustadt", latitude=51.3, longitude=9.4
    )
    html = client.get(offer.url).content.decode()
    assert 'data-tiles="https://tiles.neustadt.example/{z}/{x}/{y}.png"' in html
    assert "vendor/leaflet/leaflet.js" in html
