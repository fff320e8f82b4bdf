"""The housing offer as the public API shows it: every listing's fields (``ListingSchema``: organisation,
terms, cost, registration, contact, place) plus the housing facts, so clients read it like every other
listing type.
"""

from __future__ import annotations

import datetime

from pydantic import Field

from wegweiser.plugin_api import ListingSchema


def _number(value) -> float | None:
    return float(value) if value is not None else None


class HousingOfferSchema(ListingSchema):
    kind: str = Field(description="flat, shared_flat, room or temporary.")
    rooms: int
    living_space: float | None = Field(None, description="Living space in square metres.")
    rent_cold: float | None = Field(None, description="Basic rent (Kaltmiete) in euros a month.")
    rent_warm: float | None = Field(None, description="Total rent (Warmmiete) in euros a month.")
    available_from: datetime.date | None = Field(None, description="Empty: available now.")
    wbs_required: bool = Field(description="A housing entitlement certificate (WBS) is needed.")
    kdu_accepted: bool = Field(description="The landlord accepts rent paid by the Jobcenter or Sozialamt.")
    furnished: bool
    barrier_free: bool
    family_suitable: bool

    @staticmethod
    def resolve_living_space(obj) -> float | None:
        return _number(obj.living_space)

    @staticmethod
    def resolve_rent_cold(obj) -> float | None:
        return _number(obj.rent_cold)

    @staticmethod
    def resolve_rent_warm(obj) -> float | None:
        return _number(obj.rent_warm)

    @staticmethod
    def resolve_wbs_required(obj) -> bool:
        return obj.wbs == "required"
