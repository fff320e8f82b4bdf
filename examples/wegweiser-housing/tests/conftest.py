"""Fixtures for the housing plugin's tests: a district, a finder and housing offers.

The portal (``home``, ``english``), the partner organisations ``organisation_a`` and ``organisation_b`` with
the editor ``editor_a``, ``admin_user``, the SMTP server and the helpers ``make_organisation`` and
``make_user`` come from Wegweiser's pytest plugin ``wegweiser.plugin_api.testing``
(see the README: a plugin's own ``pyproject.toml`` loads it with ``-p wegweiser.plugin_api.testing``).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from wagtail.models import Locale
from wegweiser_housing.models import HousingKind, HousingOfferPage, Wbs

from wegweiser.plugin_api import District, ListingIndexPage, OrganisationPage
from wegweiser.plugin_api.testing import (
    built_once,
    make_organisation,
    make_organisation_index,
    make_portal,
)


@pytest.fixture
def nordstadt(home):
    return make_nordstadt()


def make_nordstadt():
    return District.objects.create(name="Nordstadt", slug="nordstadt", locale=Locale.get_default())


@pytest.fixture
def housing_finder(home):
    return make_housing_finder(home)


def make_housing_finder(home):
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


#: The housing offers of the tests, by fixture name: the title and what sets each apart in the finder.
OFFERS = {
    # A 3-room flat for a family; the landlady accepts the Jobcenter's rent payment; needs a WBS.
    "family_flat": (
        "3-Zimmer-Wohnung in der Nordstadt",
        {
            "kind": HousingKind.FLAT,
            "rooms": 3,
            "living_space": Decimal("74.5"),
            "rent_cold": Decimal("545"),
            "rent_warm": Decimal("720"),
            "wbs": Wbs.REQUIRED,
            "kdu_accepted": True,
            "family_suitable": True,
            "street": "Lessingstraße 17",
            "city": "Teststadt",
            "contact_phone": "05561 3030-0",
        },
    ),
    # A furnished room in a shared flat, no WBS, no Jobcenter payment, available in two weeks.
    "shared_room": (
        "WG-Zimmer in der Altstadt",
        {"kind": HousingKind.SHARED_FLAT, "rooms": 1, "rent_warm": Decimal("390"), "furnished": True},
    ),
    # Five rooms: must show up under "4 or more rooms".
    "large_flat": (
        "5-Zimmer-Wohnung für Großfamilie",
        {
            "kind": HousingKind.FLAT,
            "rooms": 5,
            "rent_warm": Decimal("1100"),
            "barrier_free": True,
            "kdu_accepted": True,
            "family_suitable": True,
        },
    ),
}


def make_offer(name: str, organisation: OrganisationPage, **more) -> HousingOfferPage:
    """One of :data:`OFFERS`, published below ``organisation``."""
    title, fields = OFFERS[name]
    return add_housing_offer(organisation, title, **fields, **more)


def in_two_weeks() -> datetime.date:
    return datetime.date.today() + datetime.timedelta(days=14)


@pytest.fixture
def family_flat(organisation_a, nordstadt):
    return make_offer("family_flat", organisation_a, district=nordstadt)


@pytest.fixture
def shared_room(organisation_b):
    return make_offer("shared_room", organisation_b, available_from=in_two_weeks())


@pytest.fixture
def large_flat(organisation_a):
    return make_offer("large_flat", organisation_a)


def build_housing_world() -> dict:
    """The portal, Caritas and Diakonie, Nordstadt, the finder and three housing offers, as primary keys."""
    home = make_portal()
    index = make_organisation_index(home)
    caritas = make_organisation(index, "Caritasverband Teststadt", "caritas")
    diakonie = make_organisation(index, "Diakonie Teststadt", "diakonie")
    nordstadt = make_nordstadt()
    pages = {
        "caritas": caritas,
        "diakonie": diakonie,
        "housing_finder": make_housing_finder(home),
        "family_flat": make_offer("family_flat", caritas, district=nordstadt),
        "shared_room": make_offer("shared_room", diakonie, available_from=in_two_weeks()),
        "large_flat": make_offer("large_flat", caritas),
    }
    return {"nordstadt": nordstadt.pk, **{name: page.pk for name, page in pages.items()}}


@pytest.fixture(scope="module")
def housing_world(django_db_setup, django_db_blocker):
    """:func:`build_housing_world` once for a module that asks for it (its tests read the rows again)."""
    with built_once(django_db_blocker, build_housing_world) as ids:
        yield ids


@pytest.fixture
def housing_helpers():
    """The helpers above, for tests that build their own organisations and offers."""
    return make_organisation, add_housing_offer
