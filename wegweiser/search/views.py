"""The search page and its autocomplete endpoint.

The page works without JavaScript (a GET form); with finder.js the results and facet counts are swapped
in place, and a small script adds the browser's location and suggestions while typing.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.models import Site

from wegweiser.search import panel, service
from wegweiser.search.choices import cached_district_centres
from wegweiser.search.organisations import organisations_named
from wegweiser.search.query import PER_PAGE_CHOICES, RADIUS_CHOICES, SearchQuery
from wegweiser.site.listings import visitor_language
from wegweiser.site.registry import enabled_listing_types

SORT_LABELS = {"relevance": _("Best match"), "date": _("Newest"), "distance": _("Distance")}


@require_GET
def search(request):
    site = Site.find_for_request(request)
    available = enabled_listing_types(site)
    centres = cached_district_centres()
    query, messages = SearchQuery.from_querydict(
        request.GET, locale=visitor_language(), available_types=available, district_centres=centres
    )
    result = service.search(query, available)
    page_obj = Paginator(range(result.total), query.per_page).get_page(query.page)
    if result.total and page_obj.number != query.page:
        # A page past the last (an old link, fewer results now) shows the last page, as the finder does,
        # not "page 2 of 2" above no results.
        query.page = page_obj.number
        result = service.search(query, available)
    result.messages = [*messages, *result.messages]
    if not query.is_empty:
        service.log_search(result)
    shortcuts = panel.date_shortcuts(timezone.localdate(), query, request.GET)
    context = {
        "query": query,
        "result": result,
        "filter_sections": panel.sections(panel.facet_groups(query, result, available)),
        "chips": panel.chips(query, request.GET, result, available, shortcuts, centres),
        "date_shortcuts": shortcuts,
        "page_obj": page_obj,
        "querystring_without_page": _querystring_without_page(request),
        "district_centres": centres,
        "radius_choices": RADIUS_CHOICES,
        "per_page_choices": PER_PAGE_CHOICES,
        "sort_choices": list(SORT_LABELS.items()),
        "organisations": organisations_named(query.words, site) if query.page == 1 else [],
    }
    return render(request, "search/search.html", context)


def _querystring_without_page(request) -> str:
    data = request.GET.copy()
    data.pop("page", None)
    return data.urlencode()


@require_GET
def suggest(request):
    """Completions for the search box, as JSON: ``{"suggestions": ["Deutschkurs A1", ...]}``."""
    prefix = (request.GET.get("q") or "")[:50]
    available = enabled_listing_types(Site.find_for_request(request))
    suggestions = service.suggest(prefix, visitor_language(), available) if len(prefix.strip()) >= 2 else []
    response = JsonResponse({"suggestions": suggestions})
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_GET
def old_search_address(request):
    """``/de/search/`` before the path was translated: a permanent redirect keeps bookmarks working."""
    target = reverse("search:search")
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
