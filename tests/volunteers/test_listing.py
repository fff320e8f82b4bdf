"""Volunteer opportunities as a listing type: registry, finder facets, page, demo content."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from wegweiser.site.registry import listing_types
from wegweiser.volunteers.models import Suitability, VolunteerOpportunityPage

pytestmark = [pytest.mark.django_db, pytest.mark.built_once("finder", "people")]


def test_volunteer_listing_type_is_registered_with_its_facets():
    listing_type = listing_types()["volunteer"]
    assert listing_type.model is VolunteerOpportunityPage
    names = [facet.name for facet in listing_type.all_facets()]
    assert {"commitment", "suitable_for", "languages_wanted", "topic", "district"} <= set(names)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("commitment=weekly", {"Sprachpatenschaft"}),
        ("commitment=flexible", {"Fahrradwerkstatt"}),
        ("suitable_for=students", {"Sprachpatenschaft"}),
        ("languages_wanted=ar", {"Sprachpatenschaft"}),
        ("", {"Sprachpatenschaft", "Fahrradwerkstatt"}),
    ],
)
def test_finder_filters_by_commitment_suitability_and_languages(
    client, finder, opportunity, other_opportunity, query, expected
):
    content = client.get(finder.url + "?" + query).content.decode()
    shown = {title for title in ("Sprachpatenschaft", "Fahrradwerkstatt") if title in content}
    assert shown == expected


def test_opportunity_page_shows_tasks_requirements_and_places_free(client, opportunity):
    content = client.get(opportunity.url).content.decode()
    assert "Gespräche im Alltag" in content
    assert "Erweitertes Führungszeugnis" in content
    assert "2 Plätze sind noch frei." in content
    assert "wöchentlich" in content
    assert 'name="homepage"' in content  # the honeypot
    assert "Verein A" in content  # the consent names the organisation


def test_the_languages_wanted_are_named_in_the_visitor_s_language_as_in_the_filters(client, opportunity):
    """The page wrote each in its own script ("İstenen diller: العربية, Türkçe") while the filter beside
    said "Arapça": a reader of the page could not tell which language was meant."""
    content = client.get(opportunity.url).content.decode()
    wanted = content.split("Gesuchte Sprachen:")[1].split("</p>")[0]
    assert wanted.strip() == "Arabisch"


def test_accepted_volunteers_in_any_language_fill_the_places(opportunity):
    from wegweiser.volunteers.models import VolunteerApplication

    VolunteerApplication.objects.create(
        opportunity=opportunity,
        name="A",
        email="a@example.org",
        consent_text="x",
        consent_version="1",
        status="accepted",
    )
    assert opportunity.places_free == 1
    assert not opportunity.has_waiting_list


def test_expired_opportunity_leaves_the_finder(client, finder, opportunity):
    opportunity.valid_until = timezone.localdate() - datetime.timedelta(days=1)
    opportunity.save_revision().publish()
    assert "Sprachpatenschaft" not in client.get(finder.url).content.decode()
    assert client.get(opportunity.url).status_code == 404


EMPTY_RICH_TEXT = '{"blocks": [], "entityMap": {}}'


def test_partner_editor_can_create_an_opportunity_in_the_admin(client, editor_a, organisation_a, languages):
    from django.urls import reverse

    Suitability.ensure_all()
    client.force_login(editor_a)
    url = reverse(
        "wagtailadmin_pages:add", args=["volunteers", "volunteeropportunitypage", organisation_a.pk]
    )
    form = client.get(url)
    assert form.status_code == 200
    assert "Lesepatin" not in form.content.decode()
    adults = Suitability.objects.get(slug="adults")
    response = client.post(
        url,
        {
            "title": "Lesepatin",
            "slug": "lesepatin",
            "summary": "Vorlesen für Kinder.",
            "tasks": '{"blocks": [{"key": "a", "text": "Vorlesen", "type": "unstyled", "depth": 0, '
            '"inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
            "requirements": EMPTY_RICH_TEXT,
            "commitment": "weekly",
            "places": "3",
            "time_note": "",
            "suitable_for": [adults.pk],
            "languages_wanted": [languages["uk"].pk],
            "body-count": "0",
            "cost": "free",
            "registration": EMPTY_RICH_TEXT,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = VolunteerOpportunityPage.objects.get(slug="lesepatin")
    assert page.organisation_id == organisation_a.pk
    assert list(page.suitable_for.all()) == [adults]


def test_the_partner_s_form_for_an_opportunity_asks_no_cost_and_no_link_to_another_sign_up(
    client, organisation_a, editor_a
):
    """Volunteers pay nothing and sign up on the portal: the form asked a required "Kosten" with "what
    participants pay, e.g. 120" and a "Link zur Anmeldung", and named a section and a field alike."""
    client.force_login(editor_a)
    html = client.get(
        f"/admin/pages/add/volunteers/volunteeropportunitypage/{organisation_a.pk}/"
    ).content.decode()
    for field in ("tasks", "contact_email", "topics"):
        assert f'id="id_{field}"' in html, field
    for field in ("cost", "cost_amount", "cost_paid_by", "registration_url"):
        assert f'id="id_{field}"' not in html, field
    assert "Wen Sie suchen" in html
