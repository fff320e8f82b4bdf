"""The shapes of the API's answers besides listings, shared by every endpoint. A listing's shape is
:class:`wegweiser.site.api_schemas.ListingSchema` (per listing type: :mod:`wegweiser.api.listing_schemas`).

Changing or removing a field here breaks clients: that needs a new API version (``/api/v2/``).
Adding a field does not.
"""

import datetime
from typing import Annotated

from ninja import Path, Schema
from pydantic import Field

from wegweiser.site.api_schemas import ListingPlace, ListingTerm

MAX_PAGE_ID = 2_147_483_647

# A page id in a URL: a positive database integer (larger numbers cannot name a page).
PageId = Annotated[int, Path(..., ge=1, le=MAX_PAGE_ID, description="The id from a list answer.")]


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in the requested language.")
    errors: dict[str, list[str]] = Field(default_factory=dict, description="Messages per query parameter.")


ERRORS = {400: ErrorOut, 404: ErrorOut, 429: ErrorOut}


def responses(ok) -> dict:
    """What a read endpoint answers: ``ok`` (200), not modified (304, a conditional request), or an error."""
    return {200: ok, 304: None, **ERRORS}


def listing_type_get(
    router,
    listing_type,
    path: str,
    *,
    operation: str,
    name: str,
    summary: str,
    response,
    own_summary="",
    **options,
):
    """``router.get`` for an endpoint of one listing type, named by one rule for every type and endpoint: the
    operation id is ``operation`` with the type's key for ``{}`` ("list_{}" is ``list_offer``), the URL name
    ``<key>-<name>``, the summary "<the type's plural>: ``summary``" (or a plugin's ``own_summary``);
    ``response`` is what it answers (:func:`responses`). ``options`` go to Django Ninja as they are
    (``description``, ``openapi_extra``)."""
    key = listing_type.key
    return router.get(
        path,
        response=responses(response),
        operation_id=operation.format(key.replace("-", "_")),
        url_name=f"{key}-{name}",
        summary=own_summary or f"{listing_type.verbose_name_plural}: {summary}",
        **options,
    )


class PageOut(Schema):
    """What every page the API answers with starts with: its ids, language, title and public URL."""

    id: int
    translation_key: str
    locale: str
    title: str
    slug: str
    url: str | None


class OrganisationOut(PageOut):
    kind: str
    kind_label: str
    summary: str
    description_html: str
    email: str
    phone: str
    website: str
    opening_hours: str
    place: ListingPlace
    updated_at: datetime.datetime | None
    distance_km: float | None = None


class OrganisationListOut(Schema):
    count: int
    limit: int
    offset: int
    next: str | None
    previous: str | None
    items: list[OrganisationOut]


class ContentPageOut(PageOut):
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


class TopicOut(ListingTerm):
    description: str
    icon: str


class LanguageOut(ListingTerm):
    native_name: str
    direction: str = Field(description="ltr or rtl.")


class DistrictOut(ListingTerm):
    latitude: float | None
    longitude: float | None


class TopicListOut(Schema):
    count: int
    items: list[TopicOut]


class TargetGroupListOut(Schema):
    count: int
    items: list[ListingTerm]


class LanguageListOut(Schema):
    count: int
    items: list[LanguageOut]


class DistrictListOut(Schema):
    count: int
    items: list[DistrictOut]
