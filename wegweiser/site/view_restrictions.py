"""Which parts of the page tree are private, known without a query on every public page.

Wagtail asks the database on every page it serves (the page's ancestors, then their restrictions) and on
every ``.public()`` query. Restrictions are few and change rarely, so they are kept in the cache under the
page tree's generation, which any saved or deleted restriction and any moved page renews
(:mod:`wegweiser.site.page_tree_cache`). The answers are Wagtail's: an alias ancestor counts with the
restrictions of the page it mirrors.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from wagtail.locks import BasicLock
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from wegweiser.site.cache_generations import kept_in_process
from wegweiser.site.locks import NamedToColleaguesLock
from wegweiser.site.page_forms import PortalPageForm
from wegweiser.site.page_tree_cache import CACHE_SECONDS, page_tree_generation


def restricted_sections() -> tuple[tuple[str, int, PageViewRestriction], ...]:
    """``(path, depth, restriction)`` for every restricted page and every alias of one (a search page asks
    eight times: kept in the process under the page tree's generation)."""
    key = f"wegweiser:view-restrictions:{page_tree_generation()}"
    return kept_in_process(key, _restricted_sections, CACHE_SECONDS)


def _restricted_sections() -> tuple[tuple[str, int, PageViewRestriction], ...]:
    restrictions = list(PageViewRestriction.objects.select_related("page"))
    sections = [(restriction.page.path, restriction.page.depth, restriction) for restriction in restrictions]
    by_page = {restriction.page_id: restriction for restriction in restrictions}
    if by_page:
        for path, depth, alias_of_id in Page.objects.filter(alias_of_id__in=by_page).values_list(
            "path", "depth", "alias_of_id"
        ):
            sections.append((path, depth, by_page[alias_of_id]))
    return tuple(sections)


class PublicPageQuerySet(PageQuerySet):
    """``.public()`` and ``.not_public()`` from the cached restrictions instead of a query each time."""

    def private_q(self) -> Q:
        condition = Q()
        for path, depth, restriction in restricted_sections():
            if path == restriction.page.path:  # as Wagtail's private_q: a restricted page and its subtree
                condition |= Q(path__startswith=path, depth__gte=depth)
        return condition if condition else Q(pk__in=[])


PublicPageManager = PageManager.from_queryset(PublicPageQuerySet)


class PublicPageMixin(models.Model):
    """A page type of the public site: its restrictions and ``.public()`` come from the cache, its editor
    takes only images and documents the editor may choose, and its lock names the person who locked it
    only to that person's colleagues and the office (:mod:`wegweiser.site.locks`)."""

    objects = PublicPageManager()
    base_form_class = PortalPageForm

    class Meta:
        abstract = True

    def get_lock(self):
        lock = super().get_lock()
        return NamedToColleaguesLock(self) if type(lock) is BasicLock else lock

    def get_view_restrictions(self):
        if self.alias_of_id:
            return super().get_view_restrictions()  # restricted as the page it mirrors: Wagtail's way
        ids = [
            restriction.pk
            for path, _depth, restriction in restricted_sections()
            if self.path.startswith(path)
        ]
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)
