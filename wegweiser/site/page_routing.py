"""Which site and page answer a request, known from the cache: the page is then one query.

Wagtail finds the site, the home page in the visitor's language and the page at the path anew for every
request (four to six queries before a page is served). The site per host and the page per site, language
and path are kept under the page tree's generation (:mod:`wegweiser.site.page_tree_cache`), which any
saved, published, unpublished, moved or deleted page, site or locale renews; the page itself is read
with what its template shows at once (``serve_select_related`` on the page class: its locale, a
listing's organisation and district).
"""

from __future__ import annotations

from django.apps import apps
from django.core.cache import cache
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from wegweiser.site.page_tree_cache import CACHE_SECONDS, page_tree_generation

#: What a page is read with when no page class says otherwise.
DEFAULT_SELECT_RELATED = ("locale",)


def serve(request, path: str):
    """Wagtail's ``serve`` view, with the request's site and page found in the cache where known."""
    site = _site_for(request)
    request._wagtail_site = site  # where Site.find_for_request looks first
    if site is not None:
        _route_from_cache(request, site, path)
    return wagtail_views.serve(request, path)


def _site_for(request) -> Site | None:
    key = f"wegweiser:site:{request.get_host()}:{request.get_port()}:{page_tree_generation()}"
    site = cache.get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            cache.set(key, site, CACHE_SECONDS)
    return site


def _route_key(site: Site, path: str) -> str:
    language = translation.get_language() or ""
    return f"wegweiser:route:{site.pk}:{language}:{path}:{page_tree_generation()}"


def _route_from_cache(request, site: Site, path: str) -> None:
    """Set Wagtail's per-request route from the cache, or route as Wagtail does and keep the answer.

    Only a plain page is kept (no sub-route with arguments), and no path that leads nowhere: a visitor
    cannot fill the cache with made-up addresses.
    """
    key = _route_key(site, path)
    kept = cache.get(key)
    if kept is not None:
        label, pk = kept
        model = apps.get_model(label)
        related = getattr(model, "serve_select_related", DEFAULT_SELECT_RELATED)
        page = model.objects.select_related(*related).filter(pk=pk, live=True).first()
        if page is not None:
            request._wagtail_route_for_request = RouteResult(page)
            return
    result = Page.route_for_request(request, path)
    if result is not None and not result.args and not result.kwargs:
        cache.set(key, (result.page._meta.label_lower, result.page.pk), CACHE_SECONDS)
