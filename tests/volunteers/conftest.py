"""Fixtures for volunteering: an opportunity below organisation A, and a real SMTP server on loopback."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale

from wegweiser.plugin_api.testing import (
    PASSWORD,
    make_organisation,
    make_organisation_index,
    make_portal,
    make_user,
    module_world,
)
from wegweiser.site.models import Language, ListingIndexPage
from wegweiser.volunteers.models import Suitability, VolunteerApplication, VolunteerOpportunityPage


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


@pytest.fixture(scope="module", autouse=True)
def world(request):
    """A module marked ``built_once(*parts)`` shares one :func:`build_world`; its tests read it again through
    the fixtures below, which in the other modules build their own rows for each test."""
    yield from module_world(request, build_world)


def build_world(*parts: str) -> dict:
    """The portal, partners A and B and the wanted languages, with ``parts``: "finder" (the volunteering
    finder), "people" (A's and B's editors, the office, the office with the personal-data permission, an
    administrator), "sign_up" (the opportunity below A and a confirmed sign-up for it); as primary keys."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    from wegweiser.site.models.pages import office_group_name

    home = make_portal()
    index = make_organisation_index(home)
    pages = {
        "organisation_index": index,
        "organisation_a": make_organisation(index, "Verein A", "verein-a"),
        "organisation_b": make_organisation(index, "Verein B", "verein-b"),
    }
    languages = make_languages()
    users, applications = {}, {}
    if "finder" in parts:
        pages["finder"] = make_finder(home)
    if "people" in parts:
        office_user = make_user("office", Group.objects.get(name=office_group_name()))
        privileged_office = make_user("office-privacy", *office_user.groups.all())
        privileged_office.user_permissions.add(Permission.objects.get(codename="view_personal_data"))
        users = {
            "editor_a": make_user("editor-a", pages["organisation_a"].editors_group),
            "editor_b": make_user("editor-b", pages["organisation_b"].editors_group),
            "office_user": office_user,
            "privileged_office": privileged_office,
            "admin_user": get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD),
        }
    if "sign_up" in parts:
        pages["opportunity"] = make_wanted_opportunity(pages["organisation_a"], languages)
        applications["application"] = VolunteerApplication.objects.create(
            opportunity=pages["opportunity"],
            name="Erika Mustermann",
            email="erika@example.org",
            phone="0171 2345678",
            consent_text="Einwilligung",
            consent_version="1",
            status="confirmed",
        )
    return {
        name: {key: row.pk for key, row in rows.items()}
        for name, rows in [
            ("pages", pages),
            ("users", users),
            ("languages", languages),
            ("sign_ups", applications),
        ]
    }


def read_world(ids: dict, name: str):
    """The instances of :func:`build_world`'s ``name`` read again for a test."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    if name == "languages":
        return {code: Language.objects.get(pk=pk) for code, pk in ids["languages"].items()}
    if name in ids["users"]:
        return get_user_model().objects.get(pk=ids["users"][name])
    if name in ids["sign_ups"]:
        return VolunteerApplication.objects.get(pk=ids["sign_ups"][name])
    return Page.objects.get(pk=ids["pages"][name]).specific


def in_world(world, name: str) -> bool:
    return bool(world) and any(name in rows for rows in world.values())


@pytest.fixture
def organisation_index(world, request):
    if in_world(world, "organisation_index"):
        return read_world(world, "organisation_index")
    return make_organisation_index(request.getfixturevalue("home"))


@pytest.fixture
def organisation_a(world, request):
    if in_world(world, "organisation_a"):
        return read_world(world, "organisation_a")
    return make_organisation(request.getfixturevalue("organisation_index"), "Verein A", "verein-a")


@pytest.fixture
def organisation_b(world, request):
    if in_world(world, "organisation_b"):
        return read_world(world, "organisation_b")
    return make_organisation(request.getfixturevalue("organisation_index"), "Verein B", "verein-b")


@pytest.fixture
def editor_a(world, request):
    if in_world(world, "editor_a"):
        return read_world(world, "editor_a")
    return make_user("editor-a", request.getfixturevalue("organisation_a").editors_group)


@pytest.fixture
def editor_b(world, request):
    if in_world(world, "editor_b"):
        return read_world(world, "editor_b")
    return make_user("editor-b", request.getfixturevalue("organisation_b").editors_group)


@pytest.fixture
def office_user(world, request):
    from django.contrib.auth.models import Group

    from wegweiser.site.models.pages import office_group_name

    if in_world(world, "office_user"):
        return read_world(world, "office_user")
    request.getfixturevalue("home")
    return make_user("office", Group.objects.get(name=office_group_name()))


@pytest.fixture
def admin_user(world, db):
    from django.contrib.auth import get_user_model

    if in_world(world, "admin_user"):
        return read_world(world, "admin_user")
    return get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)


@pytest.fixture
def languages(world, request):
    if world:
        return read_world(world, "languages")
    request.getfixturevalue("home")
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
def opportunity(world, organisation_a, languages):
    if in_world(world, "opportunity"):
        return read_world(world, "opportunity")
    return make_wanted_opportunity(organisation_a, languages)


@pytest.fixture
def finder(world, request):
    if in_world(world, "finder"):
        return read_world(world, "finder")
    return make_finder(request.getfixturevalue("home"))


def make_finder(home):
    """The volunteering finder below ``home``."""
    finder = home.add_child(
        instance=ListingIndexPage(title="Ehrenamt", slug="ehrenamt-finden", listing_type="volunteer")
    )
    finder.save_revision().publish()
    return finder


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
