"""Cache generations: one counter per kind of cached data, so "forget all of it" is one increment.

A cache key includes the current generation; bumping it makes every older entry unreachable (they expire
on their own). Works with any Django cache backend, shared between app servers with Redis.
"""

from __future__ import annotations

from django.core.cache import cache


def generation(key: str) -> int:
    current = cache.get(key)
    if current is None:
        current = 1
        cache.set(key, current, None)
    return current


def bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # not in the cache (yet, or any more)
        cache.set(key, 2, None)
