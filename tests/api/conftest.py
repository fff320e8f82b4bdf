"""A town with taxonomies, two partners and the test-only counselling-hour listing type registered."""

from __future__ import annotations

import datetime
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from wagtail import hooks
from wagtail.models import Locale

from tests.api.counselling import CounsellingHourPage, counselling_listing_type
from wegweiser.plugin_api.testing import built_once, make_organisation, make_organisation_index
from wegweiser.site.demo import load_taxonomies
from wegweiser.site.models import District, Language, OrganisationPage, TargetGroup, Topic
from wegweiser.site.organisations import OrganisationKind
from wegweiser.site.registry import HOOK_NAME, listing_types
from wegweiser.site.setup import ensure_portal

API = "/api/v1"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters and cached term labels must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@contextmanager
def counselling_registered():
    """The test-only counselling-hour listing type, registered while the block runs (once: inside a
    module world that registered it already, the block adds nothing)."""
    registered = listing_types().get("counselling-hour")
    if registered is not None:
        yield registered
        return
    listing_type = counselling_listing_type()
    with hooks.register_temporarily(HOOK_NAME, lambda: listing_type):
        yield listing_type


@pytest.fixture
def counselling_type():
    with counselling_registered() as listing_type:
        yield listing_type


def _caritas(index):
    district = District.objects.get(slug="nordstadt", locale=Locale.get_default())
    return make_organisation(
        index,
        "Caritas Teststadt",
        "caritas",
        kind=OrganisationKind.WELFARE_ASSOCIATION,
        street="Domplatz 1",
        postcode="12345",
        city="Teststadt",
        district=district,
        latitude=52.52,
        longitude=13.40,
        email="info@caritas.example",
    )


def _frauentreff(index):
    return make_organisation(
        index,
        "Frauentreff International",
        "frauentreff",
        kind=OrganisationKind.MIGRANT_ORGANISATION,
    )


@pytest.fixture(scope="module")
def partner_pks(django_db_setup, django_db_blocker) -> dict[str, int]:
    """The town (portal, taxonomies in every language) and its two partners, built once for a test module
    through the ORM: each test runs in a savepoint on top of it and changes nothing for the next."""

    def build():
        home = ensure_portal(home_title="Willkommen in Teststadt")
        load_taxonomies(Locale.get_default(), Locale.objects.get_or_create(language_code="en")[0])
        index = make_organisation_index(home)
        return {"caritas": _caritas(index).pk, "frauentreff": _frauentreff(index).pk}

    with built_once(django_db_blocker, build) as pks:
        yield pks


@pytest.fixture
def town(partner_pks, home, english):
    return home


@pytest.fixture
def caritas(partner_pks, db):
    return OrganisationPage.objects.get(pk=partner_pks["caritas"])


@pytest.fixture
def frauentreff(partner_pks, db):
    return OrganisationPage.objects.get(pk=partner_pks["frauentreff"])


@contextmanager
def module_world(django_db_blocker, partner_pks, build):
    """For a module-scoped fixture: ``build(caritas, frauentreff)`` (with the counselling-hour type
    registered) on top of the module's town, built once for the module's tests. Yields what ``build``
    returned (primary keys, not model instances: each test reads its own with :func:`pages_by_name`)."""

    def build_on_the_town():
        partners = OrganisationPage.objects.in_bulk([partner_pks["caritas"], partner_pks["frauentreff"]])
        return build(partners[partner_pks["caritas"]], partners[partner_pks["frauentreff"]])

    with counselling_registered(), built_once(django_db_blocker, build_on_the_town) as built:
        yield built


def pages_by_name(pks: dict[str, int]) -> dict:
    """A module world's pages again, as this test's instances."""
    from wagtail.models import Page

    return {name: Page.objects.get(pk=pk).specific for name, pk in pks.items()}


def terms(model, *slugs):
    return list(model.objects.filter(locale=Locale.get_default(), slug__in=slugs))


def add_counselling(
    organisation,
    title: str,
    *,
    topics=("beratung",),
    languages=("de",),
    target_groups=("alle",),
    publish: bool = True,
    **fields,
) -> CounsellingHourPage:
    """A counselling hour below ``organisation``; published unless ``publish=False``."""
    fields.setdefault("summary", f"{title}: Beratung ohne Termin.")
    fields.setdefault("slug", title.lower().replace(" ", "-"))
    page = organisation.add_child(instance=CounsellingHourPage(title=title, live=publish, **fields))
    page.topics.set(terms(Topic, *topics))
    page.languages.set(terms(Language, *languages))
    page.target_groups.set(terms(TargetGroup, *target_groups))
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def translate(page, locale_code: str = "en", **fields):
    """Publish a translation of ``page`` (its organisation is translated first if needed)."""
    locale = Locale.objects.get(language_code=locale_code)
    parent = page.get_parent()
    if parent.get_translation_or_none(locale) is None:
        ancestors = [*page.get_ancestors().filter(depth__gt=1), parent]
        for ancestor in ancestors:
            if ancestor.get_translation_or_none(locale) is None:
                ancestor.specific.copy_for_translation(locale).save_revision().publish()
    translated = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture
def today():
    return datetime.date.today()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test-only listing model has no migration: its tables are created once per test database."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    with django_db_blocker.unblock():
        if CounsellingHourPage._meta.db_table not in connection.introspection.table_names():
            with connection.schema_editor() as editor:
                editor.create_model(CounsellingHourPage)
        ContentType.objects.clear_cache()
        ContentType.objects.get_for_model(CounsellingHourPage)
