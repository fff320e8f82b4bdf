"""Whole public pages for anonymous visitors, answered from the cache without touching the database.

A page of the tree (a Wagtail page: home, content, listing, finder) answered to a visitor who sends no
cookie is kept in the configured cache (shared between app servers with Redis) under the page tree's
generation (:mod:`wegweiser.site.page_tree_cache`): any saved, published, unpublished, moved or deleted
page, view restriction, site or locale change, and whatever a plugin reports with
:func:`wegweiser.site.page_tree_cache.invalidate` (an event registration, a volunteer sign-up: places
left) makes every kept page unreachable, so the next visitor gets the page as it is now. What depends on
the clock alone ("today", the next dates) is at most ``WEGWEISER_PAGE_CACHE_SECONDS`` old (default 300).

Never kept: answers to anyone who sends a cookie (a logged-in editor, a visitor with a session or a
message), anything but a ``200`` HTML page of the tree, an answer that sets a cookie, carries a form
token or says ``private`` / ``no-store`` (pages with personal data: :func:`public_forms.no_store`), and
the search, the API, the admin and files, which are no pages of the tree. Browsers and proxies are told to
ask again each time (``max-age=0``); the ``ETag`` lets them do it with a ``304``.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from wegweiser.site.page_tree_cache import page_tree_generation

CACHE_HEADER = "X-Wegweiser-Cache"
_PAGE_FLAG = "_wegweiser_page_of_the_tree"
_NOT_CACHEABLE = ("private", "no-store", "no-cache")
# Headers of the kept answer that are the same for every visitor (the rest is added on the way out).
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "Cache-Control", "ETag", "Link")


def cache_seconds() -> int:
    return getattr(settings, "WEGWEISER_PAGE_CACHE_SECONDS", 0)


def mark_page_of_the_tree(page, request, serve_args, serve_kwargs) -> None:
    """Wagtail's ``before_serve_page`` hook: this answer is a page of the tree (it may be kept)."""
    setattr(request, _PAGE_FLAG, True)


def _key(request) -> str:
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    return f"wegweiser:page:{page_tree_generation()}:{digest}"


def _asks_for_a_shared_page(request) -> bool:
    return request.method == "GET" and not request.COOKIES and cache_seconds() > 0


def _may_keep(request, response) -> bool:
    if not getattr(request, _PAGE_FLAG, False) or response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html") or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_USED") or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page carries a form token: it is this visitor's
    control = response.get("Cache-Control", "")
    return not any(word in control for word in _NOT_CACHEABLE)


class AnonymousPageCacheMiddleware:
    """Answers a cookie-less visitor's GET of a page of the tree from the cache; keeps what may be kept.

    Placed before the session, CSRF and authentication middleware, so a hit costs no database query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _asks_for_a_shared_page(request):
            return self.get_response(request)
        key = _key(request)
        kept = cache.get(key)
        if kept is not None:
            return self._answer_from(request, kept)
        response = self.get_response(request)
        if _may_keep(request, response):
            self._tell_browsers(response)
            headers = {name: response[name] for name in _KEPT_HEADERS if response.has_header(name)}
            cache.set(key, (response.content, headers), cache_seconds())
            response[CACHE_HEADER] = "miss"
        return response

    @staticmethod
    def _tell_browsers(response) -> None:
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        patch_vary_headers(response, ["Cookie"])
        response["ETag"] = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'

    @staticmethod
    def _answer_from(request, kept) -> HttpResponse:
        content, headers = kept
        not_modified = get_conditional_response(request, etag=headers.get("ETag"))
        response = not_modified or HttpResponse(content)
        for name, value in headers.items():
            response[name] = value
        response[CACHE_HEADER] = "hit"
        return response
