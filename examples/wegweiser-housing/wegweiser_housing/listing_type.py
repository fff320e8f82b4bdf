"""What the portal needs to know about housing offers: facets, search document and API schema.

Everything here goes through the public registry (:mod:`wegweiser.site.registry`); the finder, search,
API and reports pick it up from there without knowing this plugin.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wegweiser.plugin_api import Facet, ListingType
from wegweiser_housing.demo import load_housing_demo
from wegweiser_housing.models import HousingKind, HousingOfferPage, RoomBand, Wbs
from wegweiser_housing.schemas import HousingOfferSchema

HOUSING_FACETS = (
    Facet("housing_kind", _("Kind of housing"), "kind", choices=lambda: HousingKind.choices),
    Facet("rooms", _("Rooms"), "room_band", choices=lambda: RoomBand.choices),
    Facet(
        "wbs",
        _("Housing entitlement certificate (WBS)"),
        "wbs",
        choices=lambda: Wbs.choices,
        help_text=_("A WBS is issued by the housing office to people with a low income."),
    ),
    Facet(
        "kdu_accepted",
        _("Jobcenter or Sozialamt may pay the rent"),
        "kdu_accepted",
        kind="flag",
    ),
    Facet("barrier_free", _("Barrier-free"), "barrier_free", kind="flag"),
    Facet("family_suitable", _("Suitable for families"), "family_suitable", kind="flag"),
    Facet("furnished", _("Furnished"), "furnished", kind="flag"),
)


def _decimal_or_none(value):
    return float(value) if value is not None else None


def _housing_facts(page: HousingOfferPage) -> str:
    """A line of plain words in the page's language for full-text search, so "3 Zimmer" or "möbliert"
    (or "3 rooms", "furnished" on the English version) finds the offer."""
    with translation.override(page.locale.language_code):
        parts = [
            str(page.get_kind_display()),
            ngettext("%(rooms)s room", "%(rooms)s rooms", page.rooms) % {"rooms": page.rooms},
        ]
        if page.living_space is not None:
            parts.append(f"{page.living_space:g} m²")
        flags = (
            (page.furnished, gettext("furnished")),
            (page.barrier_free, gettext("barrier-free")),
            (page.family_suitable, gettext("suitable for families")),
            (page.kdu_accepted, gettext("Jobcenter/Sozialamt rent payment accepted")),
        )
        parts.extend(label for is_set, label in flags if is_set)
    return " · ".join(parts)


HOUSING_DOCUMENT_FIELDS = {
    "rooms_count": lambda page: page.rooms,
    "living_space": lambda page: _decimal_or_none(page.living_space),
    "rent_warm": lambda page: _decimal_or_none(page.rent_shown),
    "housing_facts": _housing_facts,
}


def housing_listing_type() -> ListingType:
    return ListingType(
        key="housing",
        model=HousingOfferPage,
        label=_("Housing offer"),
        label_plural=_("Housing offers"),
        facets=HOUSING_FACETS,
        document_fields=HOUSING_DOCUMENT_FIELDS,
        api_schema=HousingOfferSchema,
        card_template="wegweiser_housing/housing_offer_card.html",
        demo_content=load_housing_demo,
        icon="home",
    )
