"""The finder page and its autocomplete endpoint.

The page works without JavaScript (a GET form); with htmx the results and facet counts are swapped
in place, and a small script adds the browser's location and suggestions while typing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.models import Site

from wegweiser.search import service
from wegweiser.search.choices import cached_district_centres
from wegweiser.search.query import (
    PER_PAGE_CHOICES,
    RADIUS_CHOICES,
    TYPE_FACET,
    SearchQuery,
    search_facets,
)
from wegweiser.site.registry import enabled_listing_types

SORT_LABELS = {"relevance": _("Best match"), "date": _("Newest"), "distance": _("Distance")}


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetGroup:
    name: str
    label: str
    kind: str
    options: list[FacetOption]


def _language() -> str:
    return (translation.get_language() or "de").split("-")[0]


@require_GET
def search(request):
    site = Site.find_for_request(request)
    available = enabled_listing_types(site)
    centres = cached_district_centres()
    query, messages = SearchQuery.from_querydict(
        request.GET, locale=_language(), available_types=available, district_centres=centres
    )
    result = service.search(query, available)
    result.messages = [*messages, *result.messages]
    if not query.is_empty:
        service.log_search(result)
    page_obj = Paginator(range(result.total), query.per_page).get_page(query.page)
    context = {
        "query": query,
        "result": result,
        "facet_groups": _facet_groups(query, result, available),
        "page_obj": page_obj,
        "querystring_without_page": _querystring_without_page(request),
        "district_centres": centres,
        "radius_choices": RADIUS_CHOICES,
        "per_page_choices": PER_PAGE_CHOICES,
        "sort_choices": list(SORT_LABELS.items()),
    }
    return render(request, "search/search.html", context)


def _facet_groups(query: SearchQuery, result, available) -> list[FacetGroup]:
    searched = [available[key] for key in (query.listing_types or available)]
    labels = {name: facet for name, facet in search_facets(searched).items()}
    groups = []
    for name, rows in result.facets.items():
        if name == TYPE_FACET:
            if len(available) < 2:
                continue
            label, kind, selected = _("Kind of listing"), "choice", set(query.listing_types)
        else:
            facet = labels.get(name)
            if facet is None:
                continue
            label, kind, selected = facet.label, facet.kind, set(query.filters.get(name, []))
        options = [
            FacetOption(value, option_label, count, value in selected) for value, option_label, count in rows
        ]
        groups.append(FacetGroup(name, str(label), kind, options))
    return groups


def _querystring_without_page(request) -> str:
    data = request.GET.copy()
    data.pop("page", None)
    return data.urlencode()


@require_GET
def suggest(request):
    """Completions for the search box, as JSON: ``{"suggestions": ["Deutschkurs A1", ...]}``."""
    prefix = (request.GET.get("q") or "")[:50]
    available = enabled_listing_types(Site.find_for_request(request))
    suggestions = service.suggest(prefix, _language(), available) if len(prefix.strip()) >= 2 else []
    response = JsonResponse({"suggestions": suggestions})
    response["Cache-Control"] = "public, max-age=60"
    return response
