"""Navigation derived from the live page tree (menu, footer, home and language links), cached.

Every public page shows the same menu, footer and language links; built from the database they cost
about fifteen queries per answer. They are kept in the configured cache (shared between app servers
with Redis) per site, language and page, under the page tree's generation: any saved, published,
unpublished, moved or deleted page, any view restriction, site or locale change starts a new generation,
so the next answer is built from the tree as it is.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone, translation
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_unpublished, post_page_move

from wegweiser.site.cache_generations import PAGE_TREE, bump, generation

CACHE_SECONDS = 3600

T = TypeVar("T")


def page_tree_generation() -> int:
    return generation(PAGE_TREE)


def invalidate() -> None:
    """Forget all cached navigation (the page tree changed)."""
    bump(PAGE_TREE)


def cached_for_page_tree(name: str, build: Callable[[], T], *parts: object) -> T:
    """``build()`` (``None`` too), cached per ``parts`` under the page tree's generation.

    What also depends on the clock (the next dates) says until when it holds with :func:`holds_until`;
    the value is then kept no longer than that, and a value that holds it passes the moment on.
    """
    key = ":".join(["wegweiser:nav", name, *map(str, parts), str(page_tree_generation())])
    kept = cache.get(key)
    if kept is not None:
        value, until = kept
    else:
        moments: list[datetime.datetime] = []
        token = _moments.set(moments)
        try:
            value = build()
        finally:
            _moments.reset(token)
        until = min(moments, default=None)
        seconds = (
            CACHE_SECONDS if until is None else min(CACHE_SECONDS, (until - timezone.now()).total_seconds())
        )
        if seconds >= 1:
            cache.set(key, (value, until), int(seconds))
    if until is not None:
        holds_until(until)
    return value


def cached_navigation(name: str, request, build: Callable[[], T], *parts: object) -> T:
    """``build()``, cached per site, active language and ``parts`` under the page tree's generation."""
    site = Site.find_for_request(request) if request is not None else None
    language = translation.get_language() or settings.LANGUAGE_CODE
    return cached_for_page_tree(name, build, site.pk if site else 0, language, *parts)


_moments: ContextVar[list[datetime.datetime] | None] = ContextVar("wegweiser_holds_until", default=None)


def holds_until(moment: datetime.datetime) -> None:
    """What is being built changes by the clock alone at ``moment`` (a shown date passes, a day begins):
    the cached value that holds it is built anew from then on."""
    moments = _moments.get()
    if moments is not None:
        moments.append(moment)


@receiver(post_save)
@receiver(post_delete)
def _a_page_or_what_routes_to_it_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if isinstance(instance, Page | PageViewRestriction | Site | Locale):
        invalidate()


def public_pages_show(*models) -> None:
    """Public pages show something of these models (an event's places left, a sign-up count): saving or
    deleting one starts a new generation, so cached pages and navigation are built again. For plugins."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(_shown_data_changed, sender=model, dispatch_uid=f"page-tree-save-{label}")
        post_delete.connect(_shown_data_changed, sender=model, dispatch_uid=f"page-tree-delete-{label}")


def _shown_data_changed(sender, **kwargs) -> None:
    invalidate()


@receiver(page_unpublished)
@receiver(post_page_move)
def _a_page_left_or_moved(sender, instance, **kwargs) -> None:
    invalidate()
