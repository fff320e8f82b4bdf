"""The housing facts stay plausible: editors get a message at the field, and the finder's room bands
follow the number of rooms."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wegweiser_housing.models import HousingKind, HousingOfferPage, room_band_for


@pytest.mark.parametrize(("rooms", "band"), [(1, "1"), (2, "2"), (3, "3"), (4, "4+"), (7, "4+")])
def test_room_band_groups_large_flats(rooms, band):
    assert room_band_for(rooms) == band


def test_room_offer_with_several_rooms_is_refused_at_the_rooms_field(organisation_a):
    offer = HousingOfferPage(
        title="Zimmer", slug="zimmer", summary="Ein Zimmer.", kind=HousingKind.ROOM, rooms=3
    )
    with translation.override("de"):
        with pytest.raises(ValidationError) as raised:
            organisation_a.add_child(instance=offer)
        assert "Ein Zimmerangebot hat ein Zimmer" in " ".join(raised.value.message_dict["rooms"])


def test_offer_without_start_date_or_with_a_past_one_is_available_now(organisation_a, housing_helpers):
    _make_organisation, add_housing_offer = housing_helpers
    offer = add_housing_offer(organisation_a, "Wohnung ab sofort", rent_warm=Decimal("500"))
    assert offer.is_available_now()
    offer.available_from = datetime.date.today() + datetime.timedelta(days=3)
    assert not offer.is_available_now()
    assert offer.is_available_now(today=offer.available_from)


@pytest.mark.django_db  # a new Wagtail page looks up its content type
def test_new_housing_offer_costs_rent_by_default():
    assert HousingOfferPage().cost == "fee"


@pytest.mark.django_db
def test_card_shows_the_total_rent_else_the_basic_rent():
    assert HousingOfferPage(rent_cold=Decimal("400"), rent_warm=Decimal("520")).rent_shown == Decimal("520")
    assert HousingOfferPage(rent_cold=Decimal("400")).rent_shown == Decimal("400")
    assert HousingOfferPage().rent_shown is None
