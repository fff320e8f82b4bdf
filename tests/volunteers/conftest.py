"""Fixtures for volunteering: an opportunity below organisation A, and a real SMTP server on loopback."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale

from wegweiser.site.models import Language
from wegweiser.volunteers.models import Suitability, VolunteerOpportunityPage


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def german_by_default():
    """Each test starts in the default language (a request to /en/ leaves English active in the thread)."""
    with translation.override("de"):
        yield


@pytest.fixture
def languages(home):
    return make_languages()


def make_languages():
    """Arabic and Ukrainian in the default locale, by code."""
    default = Locale.get_default()
    return {
        code: Language.objects.get_or_create(
            slug=code, locale=default, defaults={"name": name, "native_name": native}
        )[0]
        for code, name, native in [("ar", "Arabisch", "العربية"), ("uk", "Ukrainisch", "Українська")]
    }


def make_opportunity(organisation, title="Sprachpatenschaft", slug="sprachpatenschaft", places=2, **fields):
    Suitability.ensure_all()
    defaults = {
        "summary": "Einmal pro Woche Deutsch üben.",
        "tasks": "<p>Gespräche im Alltag</p>",
        "requirements": "<p>Erweitertes Führungszeugnis</p>",
        "commitment": "weekly",
        "contact_email": "kontakt@verein.example",
    }
    defaults.update(fields)
    page = organisation.add_child(
        instance=VolunteerOpportunityPage(title=title, slug=slug, places=places, **defaults)
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def opportunity(organisation_a, languages):
    return make_wanted_opportunity(organisation_a, languages)


def make_wanted_opportunity(organisation, languages):
    """The "Sprachpatenschaft" below ``organisation``: for adults and students, Arabic wanted."""
    page = make_opportunity(organisation)
    page.suitable_for.set(Suitability.objects.filter(slug__in=["adults", "students"]))
    page.languages_wanted.set([languages["ar"]])
    page.save_revision().publish()
    return page


@pytest.fixture
def other_opportunity(organisation_b, languages):
    return make_opportunity(
        organisation_b, title="Fahrradwerkstatt", slug="fahrradwerkstatt", commitment="flexible"
    )


def signup_data(**overrides) -> dict:
    data = {
        "name": "Erika Mustermann",
        "email": "erika@example.org",
        "phone": "0171 2345678",
        "availability": "dienstags nachmittags",
        "message": "Ich spreche etwas Arabisch.",
        "consent": "on",
        "homepage": "",
    }
    data.update(overrides)
    return data
