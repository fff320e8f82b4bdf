"""Navigation derived from the live page tree (menu, footer, home and language links), cached.

Every public page shows the same menu, footer and language links; built from the database they cost
about fifteen queries per answer. They are kept in the configured cache (shared between app servers
with Redis) per site, language and page, under the page tree's generation: any saved, published,
unpublished, moved or deleted page, any view restriction, site or locale change starts a new generation,
so the next answer is built from the tree as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
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


def cached_navigation(name: str, request, build: Callable[[], T], *parts: object) -> T:
    """``build()``, cached per site, active language and ``parts`` under the page tree's generation."""
    site = Site.find_for_request(request) if request is not None else None
    language = translation.get_language() or settings.LANGUAGE_CODE
    key = ":".join(
        ["wegweiser:nav", name, str(site.pk if site else 0), language, *map(str, parts)]
        + [str(page_tree_generation())]
    )
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, CACHE_SECONDS)
    return value


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
