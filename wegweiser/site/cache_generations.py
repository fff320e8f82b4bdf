"""Cache generations: one counter per kind of cached data, so "forget all of it" is one increment.

A cache key includes the current generation; bumping it makes every older entry unreachable (they expire
on their own). Works with any Django cache backend, shared between app servers with Redis.
"""

from __future__ import annotations

import time

from django.core.cache import cache
from django.db import connection, transaction

#: What every public page shows: the page tree, the terms and the portal settings (page_tree_cache.py).
PAGE_TREE = "wegweiser:page-tree-generation"


def _fresh() -> int:
    """A generation never used before, for a counter the cache lost (or never had): after the cache was
    emptied, a value kept in a process's memory under an old generation is never mistaken for current."""
    return time.time_ns() // 1000


def generation(key: str) -> int:
    current = cache.get(key)
    if current is None:
        cache.add(key, _fresh(), None)
        current = cache.get(key)
    return current if current is not None else _fresh()  # a cache that keeps nothing: never reuse


def bump(key: str) -> None:
    """A new generation now, and once more when the current transaction commits.

    Between a change and its commit, another app server still reads the rows as they were and keeps
    what it builds from them under the new generation; the second increment makes that unreachable too.
    """
    _increment(key)
    if connection.in_atomic_block and not _bumps_at_commit(key):
        transaction.on_commit(_AtCommit(key))


class _AtCommit:
    def __init__(self, key: str):
        self.key = key

    def __call__(self) -> None:
        _increment(self.key)


def _bumps_at_commit(key: str) -> bool:
    """Whether this transaction already increments ``key`` when it commits (a publish saves many rows)."""
    return any(
        isinstance(hook, _AtCommit) and hook.key == key for _sids, hook, *_rest in connection.run_on_commit
    )


def _increment(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # not in the cache (yet, or any more)
        cache.set(key, _fresh(), None)
