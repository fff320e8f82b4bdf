"""Search backends: one interface, the embedded database backend and Elasticsearch.

Which one answers is a setting (``WEGWEISER_SEARCH["BACKEND"]``); :func:`wegweiser.search.service.search`
falls back to the database when Elasticsearch cannot answer in time.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Mapping

from django.conf import settings

from wegweiser.search.matching import Finder, UnitCounter, plan_text, weigh_units
from wegweiser.search.query import SearchHit, SearchQuery, SearchResult
from wegweiser.search.results import PlannedSearch, search_result, search_scope
from wegweiser.search.vocabulary import synonym_completions
from wegweiser.search.wording import fold
from wegweiser.site.registry import ListingType


class SearchUnavailable(Exception):
    """The backend cannot answer now (unreachable, too slow, index missing): the caller falls back."""


class SearchBackend:
    """What every backend can do: answer a query over some listing types, and suggest completions."""

    name = ""

    def search(self, query: SearchQuery, listing_types: Mapping[str, ListingType]) -> SearchResult:
        """The answer to ``query``: its words planned with the backend's own index
        (:func:`~wegweiser.search.matching.plan_text`: all words if some listing has them all, typos
        corrected, unknown words left out), then searched as planned. A word found nowhere is known before
        any listing is read: such a search costs one indexed lookup, not a search over every listing."""
        started = time.perf_counter()
        plan = plan_text(query.words, self.finder(query))
        weigh_units(plan, self.counter(query))
        scope = search_scope(query, listing_types)
        return self.search_planned(PlannedSearch(query, listing_types, scope, plan, started))

    def search_planned(self, planned: PlannedSearch) -> SearchResult:
        """The backend's own part of :meth:`search`: the query over the types and facets of its scope, with
        its words matched as planned. It ends in :meth:`answer`."""
        raise NotImplementedError

    def answer(
        self, planned: PlannedSearch, hits: list[SearchHit], total: int, counts: Mapping[str, Counter]
    ) -> SearchResult:
        """What the backend found (a page of ``hits`` of ``total``, the facets' ``counts``) as every backend
        answers it (:func:`~wegweiser.search.results.search_result`)."""
        return search_result(
            planned.query,
            hits,
            total,
            counts,
            listing_types=planned.listing_types,
            scope=planned.scope,
            plan=planned.plan,
            backend=self.name,
            started=planned.started,
        )

    def finder(self, query: SearchQuery) -> Finder:
        """Whether the backend's index has a listing with all of some words (what a plan asks), among those
        shown in the query's language: "Bewerbung Hilfe" found nothing in German, and said nothing, because
        an English listing had both words and no German one had more than one."""
        raise NotImplementedError

    def counter(self, query: SearchQuery) -> UnitCounter:
        """How many listings shown in the query's language have a unit (what ``weigh_units`` asks)."""
        raise NotImplementedError

    def suggest(
        self, prefix: str, locale: str, listing_types: Mapping[str, ListingType], limit: int = 8
    ) -> list[str]:
        """Titles completing what has been typed so far (spaces collapsed, at most 50 characters), then terms
        of the synonym list (:func:`~wegweiser.search.vocabulary.synonym_completions`) up to ``limit``;
        nothing for fewer than two characters."""
        prefix = " ".join(prefix.split())[:50]
        if len(prefix) < 2:
            return []
        titles = self.completions(prefix, locale, listing_types, limit)
        if len(titles) >= limit:
            return titles
        folded = {fold(title) for title in titles}
        terms = [term for term in synonym_completions(prefix, locale, limit) if fold(term) not in folded]
        return [*titles, *terms][:limit]

    def completions(
        self, prefix: str, locale: str, listing_types: Mapping[str, ListingType], limit: int
    ) -> list[str]:
        """The backend's own part of :meth:`suggest`, for a prefix already cleaned."""
        raise NotImplementedError


def configured_backend_name() -> str:
    return settings.WEGWEISER_SEARCH.get("BACKEND", "database")


def get_backend(name: str | None = None) -> SearchBackend:
    name = name or configured_backend_name()
    if name == "elasticsearch":
        # the backends import this module; Elasticsearch's client only when configured
        from wegweiser.search.backends.elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend()
    # the backends import this module (SearchBackend)
    from wegweiser.search.backends.database import DatabaseBackend

    return DatabaseBackend()
