"""The embedded search backend: the ORM over every listing type, filtered by the listing pages' FilterSets.

It needs nothing but the database, so ``make run`` has a working search. Words are matched in their
forms (stems, umlaut spellings, synonyms, compound parts): on PostgreSQL through the search's own
GIN-indexed table of stored vectors, on SQLite through an FTS5 index of the same table
(:mod:`wegweiser.search.fulltext`, ``WEGWEISER_SEARCH["POSTGRES_FULL_TEXT"]`` and ``["SQLITE_FULL_TEXT"]``,
on by default), otherwise as substrings. Per listing type, one query
counts the matches and every single-valued facet (conditional aggregation); each many-valued facet
(topics, languages, ...) and each chosen facet (counted without its own choice) takes one grouped query.
"Near me" narrows by bounding box and distance, both in SQL.
"""

from __future__ import annotations

import math
import time
from collections import Counter
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
from wegweiser.search.fulltext import TEXT_FIELDS
from wegweiser.search.geo import EARTH_RADIUS_KM, bounding_box
from wegweiser.search.matching import TextPlan, plan_text, ranking_variants, text_filter, units_found
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
            own = {facet.name: facet for facet in listing_type.all_facets()}
            # One query counts the type's matches and every unchosen single-valued facet at once.
            together = [
                own[name]
                for name in facets
                if key in searched_keys
                and name in own
                and name not in query.filters
                and not is_many(listing_type.model, own[name])
            ]
            total, together_counts = count_together(narrowed, together, choices)
            counts[TYPE_FACET][key] = total
            # A type with nothing matching the words, dates and place needs no facet queries at all.
            if key not in searched_keys or (total == 0 and (not query.filters or not base.exists())):
                filtered[key] = None
                continue
            filtered[key] = narrowed if total else None
            for name, counter in together_counts.items():
                counts[name].update(counter)
            for name, facet in own.items():
                if name not in facets or facet in together:
                    continue
                # A chosen facet is counted without its own choice (disjunctive); a many-valued one
                # (topics, languages) needs its own grouped query.
                queryset = (
                    narrowed
                    if name not in query.filters
                    else apply_filters(listing_type, base, query.filters_without(name))
                )
                if queryset is not None:
                    counts[name].update(count_values(queryset, facet))

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


def relations(model, lookup: str) -> list:
    """The relation fields a lookup follows from ``model`` (``topics__slug``: the field ``topics``)."""
    fields = []
    for part in lookup.split("__")[:-1]:
        field = model._meta.get_field(part)
        fields.append(field)
        model = field.related_model
        if model is None:
            break
    return fields


def is_many(model, facet) -> bool:
    """Whether a listing can carry several values of the facet (its lookup follows a to-many relation)."""
    return any(field.many_to_many or field.one_to_many for field in relations(model, facet.field))


def count_together(
    queryset: QuerySet, facets: list, choices: Mapping[str, list[tuple[str, str]]]
) -> tuple[int, dict[str, Counter]]:
    """The number of listings and, in the same query, how many carry each choice of single-valued facets.

    Conditional aggregation (``COUNT(*) FILTER (WHERE cost = 'free')`` ...) reads the matching rows
    once instead of once per facet; only the choices a visitor can see are counted.
    """
    aggregates = {"total": Count("pk")}
    names: dict[str, tuple[str, str]] = {}
    for facet_number, facet in enumerate(facets):
        values = ["1"] if facet.kind == "flag" else [value for value, _label in choices.get(facet.name, [])]
        for value_number, value in enumerate(values):
            alias = f"f{facet_number}_{value_number}"
            aggregates[alias] = Count("pk", filter=facet.condition(value))
            names[alias] = (facet.name, value)
    row = queryset.order_by().aggregate(**aggregates)
    counts: dict[str, Counter] = {facet.name: Counter() for facet in facets}
    for alias, (name, value) in names.items():
        if row[alias]:
            counts[name][value] = row[alias]
    return row["total"] or 0, counts


def one_row_per_value(model, facet: Facet) -> bool:
    """Whether joining a listing to the facet's values gives one row per value: the lookups follow
    relations to one, and at most one many-to-many field (whose table holds each pair once)."""
    fields = [field for lookup in facet.lookups for field in relations(model, lookup)]
    if any(field.one_to_many or (field.many_to_many and not field.concrete) for field in fields):
        return False  # reverse relations: a value may come back in several rows
    many_to_many = sum(1 for field in fields if field.many_to_many)
    return many_to_many == 0 or (many_to_many == 1 and len(facet.lookups) == 1)


def count_values(queryset: QuerySet, facet: Facet) -> Counter:
    """How many distinct listings carry each value of a facet: one aggregate query.

    Where a listing's row meets each of its values once (:func:`one_row_per_value`), the values are
    counted over the matching ids with a plain ``COUNT``: the listings are joined to the values only,
    and PostgreSQL groups them in a hash instead of sorting every row for ``COUNT(DISTINCT …)`` (at
    100,000 listings a sort on disk of 130,000 rows, 60-90 ms per facet).
    """
    if one_row_per_value(queryset.model, facet):
        source = queryset.model.objects.filter(pk__in=queryset.order_by().values("pk"))
        listings = Count("pk")
    else:
        source, listings = queryset, Count("pk", distinct=True)
    rows = (
        source.order_by()
        .values(*facet.lookups)
        .annotate(listings=listings)
        .values_list(*facet.lookups, "listings")
    )
    counter: Counter = Counter()
    for *raw, listings in rows:
        for value in facet.values_of(*raw):
            counter[value] += listings
    return counter


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
