"""Cache generations: one counter per kind of cached data, so "forget all of it" is one increment.

A cache key includes the current generation; bumping it makes every older entry unreachable (they expire
on their own). Works with any Django cache backend, shared between app servers with Redis.

A shared cache is a round trip away. Within one request (:class:`ReadOncePerRequestMiddleware`) a
generation is read once, and a value under a generation's key (:func:`kept_in_process`) once per process:
a search page asked Redis about 190 times, for the same few counters and lists.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

from django.core.cache import cache
from django.db import connection, transaction

T = TypeVar("T")

#: What every public page shows: the page tree, the terms and the portal settings (page_tree_cache.py).
PAGE_TREE = "wegweiser:page-tree-generation"


def _fresh() -> int:
    """A generation never used before, for a counter the cache lost (or never had): after the cache was
    emptied, a value kept in a process's memory under an old generation is never mistaken for current."""
    return time.time_ns() // 1000


#: The generations this request has read (``None`` outside a request: each call asks the cache).
_read_in_request: ContextVar[dict[str, int] | None] = ContextVar("wegweiser_generations_read", default=None)


def generation(key: str) -> int:
    read = _read_in_request.get()
    if read is not None and key in read:
        return read[key]
    current = cache.get(key)
    if current is None:
        cache.add(key, _fresh(), None)
        current = cache.get(key)
    if current is None:  # a cache that keeps nothing: never reuse
        return _fresh()
    if read is not None:
        read[key] = current
    return current


class ReadOncePerRequestMiddleware:
    """Each generation is read from the cache once per request, and the whole answer is built from that one
    reading; a change the request itself makes (:func:`bump`) is read again at once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _read_in_request.set({})
        try:
            return self.get_response(request)
        finally:
            _read_in_request.reset(token)


#: Values read under a key that names its generation, kept in this process's memory.
_IN_PROCESS: dict[str, object] = {}
_IN_PROCESS_LIMIT = 512


def kept_in_process(key: str, build: Callable[[], T], seconds: int) -> T:
    """The value cached under ``key``, built by ``build()`` if no app server has; read from the shared cache
    once per process and then kept in memory. ``key`` must include the generation of everything the value
    is built from (a change makes a new key), and the value is shared: never change it in place."""
    if key in _IN_PROCESS:
        return _IN_PROCESS[key]  # type: ignore[return-value]
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    if len(_IN_PROCESS) >= _IN_PROCESS_LIMIT:  # old generations, or a cache keeping nothing
        _IN_PROCESS.clear()
    _IN_PROCESS[key] = value
    return value


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
    read = _read_in_request.get()
    if read is not None:
        read.pop(key, None)
    try:
        cache.incr(key)
    except ValueError:  # not in the cache (yet, or any more)
        cache.set(key, _fresh(), None)
