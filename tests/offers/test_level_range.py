"""A course's level is a range: "Integrationskurs A1 bis B1" is found under A1, A2 and B1, everywhere."""

from __future__ import annotations

import json
import re

import pytest
from django.utils import translation

from tests.offers.admin_forms import offer_form_data
from tests.search.conftest import elasticsearch_settings, es_url  # noqa: F401 - fixtures
from wegweiser.offers.factories import OfferPageFactory
from wegweiser.offers.models import OfferPage


@pytest.fixture
def courses(organisation_a):
    return {
        "integration": OfferPageFactory(
            parent=organisation_a,
            title="Integrationskurs mit Kinderbetreuung",
            kind=OfferPage.Kind.COURSE,
            level_from=OfferPage.Level.A1,
            level_to=OfferPage.Level.B1,
        ),
        "job": OfferPageFactory(
            parent=organisation_a,
            title="Berufssprachkurs B2",
            kind=OfferPage.Kind.COURSE,
            level_from=OfferPage.Level.B2,
        ),
        "alpha": OfferPageFactory(
            parent=organisation_a,
            title="Alphabetisierungskurs",
            kind=OfferPage.Kind.COURSE,
            level_from=OfferPage.Level.ALPHA,
            level_to=OfferPage.Level.A1,
        ),
    }


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def backend(request, courses):
    from wegweiser.search.backends import get_backend

    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch_settings")
        from wegweiser.search.es.indexes import rebuild

        rebuild()
    return get_backend(request.param)


def _search(backend, params: dict):
    from wegweiser.search.query import SearchQuery
    from wegweiser.site.registry import listing_types

    types = listing_types()
    query, messages = SearchQuery.from_querydict(
        {"type": ["offer"], **params}, locale="de", available_types=types, district_centres={}
    )
    assert messages == [], messages
    return backend.search(query, types)


def test_a_course_from_a1_to_b1_is_found_under_every_level_it_covers_on_every_backend(backend, courses):
    titles = {
        level: {hit.page.title for hit in _search(backend, {"level": [level]}).hits}
        for level in ("alpha", "a1", "a2", "b1", "b2", "c1")
    }
    assert titles == {
        "alpha": {"Alphabetisierungskurs"},
        "a1": {"Integrationskurs mit Kinderbetreuung", "Alphabetisierungskurs"},
        "a2": {"Integrationskurs mit Kinderbetreuung"},
        "b1": {"Integrationskurs mit Kinderbetreuung"},
        "b2": {"Berufssprachkurs B2"},
        "c1": set(),
    }
    counts = {value: count for value, _label, count in _search(backend, {}).facets["level"]}
    assert counts == {"alpha": 1, "a1": 2, "a2": 1, "b1": 1, "b2": 1, "c1": 0, "c2": 0}


def test_the_offers_finder_page_lists_an_a1_to_b1_course_under_a2(client, finder, courses):
    response = client.get(f"{finder.url}?level=a2")
    assert [listing.title for listing in response.context["listings"]] == [
        "Integrationskurs mit Kinderbetreuung"
    ]
    assert "Niveau: <bdi>A1</bdi> – <bdi>B1</bdi>" in response.content.decode()


def test_one_level_alone_is_the_whole_range(courses):
    job = courses["job"]
    assert (job.level_from, job.level_to, job.levels) == ("b2", "b2", ["b2"])
    assert courses["integration"].levels == ["a1", "a2", "b1"]


def test_course_page_shows_the_range_in_german(client, courses):
    html = client.get(courses["integration"].url).content.decode()
    assert '<li class="offer__level">Niveau: <bdi>A1</bdi> – <bdi>B1</bdi></li>' in html


def test_course_page_shows_the_range_in_arabic(client, courses):
    arabic_url = courses["alpha"].url.replace("/de/", "/ar/", 1)
    html = client.get(arabic_url).content.decode()
    assert '<li class="offer__level">المستوى: <bdi>محو الأمية (Alpha)</bdi> – <bdi>A1</bdi></li>' in html


def test_json_ld_names_the_range_as_the_educational_level(client, courses):
    html = client.get(courses["integration"].url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["educationalLevel"] == "A1 – B1"


def test_level_to_below_level_from_is_a_clear_message_in_the_editor(client, organisation_a, editor_a):
    client.force_login(editor_a)
    response = client.post(
        f"/admin/pages/add/offers/offerpage/{organisation_a.pk}/",
        offer_form_data(
            title="Integrationskurs", slug="integrationskurs", kind="course", level_from="b1", level_to="a1"
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["level_to"]
    with translation.override("de"):
        assert "darf nicht unter dem Niveau liegen, mit dem er beginnt (B1)" in errors["level_to"][0]
    assert not OfferPage.objects.filter(slug="integrationskurs").exists()


def test_the_editor_labels_the_two_levels_in_german(client, organisation_a, editor_a):
    client.force_login(editor_a)
    html = client.get(f"/admin/pages/add/offers/offerpage/{organisation_a.pk}/").content.decode()
    assert "Kursniveau von" in html and "Kursniveau bis" in html


def test_a_level_is_only_for_courses(organisation_a):
    from django.core.exceptions import ValidationError

    offer = OfferPage(title="Beratung", summary="x", kind=OfferPage.Kind.COUNSELLING, level_to="a1")
    with pytest.raises(ValidationError) as raised:
        offer.clean()
    assert list(raised.value.message_dict) == ["level_from"]
