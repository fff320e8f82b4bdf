"""The Elasticsearch backend: the same query and facets as the database backend, at scale.

Facets are disjunctive: the chosen facet values go into ``post_filter`` (they narrow the hits), and
each chosen facet's aggregation is filtered by every *other* facet's choice, so the counts of a facet's
other values stay visible once one is chosen. The facets without a choice are all counted under the
same filter, so they share one aggregation over the documents' ``facets`` field (``name:value``): at
100,000 listings each aggregation costs the node about 5 ms, and a search has one per chosen facet plus
two, not one per facet. Expired content is filtered out at query time.
Typed words are planned, found and ranked as the database backend does it (:mod:`wegweiser.search.es.text`).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Mapping

from django.utils import timezone
from elasticsearch import NotFoundError
from elasticsearch.dsl import A, Q, Search

from wegweiser.search.backends import SearchBackend, SearchUnavailable
from wegweiser.search.es.connection import UNAVAILABLE_ERRORS, alias_name, get_client
from wegweiser.search.es.text import counter, finder, language_field, text_query
from wegweiser.search.facet_values import facet_key
from wegweiser.search.matching import OWN_LANGUAGE_BONUS, Finder, UnitCounter
from wegweiser.search.query import (
    TYPE_FACET,
    SearchHit,
    SearchQuery,
    SearchResult,
    on_the_days,
)
from wegweiser.search.results import PlannedSearch, SearchScope
from wegweiser.site.listings import active_locale
from wegweiser.site.registry import ListingType

#: The aggregation counting every facet that has no choice, over the documents' ``facets`` field.
SHARED_AGGREGATION = "facets"
#: Per index alias: ``True`` once its index is known to have the ``facets`` field, else until when
#: (``time.monotonic()``) it is taken not to have it.
_TOGETHER: dict[str, bool | float] = {}
#: How long an index without the field is believed to stay without it (a ``search_reindex`` swaps it).
RECHECK_SECONDS = 60


def counts_facets_together() -> bool:
    """Whether the index behind the alias has the documents' ``facets`` field (indexes built since it
    came do). One request per app process and alias, or a minute while an older index is in use: until
    ``manage.py search_reindex`` has run after an upgrade, each facet is counted on its own, as before."""
    alias = alias_name()
    known = _TOGETHER.get(alias)
    if known is True or (known is not None and time.monotonic() < known):
        return known is True
    try:
        mappings = get_client().indices.get_field_mapping(index=alias, fields=SHARED_AGGREGATION)
    except NotFoundError:  # no index yet: nothing to count either way
        return True
    present = any(SHARED_AGGREGATION in (index.get("mappings") or {}) for index in mappings.body.values())
    _TOGETHER[alias] = True if present else time.monotonic() + RECHECK_SECONDS
    return present


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def finder(self, query: SearchQuery) -> Finder:
        return self._asking(query, finder)

    def counter(self, query: SearchQuery) -> UnitCounter:
        return self._asking(query, counter)

    @staticmethod
    def _asking(query: SearchQuery, question):
        """``question(field, locale)`` of the index, unreachable or failing as :class:`SearchUnavailable`."""
        try:
            # Which field holds the visitor's language asks the node once: unreachable, it is a fallback too.
            asked = question(language_field(query.locale), active_locale(query.locale).language_code)
        except UNAVAILABLE_ERRORS as error:
            raise SearchUnavailable(str(error)) from error

        def guarded(units):
            try:
                return asked(units)
            except UNAVAILABLE_ERRORS as error:
                raise SearchUnavailable(str(error)) from error

        return guarded

    def search_planned(self, planned: PlannedSearch) -> SearchResult:
        query, listing_types, scope, plan = planned.query, planned.listing_types, planned.scope, planned.plan
        locale = active_locale(query.locale).language_code
        try:
            text = text_query(plan, language_field(query.locale)) if plan.typed else Q("match_all")
            if plan.typed:  # between hits ranked alike, the visitor's language first (as the database ranks)
                own = Q("constant_score", filter=Q("term", locale=locale), boost=OWN_LANGUAGE_BONUS)
                text = Q("bool", must=[text], should=[own])
            search = self._build(query, text, listing_types, scope, locale)
            response = search.using(get_client()).index(alias_name()).execute()
        except UNAVAILABLE_ERRORS as error:
            raise SearchUnavailable(str(error)) from error

        counts: dict[str, Counter] = {}
        for name in [TYPE_FACET, *scope.facets]:
            bucket_agg = getattr(response.aggregations, f"facet_{name}", None)
            counts[name] = Counter(
                {str(bucket.key): bucket.doc_count for bucket in bucket_agg.values.buckets}
                if bucket_agg
                else {}
            )
        shared = getattr(response.aggregations, SHARED_AGGREGATION, None)
        for bucket in shared.values.buckets if shared else ():
            name, _separator, value = str(bucket.key).partition(":")
            if name in counts:
                counts[name][value] = bucket.doc_count
        hits = []
        for document in response.hits:
            meta = document.meta
            distance = None
            if query.sort == "distance" and getattr(meta, "sort", None):
                distance = float(meta.sort[0]) if meta.sort[0] not in (None, "Infinity") else None
            hits.append(
                SearchHit(document.listing_type, int(document.page_id), float(meta.score or 0), distance)
            )
        # the words searched in the end marked as the database backend marks them
        return self.answer(planned, hits, response.hits.total.value, counts)

    def _build(self, query: SearchQuery, text: Q, listing_types, scope: SearchScope, locale: str) -> Search:
        search = Search().extra(track_total_hits=True).query(text)
        # Only the listing types switched on for this site, even when the visitor chose none.
        enabled = Q("terms", listing_type=list(listing_types))
        search = search.filter(Q("bool", filter=[enabled, *visibility_filters(query, locale, listing_types)]))

        type_filter = Q("terms", listing_type=scope.keys) if query.listing_types else None
        facet_filters = {name: Q("terms", **{f"f_{name}": values}) for name, values in query.filters.items()}
        narrowing = [*facet_filters.values(), *([type_filter] if type_filter else [])]
        if narrowing:
            search = search.post_filter(Q("bool", filter=narrowing))

        every_facet = Q("bool", filter=list(facet_filters.values())) if facet_filters else Q("match_all")
        type_agg = A("filter", every_facet)
        type_agg.bucket("values", "terms", field="listing_type", size=max(10, len(listing_types)))
        search.aggs.bucket(f"facet_{TYPE_FACET}", type_agg)
        facets, choices = scope.facets, scope.choices
        # Every facet without a choice is counted under all the choices (and the type): one aggregation,
        # where the index has the field for it (an index built before it counts each facet on its own).
        together = counts_facets_together()
        unchosen = [
            facet_key(name, value)
            for name in facets
            if together and name not in facet_filters
            for value, _ in choices[name]
        ]
        if unchosen:
            others = [*facet_filters.values(), *([type_filter] if type_filter else [])]
            agg = A("filter", Q("bool", filter=others) if others else Q("match_all"))
            agg.bucket("values", "terms", field="facets", include=unchosen, size=len(unchosen))
            search.aggs.bucket(SHARED_AGGREGATION, agg)
        for name in facets if not together else facet_filters:
            if name not in choices:
                continue
            others = [clause for other, clause in facet_filters.items() if other != name]
            if type_filter is not None:
                others.append(type_filter)
            agg = A("filter", Q("bool", filter=others) if others else Q("match_all"))
            agg.bucket("values", "terms", field=f"f_{name}", size=max(10, len(choices[name]) + 5))
            search.aggs.bucket(f"facet_{name}", agg)

        search = search.sort(*self._sort(query)).source(["page_id", "listing_type"])
        return search[query.offset : query.offset + query.per_page]

    def _sort(self, query: SearchQuery) -> list:
        # Titles in the order the database sorts them: folded in Python ("Übergang" with "U"). An index built
        # before the field came sorts by its lower-cased titles until it is rebuilt.
        by_title = [{"title_folded.sort": {"order": "asc", "unmapped_type": "keyword"}}, "title.sort"]
        if query.sort == "distance" and query.point is not None:
            location = {"lat": query.point.latitude, "lon": query.point.longitude}
            return [
                {"_geo_distance": {"location": location, "order": "asc", "unit": "km"}},
                *by_title,
                "page_id",
            ]
        if query.sort == "date":
            return [{"first_published_at": {"order": "desc", "missing": "_last"}}, "page_id"]
        if query.words:
            return ["_score", *by_title, "page_id"]
        return [*by_title, "page_id"]

    def completions(
        self, prefix: str, locale: str, listing_types: Mapping[str, ListingType], limit: int
    ) -> list[str]:
        """Completion suggester in the visitor's language; expired listings are skipped afterwards."""
        today = timezone.localdate().isoformat()
        body = {
            "_source": ["title", "valid_from", "valid_until", "listing_type"],
            "suggest": {
                "titles": {
                    "prefix": prefix,
                    "completion": {
                        "field": "suggest",
                        "size": limit * 3,
                        "skip_duplicates": True,
                        "contexts": {"shown_in": [active_locale(locale).language_code]},
                    },
                }
            },
        }
        try:
            response = get_client().search(index=alias_name(), **body)
        except UNAVAILABLE_ERRORS as error:
            raise SearchUnavailable(str(error)) from error
        titles: list[str] = []
        for option in response["suggest"]["titles"][0]["options"]:
            source = option.get("_source", {})
            if source.get("listing_type") not in listing_types:
                continue
            if (source.get("valid_from") or "") > today or (source.get("valid_until") or "9999") < today:
                continue
            titles.append(source["title"])
        return list(dict.fromkeys(titles))[:limit]


def visibility_filters(query: SearchQuery, locale: str, listing_types: Mapping[str, ListingType]) -> list[Q]:
    """In the visitor's language, within the validity period (checked now, not at indexing), dates, place."""
    today = timezone.localdate().isoformat()
    filters = [
        Q("term", shown_in=locale),
        ~Q("range", valid_from={"gt": today}),
        ~Q("range", valid_until={"lt": today}),
    ]
    if query.date_from or query.date_to:
        filters.append(date_filter(query, listing_types))
    if query.point is not None and query.radius_km:
        filters.append(
            Q(
                "geo_distance",
                distance=f"{query.radius_km}km",
                location={"lat": query.point.latitude, "lon": query.point.longitude},
            )
        )
    return filters


def date_filter(query: SearchQuery, listing_types: Mapping[str, ListingType]) -> Q:
    """The finder's dates: listings whose validity overlaps the days, or, for a type with dates of its
    own (events), those with a date on one of them (:func:`~wegweiser.search.query.on_the_days`, read
    from the database, so a date added, moved or cancelled counts at once)."""
    plain = [key for key, listing_type in listing_types.items() if listing_type.on_days is None]
    branches = []
    if plain:
        validity = [Q("terms", listing_type=plain)]
        if query.date_to:
            validity.append(~Q("range", valid_from={"gt": query.date_to.isoformat()}))
        if query.date_from:
            validity.append(~Q("range", valid_until={"lt": query.date_from.isoformat()}))
        branches.append(Q("bool", filter=validity))
    for key, listing_type in listing_types.items():
        if listing_type.on_days is None:
            continue
        current = listing_type.model.objects.current()
        ids = list(
            on_the_days(listing_type, current, query.date_from, query.date_to).values_list("pk", flat=True)
        )
        branches.append(Q("bool", filter=[Q("term", listing_type=key), Q("terms", page_id=ids)]))
    return Q("bool", should=branches, minimum_should_match=1)
