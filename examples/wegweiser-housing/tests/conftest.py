"""Fixtures for the housing plugin's tests: a portal, partner organisations, a finder and housing offers.

The root ``tests/conftest.py`` is not visible here (this is a separate package's test suite), so the
portal is built with the same public set-up function an installation uses.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wegweiser_housing.models import HousingKind, HousingOfferPage, Wbs

from wegweiser.site.models import District, ListingIndexPage, OrganisationIndexPage, OrganisationPage
from wegweiser.site.setup import ensure_portal


@pytest.fixture
def home(db):
    return ensure_portal(home_title="Willkommen in Teststadt")


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def organisation_index(home):
    index = home.add_child(instance=OrganisationIndexPage(title="Partner", slug="partner"))
    index.save_revision().publish()
    return index


def make_organisation(index, title: str, slug: str) -> OrganisationPage:
    organisation = index.add_child(instance=OrganisationPage(title=title, slug=slug))
    organisation.save_revision().publish()
    organisation.refresh_from_db()
    return organisation


@pytest.fixture
def caritas(organisation_index):
    return make_organisation(organisation_index, "Caritasverband Teststadt", "caritas")


@pytest.fixture
def diakonie(organisation_index):
    return make_organisation(organisation_index, "Diakonie Teststadt", "diakonie")


def make_user(username: str, *groups, **extra):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="correct horse battery", **extra
    )
    user.groups.add(*groups)
    return user


@pytest.fixture
def caritas_editor(caritas):
    return make_user("caritas-editor", caritas.editors_group)


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.org", "correct horse battery")


@pytest.fixture
def nordstadt(home):
    return District.objects.create(name="Nordstadt", slug="nordstadt", locale=Locale.get_default())


@pytest.fixture
def housing_finder(home):
    finder = home.add_child(
        instance=ListingIndexPage(title="Wohnungen", slug="wohnungen", listing_type="housing")
    )
    finder.save_revision().publish()
    return finder


def add_housing_offer(organisation: OrganisationPage, title: str, **fields) -> HousingOfferPage:
    fields.setdefault("summary", f"{title}: ein Angebot der Wohnraumvermittlung.")
    page = HousingOfferPage(title=title, **fields)
    organisation.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def family_flat(caritas, nordstadt):
    """A 3-room flat for a family; the landlady accepts the Jobcenter's rent payment; needs a WBS."""
    return add_housing_offer(
        caritas,
        "3-Zimmer-Wohnung in der Nordstadt",
        kind=HousingKind.FLAT,
        rooms=3,
        living_space=Decimal("74.5"),
        rent_cold=Decimal("545"),
        rent_warm=Decimal("720"),
        wbs=Wbs.REQUIRED,
        kdu_accepted=True,
        family_suitable=True,
        district=nordstadt,
        street="Lessingstraße 17",
        city="Teststadt",
    )


@pytest.fixture
def shared_room(diakonie):
    """A furnished room in a shared flat, no WBS, no Jobcenter payment, available in two weeks."""
    return add_housing_offer(
        diakonie,
        "WG-Zimmer in der Altstadt",
        kind=HousingKind.SHARED_FLAT,
        rooms=1,
        rent_warm=Decimal("390"),
        furnished=True,
        available_from=datetime.date.today() + datetime.timedelta(days=14),
    )


@pytest.fixture
def large_flat(caritas):
    """Five rooms: must show up under "4 or more rooms"."""
    return add_housing_offer(
        caritas,
        "5-Zimmer-Wohnung für Großfamilie",
        kind=HousingKind.FLAT,
        rooms=5,
        rent_warm=Decimal("1100"),
        barrier_free=True,
        kdu_accepted=True,
        family_suitable=True,
    )


@pytest.fixture
def housing_helpers():
    """The helpers above, for tests that build their own organisations and offers."""
    return make_organisation, add_housing_offer
