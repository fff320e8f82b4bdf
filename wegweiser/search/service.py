"""The search's front door: pick the configured backend, fall back to the database, log anonymously.

If Elasticsearch is unreachable or slower than ``WEGWEISER_SEARCH["TIMEOUT"]``, the database answers
and a warning is logged. After ``CIRCUIT_FAILURES`` such failures within ``CIRCUIT_WINDOW`` seconds,
counted in the shared cache (so over every app server of a region), Elasticsearch is not asked again for
``CIRCUIT_SECONDS``, so that visitors do not each wait for the timeout while it is down. A single failure
(one query that outlasted the timeout, a node restarting in a cluster) sends only that visitor to the
database, not every visitor on every server for half a minute.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from wegweiser.search.backends import SearchUnavailable, configured_backend_name, get_backend
from wegweiser.search.models import SearchQueryLog
from wegweiser.search.query import MAX_QUERY_LENGTH, SearchQuery, SearchResult
from wegweiser.site.registry import ListingType

logger = logging.getLogger(__name__)

CIRCUIT_KEY = "wegweiser:search:elasticsearch-down"
CIRCUIT_SECONDS = 30
FAILURES_KEY = "wegweiser:search:elasticsearch-failures"
CIRCUIT_FAILURES = 3
CIRCUIT_WINDOW = 10


def search(query: SearchQuery, listing_types: Mapping[str, ListingType]) -> SearchResult:
    started = time.perf_counter()
    name = configured_backend_name()
    result = None
    if name != "database" and not cache.get(CIRCUIT_KEY):
        try:
            result = get_backend(name).search(query, listing_types)
        except SearchUnavailable as error:
            _trip(name, error)
    if result is None:
        result = get_backend("database").search(query, listing_types)
        result.fell_back = name != "database"
    result.took_ms = round((time.perf_counter() - started) * 1000)
    return result


def suggest(prefix: str, locale: str, listing_types: Mapping[str, ListingType], limit: int = 8) -> list[str]:
    name = configured_backend_name()
    if name != "database" and not cache.get(CIRCUIT_KEY):
        try:
            return get_backend(name).suggest(prefix, locale, listing_types, limit)
        except SearchUnavailable as error:
            _trip(name, error)
    return get_backend("database").suggest(prefix, locale, listing_types, limit)


def _trip(name: str, error: Exception) -> None:
    logger.warning("Search backend %s unavailable, answering from the database: %s", name, error)
    if _recent_failures() >= CIRCUIT_FAILURES:
        logger.warning(
            "Search backend %s failed %d times within %d s: the database answers for the next %d s",
            name, CIRCUIT_FAILURES, CIRCUIT_WINDOW, CIRCUIT_SECONDS,
        )  # fmt: skip
        cache.set(CIRCUIT_KEY, True, CIRCUIT_SECONDS)
        cache.delete(FAILURES_KEY)


def _recent_failures() -> int:
    """Count this failure in the window that the first failure opened; returns the count so far."""
    if cache.add(FAILURES_KEY, 1, CIRCUIT_WINDOW):
        return 1
    try:
        return cache.incr(FAILURES_KEY)  # keeps the key's expiry: the window does not move
    except ValueError:  # the window closed between add() and incr()
        cache.add(FAILURES_KEY, 1, CIRCUIT_WINDOW)
        return 1


def log_search(result: SearchResult) -> SearchQueryLog:
    """Store what was searched and how much (and how well) it found, for the office's reports; nothing about who."""
    query = result.query
    return SearchQueryLog.objects.create(
        query_text=query.text[:MAX_QUERY_LENGTH],
        locale=query.locale[:10],
        listing_types=list(query.listing_types),
        filters=query.log_filters(),
        result_count=result.total,
        weak=result.weak,
        backend=("database" if result.fell_back else result.backend)[:20],
        took_ms=result.took_ms,
    )


def delete_old_search_logs() -> dict[str, int]:
    """Logged searches older than ``WEGWEISER_SEARCH_LOG_RETENTION_DAYS`` (default 90) are deleted: the
    office's reports need recent demand, not a growing record of what people looked for."""
    days = int(getattr(settings, "WEGWEISER_SEARCH_LOG_RETENTION_DAYS", 90))
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _by_model = SearchQueryLog.objects.filter(created_at__lt=cutoff).delete()
    return {"deleted": deleted, "retention_days": days}
