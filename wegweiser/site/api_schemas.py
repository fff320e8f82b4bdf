"""The fields every listing shows in the public API, for plugins that bring their own ``api_schema``.

A plugin subclasses :class:`ListingSchema` and adds its own fields; the API serialises its pages with it as
they are. The shape matches the generic listing answer, so clients read every listing type alike. Everything
is read from the page and its prefetched relations (no query per listing).
"""

from __future__ import annotations

import datetime

from ninja import Schema
from pydantic import Field
from wagtail.rich_text import expand_db_html

from wegweiser.site.registry import listing_type_for_model
from wegweiser.site.taxonomy_labels import term_labels


class ListingTerm(Schema):
    slug: str = Field(description="Stable in every language; use it in filters.")
    name: str = Field(description="The term's name in the requested language (German if not translated).")


class ListingOrganisation(Schema):
    id: int
    title: str
    url: str | None


class ListingContact(Schema):
    name: str = Field(description="The contact person as shown on the public page.")
    email: str
    phone: str


class ListingPlace(Schema):
    name: str
    street: str
    postcode: str
    city: str
    district: ListingTerm | None
    latitude: float | None
    longitude: float | None
    wheelchair_accessible: bool
    accessibility_notes: str


def _request(context) -> object | None:
    return (context or {}).get("request")


def _terms(pairs) -> list[dict]:
    return [{"slug": slug, "name": name} for slug, name in pairs]


class ListingSchema(Schema):
    """The generic listing answer's fields, read from a listing page.

    ``body_html`` is filled only in the answer for one listing: the API then sets ``api_body_html`` on the page.
    """

    id: int = Field(description="Stable id of this listing in this language.")
    translation_key: str = Field(description="The same for all language versions of a listing.")
    type: str = Field(description="The listing type's key.")
    locale: str = Field(description="Language of this version (German when no translation exists).")
    title: str
    slug: str
    url: str | None = Field(description="The listing's public web page.")
    summary: str
    organisation: ListingOrganisation | None
    topics: list[ListingTerm]
    target_groups: list[ListingTerm]
    languages: list[ListingTerm] = Field(description="Languages spoken in the offer.")
    cost: str = Field(description="free, reduced, fee or funded.")
    cost_label: str
    cost_amount: str | None = Field(
        description='What a participant pays, a decimal number ("120.00"); empty if free or not known.'
    )
    cost_currency: str = Field(description="ISO 4217 code of the amount, EUR by default.")
    price_label: str = Field(description='The amount in the requested language\'s number format ("120 €").')
    cost_paid_by: list[str] = Field(
        description="Who can pay for a participant: bamf, jobcenter, employment_agency, town_pass, other."
    )
    cost_paid_by_labels: list[str]
    free_or_funded: bool = Field(
        description="Free, or an authority (BAMF, Jobcenter, a town pass …) can pay."
    )
    cost_note: str
    registration_html: str = Field(description="How to take part, as HTML.")
    registration_url: str
    contact: ListingContact
    place: ListingPlace
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    last_reviewed: datetime.date | None
    updated_at: datetime.datetime | None = Field(description="When this version was last published.")
    distance_km: float | None = Field(default=None, description="Distance from lat/lon when searching near.")
    body_html: str | None = Field(
        default=None, description="The details, as HTML: only in the answer for one listing."
    )

    @staticmethod
    def resolve_translation_key(obj) -> str:
        return str(obj.translation_key)

    @staticmethod
    def resolve_type(obj) -> str:
        listing_type = listing_type_for_model(type(obj))
        return listing_type.key if listing_type else ""

    @staticmethod
    def resolve_locale(obj) -> str:
        return obj.locale.language_code

    @staticmethod
    def resolve_url(obj, context) -> str | None:
        return obj.get_full_url(_request(context))

    @staticmethod
    def resolve_organisation(obj, context) -> dict | None:
        organisation = obj.organisation if obj.organisation_id else None
        if organisation is None or not organisation.live:
            return None
        return {
            "id": organisation.pk,
            "title": organisation.title,
            "url": organisation.get_full_url(_request(context)),
        }

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
    def resolve_cost_label(obj) -> str:
        return str(obj.get_cost_display())

    @staticmethod
    def resolve_cost_amount(obj) -> str | None:
        return str(obj.cost_amount) if obj.cost_amount is not None else None

    @staticmethod
    def resolve_cost_paid_by(obj) -> list[str]:
        return list(obj.cost_paid_by or [])

    @staticmethod
    def resolve_cost_paid_by_labels(obj) -> list[str]:
        return obj.paid_by_labels

    @staticmethod
    def resolve_registration_html(obj) -> str:
        return expand_db_html(obj.registration) if obj.registration else ""

    @staticmethod
    def resolve_contact(obj) -> dict:
        return {"name": obj.contact_name, "email": obj.contact_email, "phone": obj.contact_phone}

    @staticmethod
    def resolve_place(obj) -> dict:
        district = obj.district if obj.district_id else None
        return {
            "name": getattr(obj, "place_name", ""),
            "street": obj.street,
            "postcode": obj.postcode,
            "city": obj.city,
            "district": _district_term(district),
            "latitude": obj.latitude,
            "longitude": obj.longitude,
            "wheelchair_accessible": obj.wheelchair_accessible,
            "accessibility_notes": obj.accessibility_notes,
        }

    @staticmethod
    def resolve_updated_at(obj) -> datetime.datetime | None:
        return obj.last_published_at

    @staticmethod
    def resolve_distance_km(obj) -> float | None:
        distance = getattr(obj, "distance_km", None)
        return round(distance, 3) if distance is not None else None

    @staticmethod
    def resolve_body_html(obj) -> str | None:
        return getattr(obj, "api_body_html", None)


def _district_term(district) -> dict | None:
    if district is None:
        return None
    return {"slug": district.slug, "name": term_labels(type(district)).get(district.slug, district.name)}
