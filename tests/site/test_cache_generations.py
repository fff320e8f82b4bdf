"""One reading of each cache generation per request: a change is still seen by the next request, whether
this request, another one of this server or another app server made it (through the shared cache)."""

from __future__ import annotations

from django.core.cache import cache
from django.test import RequestFactory

from wegweiser.site.cache_generations import ReadOncePerRequestMiddleware, bump, generation, kept_in_process

KEY = "wegweiser:test-generation"


def test_a_request_reads_each_generation_once_and_its_own_change_at_once():
    seen = []

    def view(request):
        seen.append(generation(KEY))
        cache.incr(KEY)  # another app server's change while this request runs: not mixed into this answer
        seen.append(generation(KEY))
        bump(KEY)  # this request's own change: read again at once
        seen.append(generation(KEY))
        return None

    ReadOncePerRequestMiddleware(view)(RequestFactory().get("/"))
    assert seen[0] == seen[1] and seen[2] > seen[1] + 1
    # The next request reads the generation as the shared cache has it now.
    ReadOncePerRequestMiddleware(lambda request: seen.append(generation(KEY)))(RequestFactory().get("/"))
    assert seen[3] == seen[2] == cache.get(KEY)


def test_outside_a_request_each_reading_asks_the_cache():
    first = generation(KEY)
    cache.incr(KEY)  # a change on another app server
    assert generation(KEY) == first + 1


def test_a_value_kept_in_the_process_is_built_again_under_a_new_generation():
    built = []

    def build():
        built.append(generation(KEY))
        return tuple(built)

    first = kept_in_process(f"test:{generation(KEY)}", build, 60)
    assert kept_in_process(f"test:{generation(KEY)}", build, 60) is first  # no second reading, no build
    cache.incr(KEY)  # another app server changed what it is built from
    assert kept_in_process(f"test:{generation(KEY)}", build, 60) == (first[0], first[0] + 1)
