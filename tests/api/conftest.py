"""A town with taxonomies, two partners and the test-only counselling-hour listing type registered."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from wagtail import hooks
from wagtail.models import Locale

from tests.api.counselling import CounsellingHourPage, counselling_listing_type
from wegweiser.plugin_api.testing import make_organisation
from wegweiser.site.demo import load_taxonomies
from wegweiser.site.models import District, Language, OrganisationPage, TargetGroup, Topic
from wegweiser.site.registry import HOOK_NAME

API = "/api/v1"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters and cached term labels must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def counselling_type():
    listing_type = counselling_listing_type()
    with hooks.register_temporarily(HOOK_NAME, lambda: listing_type):
        yield listing_type


@pytest.fixture
def town(home, english):
    load_taxonomies(Locale.get_default(), english)
    return home


@pytest.fixture
def caritas(town, organisation_index):
    district = District.objects.get(slug="nordstadt", locale=Locale.get_default())
    return make_organisation(
        organisation_index,
        "Caritas Teststadt",
        "caritas",
        kind=OrganisationPage.Kind.WELFARE_ASSOCIATION,
        street="Domplatz 1",
        postcode="12345",
        city="Teststadt",
        district=district,
        latitude=52.52,
        longitude=13.40,
        email="info@caritas.example",
    )


@pytest.fixture
def frauentreff(town, organisation_index):
    return make_organisation(
        organisation_index,
        "Frauentreff International",
        "frauentreff",
        kind=OrganisationPage.Kind.MIGRANT_ORGANISATION,
    )


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
