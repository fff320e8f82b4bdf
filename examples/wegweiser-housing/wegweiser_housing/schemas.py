"""The housing offer as the public API shows it: the fields every listing has, plus the housing facts.

The API serialises housing pages with this schema as it is, so it follows the shape of the portal's other
listing types (terms as slug and name, the organisation as a reference) to keep clients simple.
Contact email and phone are left out: a viewing is arranged through the organisation's page.
"""

from __future__ import annotations

import datetime

from ninja import Schema
from pydantic import Field


class HousingTerm(Schema):
    slug: str = Field(description="Stable in every language; use it in filters.")
    name: str = Field(description="The term's name in the requested language.")


class HousingOrganisation(Schema):
    id: int
    title: str
    url: str | None = None


def _terms(pairs) -> list[dict]:
    return [{"slug": slug, "name": name} for slug, name in pairs]


class HousingOfferSchema(Schema):
    id: int = Field(description="Stable id of this housing offer in this language.")
    translation_key: str
    type: str = Field("housing", description="The listing type's key.")
    locale: str
    title: str
    slug: str
    url: str | None = None
    summary: str
    organisation: HousingOrganisation | None = None
    topics: list[HousingTerm] = []
    target_groups: list[HousingTerm] = []
    languages: list[HousingTerm] = Field(
        [], description="Languages spoken by the people arranging the housing."
    )
    cost: str = Field(description="free, reduced, fee or funded.")
    cost_note: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    district: HousingTerm | None = None
    latitude: float | None = None
    longitude: float | None = None
    wheelchair_accessible: bool = False
    valid_until: datetime.date | None = None
    updated_at: datetime.datetime | None = Field(None, description="When this version was last published.")
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
    def resolve_translation_key(obj) -> str:
        return str(obj.translation_key)

    @staticmethod
    def resolve_url(obj) -> str | None:
        return obj.get_full_url()

    @staticmethod
    def resolve_locale(obj) -> str:
        return obj.locale.language_code

    @staticmethod
    def resolve_organisation(obj) -> dict | None:
        organisation = obj.organisation
        if organisation is None:
            return None
        return {"id": organisation.pk, "title": organisation.title, "url": organisation.get_full_url()}

    @staticmethod
    def resolve_topics(obj) -> list[dict]:
        return _terms(obj.localized_topics)

    @staticmethod
    def resolve_target_groups(obj) -> list[dict]:
        return _terms(obj.localized_target_groups)

    @staticmethod
    def resolve_languages(obj) -> list[dict]:
        return _terms(obj.localized_languages)

    @staticmethod
    def resolve_district(obj) -> dict | None:
        return {"slug": obj.district.slug, "name": obj.district.name} if obj.district_id else None

    @staticmethod
    def resolve_updated_at(obj) -> datetime.datetime | None:
        return obj.last_published_at

    @staticmethod
    def resolve_living_space(obj) -> float | None:
        return float(obj.living_space) if obj.living_space is not None else None

    @staticmethod
    def resolve_rent_cold(obj) -> float | None:
        return float(obj.rent_cold) if obj.rent_cold is not None else None

    @staticmethod
    def resolve_rent_warm(obj) -> float | None:
        return float(obj.rent_warm) if obj.rent_warm is not None else None

    @staticmethod
    def resolve_wbs_required(obj) -> bool:
        return obj.wbs == "required"
