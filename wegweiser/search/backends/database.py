"""The embedded search backend: the ORM over every listing type, filtered by the listing pages' FilterSets.

It needs nothing but the database, so ``make run`` has a working search. Words are matched in their
forms (stems, umlaut spellings, synonyms, compound parts): on PostgreSQL through the search's own
GIN-indexed table of stored vectors, on SQLite through an FTS5 index of the same table
(:mod:`wegweiser.search.fulltext`, ``WEGWEISER_SEARCH["POSTGRES_FULL_TEXT"]`` and ``["SQLITE_FULL_TEXT"]``,
on by default), otherwise as substrings. Facets are counted from the listings' stored facet rows
(:class:`~wegweiser.search.models.SearchFacet`): per listing type one grouped query counts the matches
(the type's own row) and every facet without a choice; each chosen facet, counted without its own choice,
takes one more.
"Near me" narrows by bounding box and distance, both in SQL.
"""

from __future__ import annotations

import math
import time
from collections import Counter, defaultdict
from collections.abc import Mapping

from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Lower
from django.http import QueryDict
from wagtail.models import Locale

from wegweiser.search.backends import SearchBackend
from wegweiser.search.choices import facet_choices
from wegweiser.search.facet_values import facet_key, type_key
from wegweiser.search.fulltext import TEXT_FIELDS
from wegweiser.search.geo import EARTH_RADIUS_KM, bounding_box
from wegweiser.search.matching import TextPlan, plan_text, ranking_variants, text_filter, units_found
from wegweiser.search.models import SearchFacet
from wegweiser.search.query import (
    TYPE_FACET,
    SearchHit,
    SearchQuery,
    SearchResult,
    on_the_days,
    search_facets,
)
from wegweiser.search.results import search_result
from wegweiser.search.wording import word_variants
from wegweiser.site.listings import active_locale, filterset_for, localized
from wegweiser.site.registry import Facet, ListingType


class DatabaseBackend(SearchBackend):
    name = "database"

    def search(self, query: SearchQuery, listing_types: Mapping[str, ListingType]) -> SearchResult:
        started = time.perf_counter()
        locale = active_locale(query.locale)
        plan = plan_text(query.words)
        searched_keys = query.listing_types or list(listing_types)
        searched = [listing_types[key] for key in searched_keys]
        facets = search_facets(searched)
        choices = facet_choices(facets)
        counts: dict[str, Counter] = {TYPE_FACET: Counter(), **{name: Counter() for name in facets}}
        filtered: dict[str, QuerySet | None] = {}
        for key, listing_type in listing_types.items():
            base = self._base(listing_type, query, locale, plan)
            narrowed = apply_filters(listing_type, base, query.filters)
            if narrowed is None:  # a chosen facet the type does not have: none of it can match
                counts[TYPE_FACET][key], filtered[key] = 0, None
                continue
            own = {facet.name: facet for facet in listing_type.all_facets() if facet.name in facets}
            searched_type = key in searched_keys
            # One query counts the type's matches (its type row) and every facet without a choice.
            unchosen = [facet for name, facet in own.items() if searched_type and name not in query.filters]
            found = count_keys(
                narrowed, {type_key(listing_type): (TYPE_FACET, key), **choice_keys(unchosen, choices)}
            )
            total = counts[TYPE_FACET][key] = found[TYPE_FACET][key]
            # A type with nothing matching the words, dates and place needs no facet queries at all.
            if not searched_type or (total == 0 and (not query.filters or not base.exists())):
                filtered[key] = None
                continue
            filtered[key] = narrowed if total else None
            for facet in unchosen:
                counts[facet.name].update(found[facet.name])
            # A chosen facet is counted without its own choice (disjunctive): one query each.
            for name in query.filters:
                without = (
                    apply_filters(listing_type, base, query.filters_without(name)) if name in own else None
                )
                if without is not None:
                    counts[name].update(count_keys(without, choice_keys([own[name]], choices))[name])

        total = sum(counts[TYPE_FACET][key] for key in searched_keys)
        hits = self._page_of_hits(query, {key: filtered[key] for key in searched_keys}, plan)
        return search_result(
            query,
            hits,
            total,
            counts,
            listing_types=listing_types,
            searched=searched,
            plan=plan,
            backend=self.name,
            started=started,
        )

    # -- narrowing --------------------------------------------------------------------------------
    def _base(self, listing_type: ListingType, query: SearchQuery, locale: Locale, plan: TextPlan):
        """Current listings in the visitor's language matching the words, dates and place (not facets)."""
        queryset = localized(listing_type.model.objects.current(), locale)
        if query.words:
            queryset = queryset.filter(text_filter(plan))
        queryset = on_the_days(listing_type, queryset, query.date_from, query.date_to)
        if query.point is not None and query.radius_km:
            min_lat, max_lat, min_lon, max_lon = bounding_box(query.point, query.radius_km)
            queryset = queryset.filter(
                latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon)
            )
            queryset = queryset.alias(distance_squared=squared_distance(query.point)).filter(
                distance_squared__lte=radius_squared(query.radius_km)
            )
        return queryset

    def _page_of_hits(self, query, filtered, plan: TextPlan) -> list[SearchHit]:
        """The requested page across all listing types: each type's best ``offset + per_page``, merged."""
        wanted = query.offset + query.per_page
        rows = []
        for key, queryset in filtered.items():
            if queryset is None:
                continue
            if query.sort == "distance":
                ordered = queryset.annotate(nearness=squared_distance(query.point), sort_title=Lower("title"))
                ordered = ordered.order_by(F("nearness").asc(nulls_last=True), "sort_title", "pk")
                for pk, nearness, title in ordered.values_list("pk", "nearness", "sort_title")[:wanted]:
                    rows.append(((nearness is None, nearness or 0.0, title, pk), SearchHit(key, pk)))
                continue
            queryset = queryset.annotate(
                score=relevance(plan) + units_found(plan) * Value(10),
                sort_title=Lower("title"),
            )
            if query.sort == "date":
                ordered = queryset.order_by(F("first_published_at").desc(nulls_last=True), "pk")
                for pk, score, published in ordered.values_list("pk", "score", "first_published_at")[:wanted]:
                    rank = (-(published.timestamp() if published else 0), pk)
                    rows.append((rank, SearchHit(key, pk, score=float(score))))
            else:
                ordered = queryset.order_by("-score", "sort_title", "pk")
                for pk, score, title in ordered.values_list("pk", "score", "sort_title")[:wanted]:
                    rows.append(((-float(score), title, pk), SearchHit(key, pk, score=float(score))))
        rows.sort(key=lambda row: row[0])
        return [hit for _rank, hit in rows[query.offset : wanted]]

    # -- suggestions ------------------------------------------------------------------------------
    def completions(
        self, prefix: str, locale: str, listing_types: Mapping[str, ListingType], limit: int
    ) -> list[str]:
        """Titles of current listings starting with (or else containing) what has been typed so far."""
        found: list[str] = []
        locale_obj = active_locale(locale)
        for lookup in ("istartswith", "icontains"):
            for listing_type in listing_types.values():
                queryset = localized(listing_type.model.objects.current(), locale_obj)
                titles = (
                    queryset.filter(**{f"title__{lookup}": prefix})
                    .order_by("title")
                    .values_list("title", flat=True)
                )
                found.extend(titles[:limit])
            found = list(dict.fromkeys(found))
            if len(found) >= limit:
                break
        return sorted(
            found[:limit], key=lambda title: (not title.lower().startswith(prefix.lower()), title.lower())
        )


def squared_distance(point):
    """Squared distance in degrees of latitude, with longitude scaled to the point's latitude.

    Within a town this equirectangular measure orders and bounds like the great-circle distance
    (the difference is far below a metre), and every database can compute it in SQL.
    """
    scale = math.cos(math.radians(point.latitude))
    lat = F("latitude") - Value(point.latitude)
    lon = (F("longitude") - Value(point.longitude)) * Value(scale)
    return ExpressionWrapper(lat * lat + lon * lon, output_field=FloatField())


def radius_squared(radius_km: float) -> float:
    return math.degrees(radius_km / EARTH_RADIUS_KM) ** 2


def apply_filters(
    listing_type: ListingType, queryset: QuerySet, filters: dict[str, list[str]]
) -> QuerySet | None:
    """The listing page's own FilterSet applied to ``queryset``; ``None`` if a filter does not apply to the type."""
    own = {facet.name: facet for facet in listing_type.all_facets()}
    if any(name not in own for name in filters):
        return None
    if not filters:
        return queryset
    data = QueryDict(mutable=True)
    for name, values in filters.items():
        data.setlist(name, ["on"] if own[name].kind == "flag" else values)
    return filterset_for(listing_type)(data=data, queryset=queryset).qs


def choice_keys(
    facets: list[Facet], choices: Mapping[str, list[tuple[str, str]]]
) -> dict[str, tuple[str, str]]:
    """The facet rows to count for these facets: ``{"topic:sprache": ("topic", "sprache")}``, only the
    choices a visitor can see."""
    keys = {}
    for facet in facets:
        values = ["1"] if facet.kind == "flag" else [value for value, _label in choices.get(facet.name, [])]
        keys.update({facet_key(facet.name, value): (facet.name, value) for value in values})
    return keys


def count_keys(queryset: QuerySet, keys: Mapping[str, tuple[str, str]]) -> dict[str, Counter]:
    """How many of the listings in ``queryset`` carry each facet value of ``keys``: one grouped query over
    their facet rows (:class:`~wegweiser.search.models.SearchFacet`), ``{facet: {value: listings}}``."""
    counts: dict[str, Counter] = defaultdict(Counter)
    if not keys:
        return counts
    rows = (
        SearchFacet.objects.filter(page_id__in=queryset.order_by().values("pk"), key__in=list(keys))
        .values("key")
        .annotate(listings=Count("pk"))
        .values_list("key", "listings")
    )
    for key, listings in rows:
        name, value = keys[key]
        counts[name][value] += listings
    return counts


def text_condition(words: list[str], locale_code: str = "") -> Q:
    """The listings the typed words find: the one text matching of the search, the per-type finder pages and the API.

    Planned by :func:`wegweiser.search.matching.plan_text` (all words if some listing has them all,
    typos corrected, stop words and unknown words left out) and matched through the search's table of
    searchable words: on PostgreSQL its GIN-indexed vectors, on SQLite its FTS5 index, otherwise
    substrings of it.
    """
    return text_filter(plan_text(words))


def like_condition(word: str) -> Q:
    """Any form of one word as a substring of a title, summary or description."""
    word_q = Q()
    for variant in word_variants(word):
        for field in TEXT_FIELDS:
            word_q |= Q(**{f"{field}__icontains": variant})
    return word_q


def relevance(plan: TextPlan):
    """A simple score (:func:`~wegweiser.search.matching.ranking_variants`): a word in the title counts
    three, in the summary two, elsewhere one."""
    score = Value(0, output_field=IntegerField())
    for variants in ranking_variants(plan):
        title_q, summary_q = Q(), Q()
        for variant in variants:
            title_q |= Q(title__icontains=variant)
            summary_q |= Q(summary__icontains=variant)
        score = score + Case(
            When(title_q, then=Value(3)),
            When(summary_q, then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    return score
