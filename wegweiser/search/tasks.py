"""Index sync as background tasks: publishing in the admin never waits for (or fails on) Elasticsearch."""

from __future__ import annotations

import logging

from django_tasks import task

from wegweiser.search.backends import SearchUnavailable, configured_backend_name
from wegweiser.search.fulltext import sync_texts

logger = logging.getLogger(__name__)


def _index_in_use() -> bool:
    return configured_backend_name() == "elasticsearch"


@task()
def sync_listings(page_ids: list[int], texts: bool = True) -> dict:
    """Index these listings (and their translations) if current, remove them from the index if not.

    The search's own text rows (:mod:`wegweiser.search.fulltext`) are refreshed first, with or
    without Elasticsearch, unless the caller wrote them already (``texts=False``: publishing and
    unpublishing write them in their own transaction).
    """
    texts = sync_texts(page_ids) if texts else 0
    if not _index_in_use():
        return {"skipped": True, "texts": texts}
    # the Elasticsearch client only when its index is in use
    from wegweiser.search.es.connection import UNAVAILABLE_ERRORS
    from wegweiser.search.es.indexes import sync_pages

    try:
        return sync_pages(page_ids)
    except (SearchUnavailable, *UNAVAILABLE_ERRORS) as error:
        logger.warning("Could not update the search index for pages %s: %s", page_ids, error)
        raise


@task()
def remove_listings(page_ids: list[int], translation_keys: list[str]) -> dict:
    """Drop deleted listings from the index; their remaining translations are re-indexed."""
    if not _index_in_use():
        return {"skipped": True}
    # the Elasticsearch client only when its index is in use
    from wegweiser.search.es.connection import UNAVAILABLE_ERRORS
    from wegweiser.search.es.indexes import remove_pages

    try:
        return remove_pages(page_ids, translation_keys)
    except (SearchUnavailable, *UNAVAILABLE_ERRORS) as error:
        logger.warning("Could not remove pages %s from the search index: %s", page_ids, error)
        raise
