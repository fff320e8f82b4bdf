"""The embedded search backend: the ORM over every listing type, filtered by the listing pages' FilterSets.

It needs nothing but the database, so ``make run`` has a working search. Words are matched in their
forms (stems, umlaut spellings, synonyms, compound parts): on PostgreSQL through the search's own
GIN-indexed table of stored vectors, on SQLite through an FTS5 index of the same table
(:mod:`wegweiser.search.fulltext`, ``WEGWEISER_SEARCH["POSTGRES_FULL_TEXT"]`` and ``["SQLITE_FULL_TEXT"]``,
on by default), otherwise as substrings. Facets are counted from the listings' stored facet values: per
listing type one grouped query counts the matches (the type's own value), every facet without a choice and
each chosen facet without its own choice. On PostgreSQL it reads one narrow row per listing
(:class:`~wegweiser.search.models.SearchListing`, its values an array of numbers: :func:`count_listed`),
elsewhere, and where dates are chosen, the facet rows (:class:`~wegweiser.search.models.SearchFacet`)
of the listings matched.
"Near me" narrows by bounding box and distance, both in SQL.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Lower
from django.http import QueryDict
from wagtail.models import Locale, Page

from wegweiser.search.backends import SearchBackend
from wegweiser.search.choices import facet_choices
from wegweiser.search.facet_values import facet_key, type_key
from wegweiser.search.fulltext import TEXT_FIELDS
from wegweiser.search.geo import EARTH_RADIUS_KM, bounding_box
from wegweiser.search.matching import (
    Finder,
    TextPlan,
    plan_text,
    ranking_variants,
    rows_found,
    text_filter,
    units_found,
)
from wegweiser.search.models import SearchFacet, SearchKey, SearchListing
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
from wegweiser.site.models import valid_on_q
from wegweiser.site.registry import Facet, ListingType
from wegweiser.site.view_restrictions import restricted_sections


class DatabaseBackend(SearchBackend):
    name = "database"

    def finder(self, query: SearchQuery) -> Finder:
        return rows_found

    def search_planned(
        self, query: SearchQuery, listing_types: Mapping[str, ListingType], plan: TextPlan, started: float
    ) -> SearchResult:
        locale = active_locale(query.locale)
        searched_keys = query.listing_types or list(listing_types)
        searched = [listing_types[key] for key in searched_keys]
        facets = search_facets(searched)
        choices = facet_choices(facets)
        counts: dict[str, Counter] = {TYPE_FACET: Counter(), **{name: Counter() for name in facets}}
        filtered: dict[str, QuerySet | None] = {}
        present = types_with_listings(listing_types)
        for key, listing_type in listing_types.items():
            if key not in present:  # a type switched on but without any published listing: nothing to ask
                counts[TYPE_FACET][key], filtered[key] = 0, None
                continue
            base = self._base(listing_type, query, locale, plan)
            narrowed = apply_filters(listing_type, base, query.filters)
            if narrowed is None:  # a chosen facet the type does not have: none of it can match
                counts[TYPE_FACET][key], filtered[key] = 0, None
                continue
            searched_type = key in searched_keys
            own = {facet.name: facet for facet in listing_type.all_facets()}
            shown = {name: facet for name, facet in own.items() if searched_type and name in facets}
            # One query counts the type's matches (its type row), every facet without a choice over the
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
            listed = listed_base(listing_type, query, locale, plan)
            found = (
                count_keys(base, counted, chosen) if listed is None else count_listed(listed, counted, chosen)
            )
            total = counts[TYPE_FACET][key] = found[TYPE_FACET][key]
            filtered[key] = matched_first(listing_type, narrowed, total) if searched_type and total else None
            for name in shown:
                counts[name].update(found[name])

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
        return within_radius(queryset, query)

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


#: Up to this many listings of a type matched, PostgreSQL finds them before it ranks them (:func:`matched_first`).
FEW_MATCHES = 5000


def matched_first(listing_type: ListingType, narrowed: QuerySet, total: int) -> QuerySet:
    """The listings of ``narrowed`` (``total`` of them, as counted), for ranking a page of hits: on PostgreSQL,
    when they are few, as a subquery it must run first.

    Otherwise PostgreSQL ranks every current listing of the type and only then checks each, best first,
    against the words until it has a page: at 100,000 listings about 300 ms for a word in 2,000 of them
    (the relevance of all 100,000 titles and summaries, sorted on disk), against about 50 ms when it finds
    the 2,000 first (the index of the words) and ranks only those. A ``LIMIT`` keeps the subquery from being
    merged into the ranking query. For a word in most listings ranking them all is the faster way (at
    100,000 matches 220 against 525 ms), and SQLite plans the words first anyway (the subquery made it 5-50 %
    slower there).
    """
    if connection.vendor != "postgresql" or total > FEW_MATCHES:
        return narrowed
    matched = narrowed.order_by().values("pk")[: 2 * FEW_MATCHES]
    return listing_type.model.objects.filter(pk__in=Subquery(matched))


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
    """The listing types that have any published listing in the search's rows (their type row): one query,
    an index lookup per type. A type without any costs a search nothing more; asked anyway, its count would
    still evaluate the words against every listing of the other types (on SQLite 0.1-0.2 s at 100,000)."""
    keys = {type_key(listing_type): key for key, listing_type in listing_types.items()}
    if not keys:
        return set()
    table = connection.ops.quote_name(SearchFacet._meta.db_table)
    exists = f"SELECT %s WHERE EXISTS (SELECT 1 FROM {table} WHERE key = %s)"  # noqa: S608 - own table
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
    """The facet rows to count for these facets: ``{"topic:sprache": ("topic", "sprache")}``, only the
    choices a visitor can see."""
    keys = {}
    for facet in facets:
        values = ["1"] if facet.kind == "flag" else [value for value, _label in choices.get(facet.name, [])]
        keys.update({facet_key(facet.name, value): (facet.name, value) for value in values})
    return keys


def chosen_keys(facet: Facet, values: list[str]) -> list[str]:
    """The facet rows that meet a visitor's choice of a facet (any of the chosen values; a flag's "1")."""
    return (
        [facet_key(facet.name, "1")] if facet.kind == "flag" else [facet_key(facet.name, v) for v in values]
    )


@dataclass(frozen=True)
class Chosen:
    """A facet a visitor has chosen values of: the rows that meet the choice (``keys``), and the values to
    count for it (``counted``), over the listings that meet every other choice (disjunctive facets)."""

    keys: list[str]
    counted: Mapping[str, tuple[str, str]]


def count_keys(
    queryset: QuerySet, keys: Mapping[str, tuple[str, str]], chosen: Sequence[Chosen] = ()
) -> dict[str, Counter]:
    """How many listings carry each facet value: one grouped query over their facet rows
    (:class:`~wegweiser.search.models.SearchFacet`), ``{facet: {value: listings}}``.

    Without ``chosen``, ``keys`` are counted over the listings of ``queryset``. With chosen facets,
    ``queryset`` is what the words, dates and place match; ``keys`` are counted over those of its
    listings that meet every choice, and each chosen facet's own values over those that meet every other
    choice. Which choices a listing meets is read from its rows too, in the same query (one row per
    listing, a column per chosen facet), instead of a query per chosen facet.
    """
    if not chosen:
        rows = (
            SearchFacet.objects.filter(page_id__in=queryset.order_by().values("pk"))
            .alias(counted_key=_key_walked_per_listing())
            .filter(counted_key__in=list(keys))
            .values("key")
            .annotate(listings=Count("pk"))
            .values_list("key", "listings")
        )
    else:
        rows = _count_with_choices(queryset, keys, chosen)
    return count_keys_found(keys, chosen, rows)


def count_keys_found(
    keys: Mapping[str, tuple[str, str]], chosen: Sequence[Chosen], rows
) -> dict[str, Counter]:
    """``{facet: {value: listings}}`` from counted ``(facet row key, listings)`` rows."""
    counts: dict[str, Counter] = defaultdict(Counter)
    named = {**keys, **{key: name for choice in chosen for key, name in choice.counted.items()}}
    for key, listings in rows:
        name, value = named[key]
        counts[name][value] += listings
    return counts


def listed_base(
    listing_type: ListingType, query: SearchQuery, locale: Locale, plan: TextPlan
) -> QuerySet | None:
    """On PostgreSQL, what :meth:`DatabaseBackend._base` matches as rows of the search's own narrow table
    (:class:`~wegweiser.search.models.SearchListing`), for counting facets; ``None`` where the counts
    are taken from the listings themselves (other databases, and dates chosen, which a type may read from
    its own tables).

    The same conditions on the same values: the rows of the type's published listings, valid today, in the
    visitor's language or else the German original (translations looked for among all pages, as the
    listings' model does), outside private sections, with the words and in the radius.
    """
    if connection.vendor != "postgresql" or query.date_from or query.date_to:
        return None
    rows = SearchListing.objects.filter(valid_on_q(), listing_type=listing_type.key)
    rows = localized(rows, locale, translations=Page.objects.all())
    if restricted_sections():
        private = listing_type.model.objects.all().private_q()
        rows = rows.exclude(page_id__in=Page.objects.filter(private).values("pk"))
    if query.words:
        rows = rows.filter(text_filter(plan))
    return within_radius(rows, query)


def count_listed(rows: QuerySet, keys: Mapping[str, tuple[str, str]], chosen: Sequence[Chosen] = ()) -> list:
    """:func:`count_keys` over the facet value numbers of narrow rows (:func:`listed_base`): PostgreSQL
    unnests each listing's array instead of joining its facet rows (at 100,000 listings and two choices,
    about 100 instead of 350 ms; bench/SEARCH.md)."""
    try:
        matched, matched_params = rows.order_by().values("keys").query.sql_with_params()
    except EmptyResultSet:  # a condition that can match nothing (no word of the text is known anywhere)
        return count_keys_found(keys, chosen, [])
    numbers = connection.ops.quote_name(SearchKey._meta.db_table)

    def codes(values) -> str:
        return f"ARRAY(SELECT id FROM {numbers} WHERE key = ANY(%s))"  # noqa: S608 - the model's own table

    met = [f"(listing.keys && {codes(choice.keys)})::int AS c{n}" for n, choice in enumerate(chosen)]
    met_params = [list(choice.keys) for choice in chosen]
    inner = f"SELECT listing.keys{''.join(', ' + column for column in met)} FROM ({matched}) listing"  # noqa: S608
    params = [*met_params, *matched_params]
    if len(chosen) > 1:  # every count needs all choices but one met
        enough = " + ".join(f"c{n}" for n in range(len(chosen)))
        inner = f"SELECT * FROM ({inner}) listing WHERE {enough} >= {len(chosen) - 1}"  # noqa: S608

    def meets(skip: int | None) -> str:
        return " AND ".join(f"c{n} = 1" for n in range(len(chosen)) if n != skip) or "TRUE"

    branches = [f"(code = ANY({codes(keys)}) AND {meets(None)})"]
    branch_params = [list(keys)]
    for number, choice in enumerate(chosen):
        if choice.counted:
            branches.append(f"(code = ANY({codes(choice.counted)}) AND {meets(number)})")
            branch_params.append(list(choice.counted))
    sql = (
        f"SELECT number.key, found.listings FROM (SELECT code, COUNT(*) AS listings "  # noqa: S608
        f"FROM ({inner}) listing, unnest(listing.keys) AS code WHERE {' OR '.join(branches)} GROUP BY code) "
        f"found JOIN {numbers} number ON number.id = found.code"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *branch_params])
        return count_keys_found(keys, chosen, cursor.fetchall())


def not_by_its_index(column: str) -> str:
    """``column`` as SQLite must not look it up by its own index (``+column``; elsewhere as it is).

    Where a condition's other column leads to fewer rows, SQLite otherwise still picks this column's index:
    it would look up every facet key for every listing matched (at 100,000 matches 45 keys times 100,000
    listings, about 2 s) instead of walking each listing's rows on the index on page and key, or every
    chosen value for every listing instead of walking each chosen value's rows. PostgreSQL plans the joins
    itself."""
    return f"+{column}" if connection.vendor == "sqlite" else column


def _key_walked_per_listing():
    """The facet row's key, read per matched listing (:func:`not_by_its_index`)."""
    return Func(F("key"), template=not_by_its_index("%(expressions)s"), output_field=CharField())


def _count_with_choices(
    queryset: QuerySet, keys: Mapping[str, tuple[str, str]], chosen: list[Chosen]
) -> list:
    table = connection.ops.quote_name(SearchFacet._meta.db_table)
    try:
        matched, matched_params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # a condition that can match nothing (no word of the text is known anywhere)
        return []

    def marks(values) -> str:
        return ", ".join(["%s"] * len(values))

    met = [
        f"MAX(CASE WHEN key IN ({marks(choice.keys)}) THEN 1 ELSE 0 END) AS c{n}"
        for n, choice in enumerate(chosen)
    ]
    every_key = [key for choice in chosen for key in choice.keys]
    params = [*(key for choice in chosen for key in choice.keys), *every_key, *matched_params]
    # Per listing matched that carries any chosen value: which choices it meets. Every count below needs
    # all choices met but at most one, so listings that miss two are left out here (with three choices at
    # 100,000 listings about two thirds of them), walking each chosen value's rows (not_by_its_index).
    meeting = (
        f"SELECT page_id, {', '.join(met)} FROM {table} "  # noqa: S608 - the model's table, placeholders
        f"WHERE key IN ({marks(every_key)}) AND {not_by_its_index('page_id')} IN ({matched}) GROUP BY page_id"
    )
    if len(chosen) > 1:
        enough = " + ".join(f"c{n}" for n in range(len(chosen)))
        meeting = f"SELECT * FROM ({meeting}) listing WHERE {enough} >= {len(chosen) - 1}"  # noqa: S608

    def meets(skip: int | None) -> str:
        return " AND ".join(f"met.c{n} = 1" for n in range(len(chosen)) if n != skip) or "1 = 1"

    branches = [f"(f.key IN ({marks(keys)}) AND {meets(None)})"]
    branch_params = list(keys)
    for number, choice in enumerate(chosen):
        if choice.counted:
            branches.append(f"(f.key IN ({marks(choice.counted)}) AND {meets(number)})")
            branch_params.extend(choice.counted)
    if len(chosen) == 1:  # the chosen facet's own values are counted over every listing matched
        sql = (
            f"WITH met AS ({meeting}) SELECT f.key, COUNT(*) FROM {table} f "  # noqa: S608
            f"LEFT JOIN met ON met.page_id = f.page_id WHERE f.page_id IN ({matched}) "
            f"AND ({' OR '.join(branches)}) GROUP BY f.key"
        )
        params += [*matched_params, *branch_params]
    else:  # every branch needs another choice met: only the listings that carry a chosen value
        sql = (
            f"WITH met AS ({meeting}) SELECT f.key, COUNT(*) FROM {table} f "  # noqa: S608
            f"INNER JOIN met ON met.page_id = f.page_id WHERE {' OR '.join(branches)} GROUP BY f.key"
        )
        params += branch_params
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


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
