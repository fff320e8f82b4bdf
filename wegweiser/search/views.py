"""The cross-listing finder page (database backend)."""

from django.shortcuts import render
from wagtail.models import Site

from wegweiser.site.listings import public_listings
from wegweiser.site.registry import enabled_listing_types


def search(request):
    query = (request.GET.get("q") or "").strip()[:200]
    site = Site.find_for_request(request)
    results = []
    if query:
        for listing_type in enabled_listing_types(site).values():
            queryset = public_listings(listing_type)
            for word in query.split()[:10]:
                queryset = queryset.filter(title__icontains=word) | queryset.filter(summary__icontains=word)
            results.extend((listing_type, listing) for listing in queryset[:50])
    return render(request, "search/search.html", {"query": query, "results": results})
