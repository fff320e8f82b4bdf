"""Per-listing-type shapes: the query parameters (one per facet, like the finder) and the answers.

Every listing has one shape, :class:`~wegweiser.site.api_schemas.ListingSchema`: a listing type's
``api_schema`` (from its plugin) subclasses it, and a type without one gets ``ListingSchema`` plus a typed
object with the type's own facet values (:func:`generic_schema`).
"""

import datetime
import functools
import re
from dataclasses import dataclass
from typing import Literal

from ninja import Schema
from pydantic import Field, create_model

from wegweiser.api.querying import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, portal_language_codes
from wegweiser.api.records import own_facets
from wegweiser.site.api_schemas import ListingSchema
from wegweiser.site.listings import MAX_QUERY_LENGTH
from wegweiser.site.registry import ListingType

RESERVED_PARAMETERS = frozenset(
    {"locale", "q", "updated_since", "lat", "lon", "radius", "limit", "offset", "format", "type", "id"}
)


def camel(key: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[^0-9A-Za-z]+", key) if part)


class LocaleQuery(Schema):
    locale: Literal[tuple(portal_language_codes())] | None = Field(  # type: ignore[valid-type]
        None, description="Language of the content; untranslated content comes in German."
    )


class PaginatedQuery(LocaleQuery):
    updated_since: datetime.datetime | None = Field(
        None, description="Only what was published at or after this time (ISO 8601), for incremental sync."
    )
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class NearQuery(PaginatedQuery):
    lat: float | None = Field(None, ge=-90, le=90, description="Latitude of the point to search near.")
    lon: float | None = Field(None, ge=-180, le=180, description="Longitude of the point to search near.")
    radius: float = Field(5.0, gt=0, le=200, description="Search radius around lat/lon in kilometres.")


def _facet_parameter(facet):
    description = str(facet.help_text or facet.label)
    if facet.kind == "flag":
        return (bool | None, Field(None, description=f"{facet.label}: true to show only those."))
    return (list[str], Field(default_factory=list, description=f"{description} (any of the values)."))


def _facet_value_field(facet):
    if facet.kind == "flag":
        return (bool, Field(description=str(facet.label)))
    return (list[str], Field(description=str(facet.label)))


@dataclass(frozen=True)
class ListingShapes:
    """Everything the endpoints of one listing type need to declare their parameters and answers."""

    filters: type
    item: type
    detail: type
    detail_params: type
    page: type
    generic: bool
    feed_pages: dict[str, type]


def facet_parameters(listing_type: ListingType) -> list:
    return [facet for facet in listing_type.all_facets() if facet.name not in RESERVED_PARAMETERS]


def shapes_for(listing_type: ListingType) -> ListingShapes:
    name = camel(listing_type.key)
    filter_fields = {
        "q": (str | None, Field(None, max_length=MAX_QUERY_LENGTH, description="Search words.")),
    }
    for facet in facet_parameters(listing_type):
        filter_fields[facet.name] = _facet_parameter(facet)
    extension = listing_type.api_extension
    extra = (extension.parameters,) if extension and extension.parameters else ()
    filters = create_model(f"{name}Filters", __base__=(NearQuery, *extra), **filter_fields)
    detail_params = (
        create_model(f"{name}DetailParams", __base__=(LocaleQuery, *extra)) if extra else LocaleQuery
    )

    generic = listing_type.api_schema is None
    item = detail = generic_schema(listing_type) if generic else listing_type.api_schema
    page = paginated(f"{name}ListingList", item)
    feed_pages = {
        feed.name: paginated(f"{name}{camel(feed.name)}List", feed.schema)
        for feed in (extension.feeds if extension else ())
    }
    return ListingShapes(
        filters=filters,
        item=item,
        detail=detail,
        detail_params=detail_params,
        page=page,
        generic=generic,
        feed_pages=feed_pages,
    )


class GenericListingSchema(ListingSchema):
    """``ListingSchema`` for a listing type without its own ``api_schema``: ``facets`` (a field each
    subclass declares with the type's own facets) is read from ``page.api_facets``, set before serialising."""

    @staticmethod
    def resolve_facets(obj) -> dict:
        return getattr(obj, "api_facets", {})


@functools.cache  # per ListingType object (compared by identity)
def generic_schema(listing_type: ListingType) -> type:
    """``ListingSchema`` plus the listing type's own facet values: the answer of a type without an
    ``api_schema``, and the rows of every type's open-data export."""
    name = camel(listing_type.key)
    facet_fields = {facet.name: _facet_value_field(facet) for facet in own_facets(listing_type)}
    facets = create_model(f"{name}FacetValues", __base__=Schema, **facet_fields)
    return create_model(
        f"{name}Listing",
        __base__=GenericListingSchema,
        facets=(facets, Field(description="Values of the filters this listing type adds.")),
    )


def paginated(name: str, item: type) -> type:
    return create_model(
        name,
        __base__=Schema,
        count=(int, ...),
        limit=(int, ...),
        offset=(int, ...),
        next=(str | None, Field(description="Link to the next page of results.")),
        previous=(str | None, Field(description="Link to the previous page of results.")),
        items=(list[item], ...),
    )
