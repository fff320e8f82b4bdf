"""The index life cycle: build a new index and swap the alias (no downtime), keep single pages in step.

Queries always go to the alias. ``rebuild`` fills a fresh, timestamped index and then moves the alias
in one atomic request, so visitors search the old index until the new one is complete.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable

from django.utils import timezone
from elasticsearch import NotFoundError
from elasticsearch.helpers import bulk
from wagtail.models import Page

from wegweiser.search.es.analysis import index_body, node_capabilities
from wegweiser.search.es.connection import alias_name, get_client, search_settings
from wegweiser.search.es.documents import all_facet_names, current_pages, current_queryset, documents_for
from wegweiser.site.registry import ListingType, listing_type_for_model, listing_types

logger = logging.getLogger(__name__)
BATCH_SIZE = 500
#: Index building may take longer than a visitor's search is allowed to.
ADMIN_TIMEOUT = 120


def _admin_client():
    return get_client(timeout=ADMIN_TIMEOUT)


def create_index(name: str | None = None) -> str:
    name = name or f"{alias_name()}-{timezone.now():%Y%m%d%H%M%S}-{uuid.uuid4().hex[:6]}"
    body = index_body(
        node_capabilities(),
        all_facet_names(listing_types().values()),
        int(search_settings().get("REPLICAS", 0)),
    )
    _admin_client().indices.create(index=name, **body)
    return name


def ensure_index() -> str:
    """The alias, created with an empty index behind it if there is none yet."""
    client = _admin_client()
    alias = alias_name()
    if not client.indices.exists_alias(name=alias):
        client.indices.update_aliases(actions=[{"add": {"index": create_index(), "alias": alias}}])
    return alias


def count_documents() -> int:
    return sum(current_queryset(listing_type).count() for listing_type in listing_types().values())


def rebuild(progress: Callable[[int], None] | None = None, batch_size: int = BATCH_SIZE) -> tuple[str, int]:
    """Index every current listing of every type into a new index, then point the alias at it."""
    client = _admin_client()
    alias = alias_name()
    new_index = create_index()
    capabilities = node_capabilities()
    indexed = 0
    try:
        for listing_type in listing_types().values():
            ids = list(
                listing_type.model.objects.filter(live=True).order_by("pk").values_list("pk", flat=True)
            )
            for start in range(0, len(ids), batch_size):
                pages = current_pages(
                    listing_type, listing_type.model.objects.filter(pk__in=ids[start : start + batch_size])
                )
                documents = list(documents_for(listing_type, pages, capabilities))
                bulk(client, _actions(documents, new_index), refresh=False)
                indexed += len(documents)
                if progress:
                    progress(len(documents))
        client.indices.refresh(index=new_index)
    except Exception:
        client.indices.delete(index=new_index, ignore_unavailable=True)
        raise
    old = list(client.indices.get_alias(name=alias).keys()) if client.indices.exists_alias(name=alias) else []
    actions = [{"remove": {"index": index, "alias": alias}} for index in old]
    actions.append({"add": {"index": new_index, "alias": alias}})
    client.indices.update_aliases(actions=actions)
    for index in old:
        client.indices.delete(index=index, ignore_unavailable=True)
    return new_index, indexed


def _actions(documents: Iterable[dict], index: str):
    for document in documents:
        yield {"_index": index, **document}


def sync_pages(page_ids: Iterable[int]) -> dict[str, int]:
    """Bring the index in line with these pages and their translations: index current ones, drop the rest."""
    pages = Page.objects.filter(pk__in=list(page_ids)).specific()
    groups: dict[str, tuple[ListingType, set]] = {}
    for page in pages:
        listing_type = listing_type_for_model(type(page))
        if listing_type is not None:
            groups.setdefault(listing_type.key, (listing_type, set()))[1].add(page.translation_key)
    return _sync_groups(groups.values(), extra_deletions=set())


def remove_pages(page_ids: Iterable[int], translation_keys: Iterable[str] = ()) -> dict[str, int]:
    """Drop deleted pages and re-index their remaining translations (which may now be shown instead)."""
    groups = []
    keys = set(translation_keys)
    if keys:
        groups = [(listing_type, keys) for listing_type in listing_types().values()]
    return _sync_groups(groups, extra_deletions={str(pk) for pk in page_ids})


def _sync_groups(groups, extra_deletions: set[str]) -> dict[str, int]:
    client = get_client()
    alias = ensure_index()
    capabilities = node_capabilities()
    actions: list[dict] = []
    indexed = 0
    deletions = set(extra_deletions)
    for listing_type, keys in groups:
        family = listing_type.model.objects.filter(translation_key__in=list(keys))
        current = current_pages(listing_type, family)
        current_ids = {page.pk for page in current}
        deletions.update(str(pk) for pk in family.values_list("pk", flat=True) if pk not in current_ids)
        for document in documents_for(listing_type, current, capabilities):
            actions.append({"_index": alias, **document})
            indexed += 1
    actions.extend({"_op_type": "delete", "_index": alias, "_id": doc_id} for doc_id in deletions)
    if actions:
        bulk(client, actions, refresh="wait_for", raise_on_error=False)
    return {"indexed": indexed, "deleted": len(deletions)}


def delete_all_indexes() -> None:
    """Remove every index under the configured prefix (tests clean up after themselves with this)."""
    client = _admin_client()
    try:
        for index in client.indices.get(index=f"{alias_name()}-*", expand_wildcards="all"):
            client.indices.delete(index=index, ignore_unavailable=True)
    except NotFoundError:
        return
