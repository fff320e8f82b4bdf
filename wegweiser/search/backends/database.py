"""The embedded search backend: the ORM over every listing type, filtered by the listing pages' FilterSets.

It needs nothing but the database, so ``make run`` has a working search. Words are matched in their
forms (stems, umlaut spellings, synonyms, compound parts): on PostgreSQL through the search's own
GIN-indexed table of stored vectors, on SQLite through an FTS5 index of the same table
(:mod:`wegweiser.search.fulltext`, ``WEGWEISER_SEARCH["POSTGRES_FULL_TEXT"]`` and ``["SQLITE_FULL_TEXT"]``,
on by default), otherwise as substrings. Facets are counted from one narrow row per listing
(:class:`~wegweiser.search.models.SearchListing`: its facet values as numbers, an array on PostgreSQL,
JSON on SQLite): per listing type one grouped query (:func:`count_listed`) counts the matches (the type's
own value), every facet without a choice and each chosen facet without its own choice. A page of hits
for words in many listings is taken from the best listings without the words, checked against them
(:class:`Matches`). "Near me" narrows by bounding box and distance, both in SQL.
"""

from __future__ import annotations

import math
import operator
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import reduce

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    Case,
    ExpressionWrapper,
    F,
    FloatField,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Greatest
from django.db.models.lookups import Contains, Regex
from django.http import QueryDict
from wagtail.models import Locale, Page

from wegweiser.search import matching
from wegweiser.search.backends import SearchBackend
from wegweiser.search.facet_values import facet_key, type_key
from wegweiser.search.fulltext import TEXT_FIELDS, key_numbers, matching_rows
from wegweiser.search.geo import EARTH_RADIUS_KM, bounding_box
from wegweiser.search.listing_terms import LANGUAGE_FACET, TOPIC_FACET
from wegweiser.search.matching import (
    Finder,
    Ranking,
    TextPlan,
    plan_text,
    ranking_variants,
    text_filter,
    units_found,
    word_pattern,
)
from wegweiser.search.models import SearchListing
from wegweiser.search.query import (
    TYPE_FACET,
    SearchHit,
    SearchQuery,
    SearchResult,
    on_the_days,
)
from wegweiser.search.results import PlannedSearch
from wegweiser.search.wording import word_variants
from wegweiser.site.listings import active_locale, filterset_for, localized
from wegweiser.site.models import valid_on_q
from wegweiser.site.registry import Facet, ListingType
from wegweiser.site.view_restrictions import restricted_sections


class DatabaseBackend(SearchBackend):
    name = "database"

    def finder(self, query: SearchQuery) -> Finder:
        shown = _shown_pages(query)
        return lambda units: matching_rows(units).filter(page_id__in=shown).exists()

    def counter(self, query: SearchQuery):  # a UnitCounter, as the base class says
        shown = _shown_pages(query)
        return lambda unit: matching_rows([unit]).filter(page_id__in=shown).count()

    def search_planned(self, planned: PlannedSearch) -> SearchResult:
        query, listing_types, plan = planned.query, planned.listing_types, planned.plan
        locale = active_locale(query.locale)
        searched_keys, facets, choices = planned.scope.keys, planned.scope.facets, planned.scope.choices
        counts: dict[str, Counter] = {TYPE_FACET: Counter(), **{name: Counter() for name in facets}}
        filtered: dict[str, Matches | None] = {}
        present = types_with_listings(listing_types)
        asked = []
        for key, listing_type in listing_types.items():
            if key not in present:  # a type switched on but without any published listing: nothing to ask
                counts[TYPE_FACET][key], filtered[key] = 0, None
                continue
            chosen_only = apply_filters(listing_type, self._base(listing_type, query, locale), query.filters)
            if chosen_only is None:  # a chosen facet the type does not have: none of it can match
                counts[TYPE_FACET][key], filtered[key] = 0, None
                continue
            searched_type = key in searched_keys
            own = {facet.name: facet for facet in listing_type.all_facets()}
            shown = {name: facet for name, facet in own.items() if searched_type and name in facets}
            # One query counts the type's matches (its type's value), every facet without a choice over the
            # listings that meet every choice, and each chosen facet over those that meet the others.
            chosen = [
                Chosen(
                    keys=chosen_keys(own[name], values),
                    counted=choice_keys([shown[name]], choices) if name in shown else {},
                )
                for name, values in query.filters.items()
            ]
            unchosen = [facet for name, facet in shown.items() if name not in query.filters]
            counted = {type_key(listing_type): (TYPE_FACET, key), **choice_keys(unchosen, choices)}
            asked.append((key, listing_type, chosen_only, searched_type, shown, counted, chosen))

        numbers = key_numbers({key for *_, counted, chosen in asked for key in counted_keys(counted, chosen)})
        for key, listing_type, chosen_only, searched_type, shown, counted, chosen in asked:
            found = count_listed(listed_rows(listing_type, query, locale, plan), counted, chosen, numbers)
            total = counts[TYPE_FACET][key] = found[TYPE_FACET][key]
            if searched_type and total:
                # Ranked best first from the search's own rows where they say all that was chosen.
                rows = (
                    None
                    if query.filters or query.sort != "relevance"
                    else listed_rows(listing_type, query, locale, plan, words=False)
                )
                filtered[key] = matched_first(listing_type, chosen_only, total, plan, rows)
            else:
                filtered[key] = None
            for name in shown:
                counts[name].update(found[name])

        total = sum(counts[TYPE_FACET][key] for key in searched_keys)
        hits = self._page_of_hits(query, {key: filtered[key] for key in searched_keys}, plan)
        return self.answer(planned, hits, total, counts)

    # -- narrowing --------------------------------------------------------------------------------
    def _base(self, listing_type: ListingType, query: SearchQuery, locale: Locale):
        """Current listings in the visitor's language on the dates and in the place (not the words, not facets)."""
        queryset = localized(listing_type.model.objects.current(), locale)
        queryset = on_the_days(listing_type, queryset, query.date_from, query.date_to)
        return within_radius(queryset, query)

    def _page_of_hits(self, query, filtered: Mapping[str, Matches | None], plan: TextPlan) -> list[SearchHit]:
        """The requested page across all listing types: each type's best ``offset + per_page``, merged."""
        wanted = query.offset + query.per_page
        rows = []
        for key, matches in filtered.items():
            if matches is None:
                continue
            for row in matches.best(query, plan, wanted):
                if query.sort == "distance":
                    pk, nearness, title = row
                    rows.append(((nearness is None, nearness or 0.0, title, pk), SearchHit(key, pk)))
                elif query.sort == "date":
                    pk, score, published = row
                    rank = (-(published.timestamp() if published else 0), pk)
                    rows.append((rank, SearchHit(key, pk, score=float(score))))
                else:
                    pk, score, title = row
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


#: Up to this many listings of a type matched, PostgreSQL finds them before it ranks them (:func:`matched_first`).
FEW_MATCHES = 5000

#: More matched than :data:`FEW_MATCHES`: PostgreSQL ranks the type's current listings without the words, keeps
#: the best (this many pages' worth, and at least :data:`RANKED_AT_LEAST`) and checks them against the words,
#: these pages' worth first (:class:`Matches`).
RANKED_FIRST = 10

#: The fewest of the best kept: for a word in a hundredth of them they still hold a page of 20 (at 100,000
#: listings a word past :data:`FEW_MATCHES` is in a twentieth at least). The bounded sort costs the same
#: for 200 or 2,000; the rest past the first pages' worth is checked against the words only when those
#: did not hold a page of matches (20-25 ms for 2,000).
RANKED_AT_LEAST = 2000


def _shown_pages(query: SearchQuery):
    """The listings shown in the query's language (their ids, for ``page_id__in``)."""
    locale = active_locale(query.locale)
    return localized(SearchListing.objects.all(), locale, translations=Page.objects.live()).values("page_id")


def ordered_hits(queryset: QuerySet, query: SearchQuery, plan: TextPlan) -> QuerySet:
    """``queryset`` in the order of the query's sort, as ``(pk, what it is ranked by, …)`` rows.

    Ranked from the listings' search rows (:class:`~wegweiser.search.models.SearchListing`, joined: their
    folded title and summary), so a listing without a row (never the case once its publishing has written
    it, and not counted by :func:`count_listed` either) is not among the hits. ``queryset`` may also be such
    rows themselves (:func:`listed_rows`; not for the sort by date, which reads the pages).
    """
    on_rows = queryset.model is SearchListing
    if not on_rows:
        queryset = queryset.filter(search_listing__isnull=False)
    folded_title = _row_field("title_folded", on_rows)
    if query.sort == "distance":
        ordered = queryset.annotate(nearness=squared_distance(query.point), sort_title=folded_title)
        ordered = ordered.order_by(F("nearness").asc(nulls_last=True), "sort_title", "pk")
        return ordered.values_list("pk", "nearness", "sort_title")
    own_language = Case(When(locale__language_code=query.locale, then=Value(1)), default=Value(0))
    queryset = queryset.annotate(
        score=ExpressionWrapper(
            (relevance(plan, on_rows) + units_found(plan)) * Value(2) + own_language,
            output_field=FloatField(),
        ),
        sort_title=folded_title,
    )
    if query.sort == "date":
        ordered = queryset.order_by(F("first_published_at").desc(nulls_last=True), "pk")
        return ordered.values_list("pk", "score", "first_published_at")
    return queryset.order_by("-score", "sort_title", "pk").values_list("pk", "score", "sort_title")


@dataclass(frozen=True)
class Matches:
    """A listing type's matches, for a page of hits (:meth:`best`).

    ``unworded``: the same listings without the condition of the words, when the words are in many of them;
    or, where the search's rows say all that was chosen, their rows (:func:`listed_rows`), which rank without
    joining the pages (at 100,000 listings 58 ms against 220-245 ms, sorted in memory, not on disk).
    Ranking the matches, PostgreSQL would rank and sort every current listing (at 100,000 listings with a
    word in all of them 190 ms, sorted on disk) and only then check the best against the words. The order
    does not depend on the words' condition, so the best of ``unworded`` (:data:`RANKED_FIRST`,
    :data:`RANKED_AT_LEAST`; a bounded sort, 110-120 ms) checked against the words hold the best matches, as
    long as a page's worth of them is among those: otherwise the matches are ranked as before.
    """

    listings: QuerySet
    unworded: QuerySet | None = None
    words: Q | None = None

    def best(self, query: SearchQuery, plan: TextPlan, wanted: int) -> list[tuple]:
        """The best ``wanted`` matches, as :func:`ordered_hits` rows."""
        found = self._among_the_best(query, plan, wanted) if self.unworded is not None else None
        if found is None:
            found = list(ordered_hits(self.listings, query, plan)[:wanted])
        return found

    def _among_the_best(self, query: SearchQuery, plan: TextPlan, wanted: int) -> list[tuple] | None:
        """The best ``wanted`` matches among the best of ``unworded``, or ``None`` if those do not hold them."""
        limit = max(RANKED_FIRST * wanted, RANKED_AT_LEAST)
        best = list(ordered_hits(self.unworded, query, plan)[:limit])
        kept: list[tuple] = []
        for rows in (best[: RANKED_FIRST * wanted], best[RANKED_FIRST * wanted :]):
            if len(kept) >= wanted or not rows:
                break
            with_words = set(
                self.listings.filter(pk__in=[row[0] for row in rows]).values_list("pk", flat=True)
            )
            kept += [row for row in rows if row[0] in with_words]
        return kept[:wanted] if len(kept) >= wanted or len(best) < limit else None


def matched_first(
    listing_type: ListingType, chosen_only: QuerySet, total: int, plan: TextPlan, rows: QuerySet | None = None
) -> Matches:
    """The listings of ``chosen_only`` with the words (``total`` of them, as counted), for ranking a page of
    hits: on PostgreSQL, when they are few, as a subquery it must run first; when they are many, with
    ``chosen_only`` (or the same listings' search ``rows``, if given) to rank without the words' condition
    (:class:`Matches`).

    Otherwise PostgreSQL ranks every current listing of the type and only then checks each, best first,
    against the words until it has a page: at 100,000 listings about 300 ms for a word in 2,000 of them
    (the relevance of all 100,000 titles and summaries, sorted on disk), against about 50 ms when it finds
    the 2,000 first (the index of the words) and ranks only those. A ``LIMIT`` keeps the subquery from being
    merged into the ranking query. For a word in most listings that subquery is the slower way (at 100,000
    matches 525 ms), and SQLite plans the words first anyway (the subquery made it 5-50 % slower there).
    """
    words = text_filter(plan)
    narrowed = chosen_only.filter(words)
    if connection.vendor != "postgresql":
        return Matches(narrowed)
    if total > FEW_MATCHES:
        if not plan.typed:
            return Matches(narrowed)
        return Matches(narrowed, unworded=chosen_only if rows is None else rows, words=words)
    matched = narrowed.order_by().values("pk")[: 2 * FEW_MATCHES]
    return Matches(listing_type.model.objects.filter(pk__in=Subquery(matched)))


def within_radius(queryset: QuerySet, query: SearchQuery) -> QuerySet:
    """The listings (or their search rows: ``latitude``, ``longitude``) within the query's radius, if any."""
    if query.point is None or not query.radius_km:
        return queryset
    min_lat, max_lat, min_lon, max_lon = bounding_box(query.point, query.radius_km)
    queryset = queryset.filter(latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon))
    return queryset.alias(distance_squared=squared_distance(query.point)).filter(
        distance_squared__lte=radius_squared(query.radius_km)
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


def types_with_listings(listing_types: Mapping[str, ListingType]) -> set[str]:
    """The listing types that have any published listing in the search's rows: one query, an index lookup
    per type. A type without any costs a search nothing more; asked anyway, its count would still evaluate
    the words against every listing of the other types (on SQLite 0.1-0.2 s at 100,000)."""
    keys = {listing_type.key: key for key, listing_type in listing_types.items()}
    if not keys:
        return set()
    table = connection.ops.quote_name(SearchListing._meta.db_table)
    exists = f"SELECT %s WHERE EXISTS (SELECT 1 FROM {table} WHERE listing_type = %s)"  # noqa: S608 - own table
    with connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join([exists] * len(keys)), [part for key in keys for part in (key, key)]
        )
        return {keys[row[0]] for row in cursor.fetchall()}


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
    """The facet values to count for these facets: ``{"topic:sprache": ("topic", "sprache")}``, only the
    choices a visitor can see."""
    keys = {}
    for facet in facets:
        values = ["1"] if facet.kind == "flag" else [value for value, _label in choices.get(facet.name, [])]
        keys.update({facet_key(facet.name, value): (facet.name, value) for value in values})
    return keys


def chosen_keys(facet: Facet, values: list[str]) -> list[str]:
    """The facet values that meet a visitor's choice of a facet (any of the chosen values; a flag's "1")."""
    return (
        [facet_key(facet.name, "1")] if facet.kind == "flag" else [facet_key(facet.name, v) for v in values]
    )


@dataclass(frozen=True)
class Chosen:
    """A facet a visitor has chosen values of: the rows that meet the choice (``keys``), and the values to
    count for it (``counted``), over the listings that meet every other choice (disjunctive facets)."""

    keys: list[str]
    counted: Mapping[str, tuple[str, str]]


def listed_rows(
    listing_type: ListingType, query: SearchQuery, locale: Locale, plan: TextPlan, words: bool = True
) -> QuerySet:
    """What :meth:`DatabaseBackend._base` matches, as rows of the search's own narrow table
    (:class:`~wegweiser.search.models.SearchListing`): what a search's facets are counted over.

    The same conditions on the same values: the rows of the type's published listings, valid today, in the
    visitor's language or else the German original (where no translation is published, as the listing
    pages do it), outside private sections, with the words, on the chosen days (read from the
    type's own tables: events have dates of their own) and in the radius; without ``words``, whatever the
    words (what :class:`Matches` ranks first).
    """
    rows = SearchListing.objects.filter(valid_on_q(), listing_type=listing_type.key)
    rows = localized(rows, locale, translations=Page.objects.live())
    if restricted_sections():
        private = listing_type.model.objects.all().private_q()
        rows = rows.exclude(page_id__in=Page.objects.filter(private).values("pk"))
    if words and query.words:
        rows = rows.filter(text_filter(plan))
    if query.date_from or query.date_to:
        days = on_the_days(listing_type, listing_type.model.objects.all(), query.date_from, query.date_to)
        rows = rows.filter(page_id__in=days.values("pk"))
    return within_radius(rows, query)


def counted_keys(keys: Mapping[str, tuple[str, str]], chosen: Sequence[Chosen]) -> set[str]:
    """Every facet value a count of :func:`count_listed` reads: those counted and those chosen."""
    return {*keys, *(key for choice in chosen for key in [*choice.keys, *choice.counted])}


class _Arrays:
    """How the database reads a narrow row's facet value numbers: PostgreSQL an ``integer[]`` (``keys``),
    SQLite a JSON array (:class:`~wegweiser.search.models.KeyCodes`) unnested with ``json_each``, and
    whether a listing carries a value as a substring of its numbers between commas (``bounded``)."""

    def __init__(self, numbers: Mapping[str, int]):
        self.postgresql = connection.vendor == "postgresql"
        self.numbers = numbers
        # a value's number, as :meth:`grouped` names it
        self.value = "code" if self.postgresql else "code.value"

    def codes(self, keys) -> list[int]:
        return sorted({int(self.numbers[key]) for key in keys if key in self.numbers})

    def columns(self, chosen: bool) -> str:
        """What the rows of the listings matched carry for counting."""
        if self.postgresql or not chosen:
            return "listing.keys"
        # "[3,12,40]" as ",3,12,40,": a value is carried if ",12," is in it
        return "listing.keys, ',' || substr(listing.keys, 2, length(listing.keys) - 2) || ',' AS bounded"

    def kept(self) -> str:
        """Keeps SQLite from merging a subquery into the one around it (``LIMIT -1``): merged, it evaluated the
        choices' columns again for every value of every listing (at 100,000 listings 300 instead of 185 ms)."""
        return "" if self.postgresql else " LIMIT -1"

    def grouped(self, rows: str, where: str) -> str:
        """How many of ``rows`` carry each value: a row per value of a listing, grouped, those meeting
        ``where`` (a condition on the value, :attr:`value`, and the choices' columns), if given.

        Without a condition PostgreSQL unnests in the select list: at 100,000 listings 56 against 90 ms
        for ``unnest`` joined laterally. With one the lateral join stays: PostgreSQL then checks the
        words only for the listings that meet the choices (49 against 118 ms in the select list).
        """
        if self.postgresql and not where:
            values = f"SELECT unnest(listing.keys) AS code FROM ({rows}) listing"  # noqa: S608 - built here
            return f"SELECT code, COUNT(*) FROM ({values}) listing GROUP BY code"  # noqa: S608
        each = "unnest(listing.keys)" if self.postgresql else "json_each(listing.keys)"
        condition = f" WHERE {where}" if where else ""
        return (
            f"SELECT {self.value}, COUNT(*) FROM ({rows}) listing, {each} AS code"  # noqa: S608 - built here
            f"{condition} GROUP BY {self.value}"
        )

    def is_one_of(self, value: str, keys) -> str:
        codes = self.codes(keys)
        if not codes:
            return "1 = 0"
        return f"{value} IN ({', '.join(map(str, codes))})"

    def has_any(self, keys) -> str:
        """1 if the listing carries any of these values, else 0."""
        codes = self.codes(keys)
        if not codes:
            return "0"
        if self.postgresql:
            return f"(listing.keys && ARRAY[{', '.join(map(str, codes))}])::int"
        return "(" + " OR ".join(f"instr(listing.bounded, ',{code},') > 0" for code in codes) + ")"


def count_listed(
    rows: QuerySet,
    keys: Mapping[str, tuple[str, str]],
    chosen: Sequence[Chosen],
    numbers: Mapping[str, int],
) -> dict[str, Counter]:
    """How many listings carry each facet value: one grouped query over the narrow rows of the listings
    matched (:func:`listed_rows`), each listing's values unnested, ``{facet: {value: listings}}``.

    Without ``chosen``, ``keys`` are counted over all of ``rows``. With chosen facets, ``rows`` are what
    the words, dates and place match; ``keys`` are counted over those that meet every choice, and each
    chosen facet's own values over those that meet every other choice (disjunctive facets), all in the
    same query: a column per choice says whether the listing meets it. ``numbers``: the numbers of the
    values read (:func:`counted_keys`, :func:`~wegweiser.search.fulltext.key_numbers`).

    At 100,000 listings this is about a third of what joining every matched listing's rows of facet values
    cost (a million rows; bench/SEARCH.md).
    """
    try:
        matched, params = rows.order_by().values("keys").query.sql_with_params()
    except EmptyResultSet:  # a condition that can match nothing (no word of the text is known anywhere)
        return _named_counts(keys, chosen, [], {})
    arrays = _Arrays(numbers)
    inner = f"SELECT {arrays.columns(bool(chosen))} FROM ({matched}) listing"  # noqa: S608 - built here
    if chosen:
        met = ", ".join(f"{arrays.has_any(choice.keys)} AS c{n}" for n, choice in enumerate(chosen))
        inner = f"SELECT listing.*, {met} FROM ({inner}) listing{arrays.kept()}"  # noqa: S608
    if len(chosen) > 1:  # every count needs all choices but one met
        enough = " + ".join(f"c{number}" for number in range(len(chosen)))
        inner = f"SELECT * FROM ({inner}) listing WHERE {enough} >= {len(chosen) - 1}{arrays.kept()}"  # noqa: S608

    def meets(skip: int | None) -> str:
        return " AND ".join(f"c{number} = 1" for number in range(len(chosen)) if number != skip) or "1 = 1"

    # Without choices every value of every listing is counted (those not asked for are left out below).
    branches = [
        f"({arrays.is_one_of(arrays.value, counted)} AND {meets(skip)})"
        for counted, skip in [(keys, None), *((choice.counted, n) for n, choice in enumerate(chosen))]
        if counted
    ]
    sql = arrays.grouped(inner, " OR ".join(branches) if chosen else "")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return _named_counts(keys, chosen, cursor.fetchall(), numbers)


def _named_counts(
    keys: Mapping[str, tuple[str, str]], chosen: Sequence[Chosen], rows, numbers: Mapping[str, int]
) -> dict[str, Counter]:
    """``{facet: {value: listings}}`` from counted ``(facet value number, listings)`` rows."""
    counts: dict[str, Counter] = defaultdict(Counter)
    named = {**keys, **{key: name for choice in chosen for key, name in choice.counted.items()}}
    by_number = {number: named[key] for key, number in numbers.items() if key in named}
    for number, listings in rows:
        if int(number) in by_number:
            name, value = by_number[int(number)]
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


def _row_field(name: str, on_rows: bool = False) -> F:
    """A field of the listing's search row, read from the listing (``search_listing__…``) or ``on_rows``: the
    title and summary folded as searched words are (:func:`~wegweiser.search.wording.fold`), as the row keeps
    them (:func:`~wegweiser.search.fulltext.store_listing_rows`), are what hits are ranked and hits ranked alike
    are sorted by."""
    return F(name if on_rows else f"search_listing__{name}")


def relevance(plan: TextPlan, on_rows: bool = False):
    """A simple score (:func:`~wegweiser.search.matching.ranking_variants`): a word in the title counts
    three, a typed compound's parts apart there a little less (:data:`~wegweiser.search.matching.PART_WEIGHT`),
    the word in the summary two, elsewhere one, a topic of the listing the word names 1 and
    :data:`~wegweiser.search.matching.TOPIC_WEIGHT` divided by its number of topics where that is more, and
    :data:`~wegweiser.search.matching.ORGANISATION_WEIGHT` where it names the listing's organisation,
    :data:`~wegweiser.search.matching.LANGUAGE_WEIGHT` where it names a language the listing is offered in; title,
    summary, facet values, number of topics and organisation read from the listing's search row, title and summary folded as
    the words are ("mutter" is in "Mütter")."""
    score = real(0)
    rankings = ranking_variants(plan)
    if not rankings:
        return score
    numbers = key_numbers(
        {facet_key(TOPIC_FACET, topic) for ranking in rankings for topic in ranking.topics}
        | {facet_key(LANGUAGE_FACET, language) for ranking in rankings for language in ranking.languages}
    )
    for ranking in rankings:
        title = _row_field("title_folded", on_rows)
        in_text = [When(_found_in(title, ranking), then=real(3))]
        if ranking.parts:
            in_parts = [Q(Contains(title, part)) for part in ranking.parts]
            in_text.append(When(reduce(operator.and_, in_parts), then=real(matching.ALL_PARTS_WEIGHT)))
            modifiers = [Q(Contains(title, part)) for part in ranking.modifiers]
            in_text.append(When(reduce(operator.or_, modifiers), then=real(matching.PART_WEIGHT)))
        in_text.append(When(_found_in(_row_field("summary_folded", on_rows), ranking), then=real(2)))
        found = Case(*in_text, default=real(1), output_field=FloatField())
        codes = [
            numbers[key] for topic in ranking.topics if (key := facet_key(TOPIC_FACET, topic)) in numbers
        ]
        if codes:
            found = Greatest(found, _topic_tier(codes, on_rows), output_field=FloatField())
        spoken = [
            numbers[key]
            for language in ranking.languages
            if (key := facet_key(LANGUAGE_FACET, language)) in numbers
        ]
        if spoken:
            found = Greatest(
                found, _carrying(spoken, real(matching.LANGUAGE_WEIGHT), on_rows), output_field=FloatField()
            )
        if ranking.organisations:
            found = Greatest(
                found, _organisation_tier(ranking.organisations, on_rows), output_field=FloatField()
            )
        score = score + found
    return score


def _organisation_tier(keys: tuple[str, ...], on_rows: bool = False):
    """What a listing of one of these organisations (their translation keys) counts for a word naming them:
    :data:`~wegweiser.search.matching.ORGANISATION_WEIGHT`; else 0."""
    field = "organisation_key" if on_rows else "search_listing__organisation_key"
    return Case(
        When(**{f"{field}__in": keys}, then=real(matching.ORGANISATION_WEIGHT)),
        default=real(0),
        output_field=FloatField(),
    )


def _topic_tier(codes: list[int], on_rows: bool = False):
    """What a listing carrying one of these topics (their facet values' numbers) counts for a word naming
    them: 1 and :data:`~wegweiser.search.matching.TOPIC_WEIGHT` divided by its number of topics; else 0."""
    # At least one: a row written before migration 0018's fill has none, and carries the topic all the same.
    share = real(1) + real(matching.TOPIC_WEIGHT) / Greatest(_row_field("topic_count", on_rows), Value(1))
    return _carrying(codes, share, on_rows)


def _carrying(codes: list[int], counts, on_rows: bool = False):
    """``counts`` for a listing carrying one of these facet values (their numbers), else 0: a topic's share,
    a language spoken (:data:`~wegweiser.search.matching.LANGUAGE_WEIGHT`)."""
    keys = "keys" if on_rows else "search_listing__keys"
    return Case(
        When(**{f"{keys}__carries_any": codes}, then=counts), default=real(0), output_field=FloatField()
    )


def real(number: float) -> Cast:
    """A number the database computes with as a floating-point number: PostgreSQL reads ``0.0`` as an exact
    ``numeric``, and a score summed and sorted as ``numeric`` over 100,000 rows took 320 ms against 250 ms
    as ``double precision``."""
    return Cast(Value(number), FloatField())


def _found_in(text, ranking: Ranking) -> Q:
    condition = Q(pk__in=[])
    for variant in ranking.within:
        condition |= Q(Contains(text, variant))
    for form in ranking.words:
        condition |= Q(Regex(text, word_pattern(form)))
    return condition
