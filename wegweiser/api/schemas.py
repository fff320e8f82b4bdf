"""The shapes of the API's answers, shared by every endpoint; per-listing-type shapes are built in
:mod:`wegweiser.api.listing_schemas` from these.

Changing or removing a field here breaks clients: that needs a new API version (``/api/v2/``).
Adding a field does not.
"""

import datetime
from typing import Annotated

from ninja import Path, Schema
from pydantic import Field

MAX_PAGE_ID = 2_147_483_647

# A page id in a URL: a positive database integer (larger numbers cannot name a page).
PageId = Annotated[int, Path(..., ge=1, le=MAX_PAGE_ID, description="The id from a list answer.")]


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in the requested language.")
    errors: dict[str, list[str]] = Field(default_factory=dict, description="Messages per query parameter.")


class TermOut(Schema):
    slug: str = Field(description="Stable in every language; use it in filters.")
    name: str = Field(description="The term's name in the requested language (German if not translated).")


class PlaceOut(Schema):
    name: str
    street: str
    postcode: str
    city: str
    district: TermOut | None
    latitude: float | None
    longitude: float | None
    wheelchair_accessible: bool
    accessibility_notes: str


class OrganisationRefOut(Schema):
    id: int
    title: str
    url: str | None


class ContactOut(Schema):
    name: str = Field(description="The contact person as shown on the public page.")
    email: str
    phone: str


class ListingOut(Schema):
    """The fields every listing has, whatever its type."""

    id: int = Field(description="Stable id of this listing in this language.")
    translation_key: str = Field(description="The same for all language versions of a listing.")
    type: str = Field(description="The listing type's key.")
    locale: str = Field(description="Language of this version (German when no translation exists).")
    title: str
    slug: str
    url: str | None = Field(description="The listing's public web page.")
    summary: str
    organisation: OrganisationRefOut | None
    topics: list[TermOut]
    target_groups: list[TermOut]
    languages: list[TermOut] = Field(description="Languages spoken in the offer.")
    cost: str = Field(description="free, reduced, fee or funded.")
    cost_label: str
    cost_note: str
    registration_html: str = Field(description="How to take part, as HTML.")
    registration_url: str
    contact: ContactOut
    place: PlaceOut
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    last_reviewed: datetime.date | None
    updated_at: datetime.datetime | None = Field(description="When this version was last published.")
    distance_km: float | None = Field(default=None, description="Distance from lat/lon when searching near.")


class OrganisationOut(Schema):
    id: int
    translation_key: str
    locale: str
    title: str
    slug: str
    url: str | None
    kind: str
    kind_label: str
    summary: str
    description_html: str
    email: str
    phone: str
    website: str
    opening_hours: str
    place: PlaceOut
    updated_at: datetime.datetime | None
    distance_km: float | None = None


class OrganisationListOut(Schema):
    count: int
    limit: int
    offset: int
    next: str | None
    previous: str | None
    items: list[OrganisationOut]


class ContentPageOut(Schema):
    id: int
    translation_key: str
    locale: str
    title: str
    slug: str
    url: str | None
    intro: str
    search_description: str
    updated_at: datetime.datetime | None


class ContentPageDetailOut(ContentPageOut):
    body_html: str


class ContentPageListOut(Schema):
    count: int
    limit: int
    offset: int
    next: str | None
    previous: str | None
    items: list[ContentPageOut]


class TopicOut(TermOut):
    description: str
    icon: str


class LanguageOut(TermOut):
    native_name: str
    direction: str = Field(description="ltr or rtl.")


class DistrictOut(TermOut):
    latitude: float | None
    longitude: float | None


class TopicListOut(Schema):
    count: int
    items: list[TopicOut]


class TargetGroupListOut(Schema):
    count: int
    items: list[TermOut]


class LanguageListOut(Schema):
    count: int
    items: list[LanguageOut]


class DistrictListOut(Schema):
    count: int
    items: list[DistrictOut]
