"""Turning raw backend answers into what the page shows: facet tables with labels, hits with their pages."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from wegweiser.search.choices import facet_choices
from wegweiser.search.geo import haversine_km
from wegweiser.search.matching import TextPlan
from wegweiser.search.query import TYPE_FACET, SearchHit, SearchQuery, SearchResult, search_facets
from wegweiser.search.wording import highlight
from wegweiser.site.registry import Facet, ListingType


@dataclass(frozen=True)
class SearchScope:
    """What a query searches, worked out once before a backend searches: the keys of the listing types it
    asks for (else of all), those types, their facets by name and each facet's choices in the visitor's
    language."""

    keys: list[str]
    types: list[ListingType]
    facets: dict[str, Facet]
    choices: dict[str, list[tuple[str, str]]]


@dataclass(frozen=True)
class PlannedSearch:
    """A query as a backend searches it: over ``listing_types`` (those switched on), within ``scope``, its
    words matched as ``plan`` says; ``started`` (``perf_counter``) is when the search began."""

    query: SearchQuery
    listing_types: Mapping[str, ListingType]
    scope: SearchScope
    plan: TextPlan
    started: float


def search_scope(query: SearchQuery, listing_types: Mapping[str, ListingType]) -> SearchScope:
    keys = query.listing_types or list(listing_types)
    types = [listing_types[key] for key in keys]
    facets = search_facets(types)
    return SearchScope(keys, types, facets, facet_choices(facets))


def search_result(
    query: SearchQuery,
    hits: list[SearchHit],
    total: int,
    counts: Mapping[str, Counter],
    *,
    listing_types: Mapping[str, ListingType],
    scope: SearchScope,
    plan: TextPlan,
    backend: str,
    started: float,
) -> SearchResult:
    """What every backend answers once it has a page of hits and the facet counts: the hits with their pages
    and the searched words marked, the facet table, and the time since ``started`` (``perf_counter``)."""
    hits = attach_pages(hits, listing_types, query)
    for hit in hits:
        hit.highlights = {
            "title": highlight(hit.page.title, plan.words),
            "summary": highlight(hit.page.summary, plan.words, limit=300),
        }
    return SearchResult(
        query=query,
        hits=hits,
        facets=facet_table(listing_types, scope, counts),
        total=total,
        backend=backend,
        took_ms=round((time.perf_counter() - started) * 1000),
        missing_words=plan.missing,
        partial=plan.any_unit,
        suggestion=plan.suggestion,
    )


def facet_table(
    available: Mapping[str, ListingType], scope: SearchScope, counts: Mapping[str, Counter]
) -> dict[str, list[tuple[str, str, int]]]:
    """``{facet: [(value, label, count)]}`` for every value a visitor can choose, zero counts included.

    Both backends produce ``counts`` (``facet -> Counter(value -> n)``) their own way; the table around
    them is built here once, so that the two can be compared value by value.
    """
    table: dict[str, list[tuple[str, str, int]]] = {
        TYPE_FACET: [
            (key, str(listing_type.verbose_name_plural), counts.get(TYPE_FACET, Counter()).get(key, 0))
            for key, listing_type in available.items()
        ]
    }
    for name, choices in scope.choices.items():
        facet_counts = counts.get(name, Counter())
        table[name] = [(value, label, facet_counts.get(value, 0)) for value, label in choices]
    return table


#: What a search hit's card shows besides the page's own columns (see ``search/includes/hit.html``).
HIT_SELECT_RELATED = ("district", "organisation", "locale")
HIT_PREFETCH = ("languages",)
#: The columns a hit card reads (title, link, summary, cost, place), and those of the joined rows. Anything
#: else read from ``hit.page`` costs a query per hit: add it here (tests/search/test_speed.py counts them).
HIT_FIELDS = (
    "title", "url_path", "path", "depth", "locale", "translation_key", "content_type", "live",
    "summary", "cost", "latitude", "longitude", "district", "organisation",
    "district__name", "district__slug", "district__locale", "organisation__title", "organisation__url_path",
    "locale__language_code",
)  # fmt: skip


def attach_pages(
    hits: list[SearchHit], listing_types: Mapping[str, ListingType], query: SearchQuery
) -> list[SearchHit]:
    """Load the specific pages of a page of hits and their distances: two queries per listing type.

    The card of a hit shows title, summary, organisation, district, cost and languages, so only those
    columns are loaded (not the type's own prefetches for its listing cards, nor the body): one query for
    the pages with their district, organisation and locale joined in, one for their languages.
    Hits whose page vanished between indexing and now are dropped rather than shown broken.
    """
    by_type: dict[str, list[int]] = {}
    for hit in hits:
        by_type.setdefault(hit.listing_type, []).append(hit.page_id)
    pages = {}
    for key, ids in by_type.items():
        listing_type = listing_types[key]
        queryset = (
            listing_type.model.objects.filter(pk__in=ids)
            .select_related(*HIT_SELECT_RELATED)
            .prefetch_related(*HIT_PREFETCH, *listing_type.hit_prefetch)
            .only(*HIT_FIELDS, *listing_type.hit_fields)
        )
        for page in queryset:
            pages[(key, page.pk)] = page
    kept = []
    for hit in hits:
        page = pages.get((hit.listing_type, hit.page_id))
        if page is None:
            continue
        hit.page = page
        if hit.distance_km is None and query.point is not None and page.has_coordinates:
            hit.distance_km = haversine_km(query.point, page.latitude, page.longitude)
        kept.append(hit)
    return kept
