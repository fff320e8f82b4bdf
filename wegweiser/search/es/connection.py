"""One Elasticsearch client per process, with the search's short timeout and no retries on the same node.

A visitor must not wait for retries: if the node does not answer within ``WEGWEISER_SEARCH["TIMEOUT"]``
seconds the call fails and the search answers from the database instead. ``ELASTICSEARCH_URL`` may name
several nodes of one cluster (comma-separated): a refused connection then goes on to the next node at
once, so a stopped node costs no visitor a fallback; a timeout is not retried.
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, TransportError

from wegweiser.search.backends import SearchUnavailable

#: Failures that mean "Elasticsearch cannot answer now"; the caller falls back to the database.
UNAVAILABLE_ERRORS = (ApiError, TransportError, ConnectionError, TimeoutError)


def search_settings() -> dict:
    return settings.WEGWEISER_SEARCH


@cache
def _client(url: str, timeout: float) -> Elasticsearch:
    nodes = [node.strip() for node in url.split(",") if node.strip()]
    return Elasticsearch(nodes, request_timeout=timeout, max_retries=len(nodes) - 1, retry_on_timeout=False)


def get_client(timeout: float | None = None) -> Elasticsearch:
    config = search_settings()
    url = config.get("ELASTICSEARCH_URL")
    if not url:
        raise SearchUnavailable("ELASTICSEARCH_URL is not configured")
    return _client(url, float(timeout if timeout is not None else config.get("TIMEOUT", 2)))


def reset_client() -> None:
    """Forget clients and node capabilities (after the settings changed, in tests)."""
    # analysis.py imports this module
    from wegweiser.search.es.analysis import node_capabilities

    _client.cache_clear()
    node_capabilities.cache_clear()


def alias_name() -> str:
    """The alias every query goes to; ``search_reindex`` points it at a freshly built index."""
    return f"{search_settings().get('INDEX_PREFIX', 'wegweiser')}-listings"
