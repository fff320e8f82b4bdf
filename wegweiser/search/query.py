"""The search's one query object and one result object, shared by every search backend.

A :class:`SearchQuery` is built from a request's GET parameters and validated here, once, so that the
backends only ever see clean values and a visitor's typo in a URL becomes a message instead of a 500.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from wegweiser.search.choices import facet_choices
from wegweiser.search.geo import GeoPoint
from wegweiser.site.registry import Facet, ListingType

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
MAX_PAGE = 500
PER_PAGE_CHOICES = (10, 20, 50)
DEFAULT_PER_PAGE = 20
RADIUS_CHOICES = (1, 2, 5, 10, 25)
SORTS = ("relevance", "date", "distance")
TYPE_FACET = "type"
#: GET parameters that are not facets; a facet with one of these names would be unreachable.
RESERVED_PARAMETERS = {
    "q",
    "sort",
    "page",
    "per_page",
    "lat",
    "lon",
    "near",
    "radius",
    "date_from",
    "date_to",
}


@dataclass
class SearchQuery:
    """Everything a visitor can ask the search; built by :meth:`from_querydict`, never trusted raw."""

    text: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    listing_types: list[str] = field(default_factory=list)
    point: GeoPoint | None = None
    radius_km: float | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    locale: str = "de"
    sort: str = "relevance"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    near: str = ""

    @property
    def words(self) -> list[str]:
        return self.text.split()[:MAX_WORDS]

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def is_empty(self) -> bool:
        """Nothing asked yet: the page shows the box and the facets, no result list."""
        return not (
            self.text or self.filters or self.listing_types or self.point or self.date_from or self.date_to
        )

    def filters_without(self, facet_name: str) -> dict[str, list[str]]:
        """The active filters except one facet's: what that facet's (disjunctive) counts are based on."""
        return {name: values for name, values in self.filters.items() if name != facet_name}

    def log_filters(self) -> dict[str, Any]:
        """The filters as stored in the anonymous search log (no coordinates: a location is personal)."""
        logged: dict[str, Any] = dict(self.filters)
        if self.near:
            logged["near"] = self.near
        elif self.point:
            logged["near"] = "location"
        if self.radius_km:
            logged["radius"] = self.radius_km
        if self.date_from:
            logged["date_from"] = self.date_from.isoformat()
        if self.date_to:
            logged["date_to"] = self.date_to.isoformat()
        return logged

    @classmethod
    def from_querydict(
        cls,
        data: QueryDict | Mapping[str, Any],
        *,
        locale: str,
        available_types: Mapping[str, ListingType],
        district_centres: Mapping[str, GeoPoint] | None = None,
    ) -> tuple[SearchQuery, list[str]]:
        """A clean query and the messages to show about anything that had to be dropped or shortened."""
        if not isinstance(data, QueryDict):
            query_dict = QueryDict(mutable=True)
            for key, value in data.items():
                query_dict.setlist(key, value if isinstance(value, list | tuple) else [value])
            data = query_dict
        messages: list[str] = []
        query = cls(locale=locale)
        query.text = _clean_text(data.get("q") or "", messages)

        requested_types = [key for key in data.getlist(TYPE_FACET) if key]
        query.listing_types = [key for key in dict.fromkeys(requested_types) if key in available_types]
        if len(query.listing_types) != len(set(requested_types)):
            messages.append(_("Some kinds of listing are not available here and have been ignored."))

        facets = search_facets(available_types.values())
        requested = {name: facet for name, facet in facets.items() if any(data.getlist(name))}
        choices = facet_choices(requested) if requested else {}
        unknown = False
        for name in requested:
            values = [value for value in dict.fromkeys(data.getlist(name)) if value]
            if requested[name].kind == "flag":  # a finder's address from before its boxes sent "1" said "on"
                values = list(dict.fromkeys("1" if value == "on" else value for value in values))
            if not values:
                continue
            allowed = {value for value, _label in choices[name]}
            valid = [value for value in values if value in allowed]
            unknown = unknown or len(valid) != len(values)
            if valid:
                query.filters[name] = valid
        if unknown:
            messages.append(_("Some filter values were not recognised and have been ignored."))

        _clean_geo(query, data, district_centres or {}, messages)
        query.date_from = _clean_date(data.get("date_from"), messages)
        query.date_to = _clean_date(data.get("date_to"), messages)
        if query.date_from and query.date_to and query.date_from > query.date_to:
            query.date_from, query.date_to = query.date_to, query.date_from

        sort = data.get("sort") or "relevance"
        if sort not in SORTS:
            messages.append(_("Unknown sort order; showing the best matches first."))
            sort = "relevance"
        if sort == "distance" and query.point is None:
            messages.append(_("To sort by distance, choose a district or share your location."))
            sort = "relevance"
        query.sort = sort
        query.page = min(max(_int(data.get("page"), 1), 1), MAX_PAGE)
        per_page = _int(data.get("per_page"), DEFAULT_PER_PAGE)
        query.per_page = per_page if per_page in PER_PAGE_CHOICES else DEFAULT_PER_PAGE
        return query, messages


def on_the_days(
    listing_type: ListingType, listings, date_from: datetime.date | None, date_to: datetime.date | None
):
    """The listings of one type that the finder's dates ("today", "this weekend", a range) keep.

    A type with dates of its own (events: ``ListingType.on_days``) keeps those with a date on one of the
    days; any other keeps those whose validity period overlaps them. Both search backends use this.
    """
    if date_from is None and date_to is None:
        return listings
    if listing_type.on_days is not None:
        return listing_type.on_days(listings, date_from, date_to)
    if date_to:
        listings = listings.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=date_to))
    if date_from:
        listings = listings.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=date_from))
    return listings


def search_facets(listing_types) -> dict[str, Facet]:
    """The facets offered when searching these listing types together, by name, in a stable order.

    Shared facets come first; a plugin's own facet (course level, say) is offered once any of the
    searched types has it, and then narrows the results to the types that have it.
    """
    facets: dict[str, Facet] = {}
    for listing_type in listing_types:
        for facet in listing_type.all_facets():
            if facet.name not in RESERVED_PARAMETERS and facet.name != TYPE_FACET:
                facets.setdefault(facet.name, facet)
    return facets


def types_with_facet(listing_types, facet_name: str) -> list[ListingType]:
    return [lt for lt in listing_types if any(facet.name == facet_name for facet in lt.all_facets())]


#: Invisible, but part of a word: Persian writes "کلاس‌های" (classes) with a zero-width non-joiner.
_JOINERS = "\u200c\u200d"


def _clean_text(raw: str, messages: list[str]) -> str:
    """At most 200 characters and 10 words: a pasted essay is shortened quickly, never searched."""
    if len(raw) > MAX_QUERY_LENGTH:
        raw = raw[: MAX_QUERY_LENGTH + 1]
        cut = raw.rfind(" ", 0, MAX_QUERY_LENGTH)
        raw = raw[: cut if cut > MAX_QUERY_LENGTH // 2 else MAX_QUERY_LENGTH]
        messages.append(_("Your search was too long and has been shortened to its beginning."))
    text = "".join(char if char.isprintable() or char in _JOINERS else " " for char in raw)
    words = text.split()
    if len(words) > MAX_WORDS:
        messages.append(_("Only the first ten words of your search were used."))
    return " ".join(words[:MAX_WORDS])


def _clean_geo(
    query: SearchQuery, data: QueryDict, centres: Mapping[str, GeoPoint], messages: list[str]
) -> None:
    near = data.get("near") or ""
    lat, lon = data.get("lat"), data.get("lon")
    if lat or lon:
        latitude, longitude = _float(lat), _float(lon)
        if latitude is None or longitude is None or not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            messages.append(_("The location could not be read and has been ignored."))
        else:
            query.point = GeoPoint(round(latitude, 5), round(longitude, 5))
    elif near:
        if near in centres:
            query.point = centres[near]
            query.near = near
        else:
            messages.append(_("This district has no known centre; the distance filter has been ignored."))
    radius = data.get("radius")
    if radius and query.point is not None:
        value = _float(radius)
        if value is None or not 0 < value <= 100:
            messages.append(_("The distance must be a number of kilometres between 1 and 100."))
        else:
            query.radius_km = value


def _clean_date(raw: str | None, messages: list[str]) -> datetime.date | None:
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw[:10])
    except ValueError:
        messages.append(_("A date could not be read (expected YYYY-MM-DD) and has been ignored."))
        return None


def _int(raw: str | None, default: int) -> int:
    try:
        return int(raw) if raw is not None and len(raw) < 8 else default
    except ValueError:
        return default


def _float(raw: str | None) -> float | None:
    try:
        value = float(raw) if raw is not None and len(raw) < 32 else None
    except ValueError:
        return None
    return value if value is not None and math.isfinite(value) else None


@dataclass
class SearchHit:
    """One found listing: which type, which page, why (highlights) and how far away."""

    listing_type: str
    page_id: int
    score: float = 0.0
    distance_km: float | None = None
    highlights: dict[str, str] = field(default_factory=dict)
    page: Any = None


@dataclass
class SearchResult:
    """What a backend answers: one page of hits, disjunctive facet counts, the total and how it went."""

    query: SearchQuery
    hits: list[SearchHit]
    facets: dict[str, list[tuple[str, str, int]]]
    total: int
    backend: str
    took_ms: int = 0
    messages: list[str] = field(default_factory=list)
    fell_back: bool = False
    #: Typed words no listing has (left out of the search); shown to the visitor.
    missing_words: list[str] = field(default_factory=list)
    #: No listing has all the words: these have some of them, the most first.
    partial: bool = False
    #: The query with its typos corrected ("did you mean"), if any were.
    suggestion: str = ""

    @property
    def weak(self) -> bool:
        """Something was found, but the best hits have only part of the words (some found nowhere, or
        none has them all): what the demand report counts as weak."""
        return self.total > 0 and (self.partial or bool(self.missing_words))

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.query.per_page))

    @property
    def hit_ids(self) -> list[int]:
        return [hit.page_id for hit in self.hits]
