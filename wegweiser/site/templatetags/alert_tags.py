"""``{% place_alert_url listing %}``: the address of "tell me when something like this opens"."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.urls import NoReverseMatch, reverse

from wegweiser.site.registry import listing_type_for_model

register = template.Library()


@register.simple_tag(takes_context=True)
def place_alert_url(context, listing) -> str:
    """The finder's place-alert form for listings of the same type with the listing's ``alert_facets``
    values (the first level of a range: where a learner starts). Empty if no alert form is installed."""
    listing_type = listing_type_for_model(type(listing))
    if listing_type is None:
        return ""
    try:
        base = reverse("search:place_alert")
    except NoReverseMatch:
        return ""
    params: list[tuple[str, str]] = [("type", listing_type.key)]
    facets = {facet.name: facet for facet in listing_type.all_facets()}
    rows = listing_type.model.objects.filter(pk=listing.pk)
    for name in listing_type.alert_facets:
        facet = facets.get(name)
        if facet is None:
            continue
        values: list[str] = []
        for raw in rows.values_list(*facet.lookups):
            values.extend(facet.values_of(*raw))
        if facet.field_to:
            values = values[:1]
        params.extend((name, value) for value in dict.fromkeys(values))
    request = context.get("request")
    if request is not None:
        params.append(("back", request.get_full_path()))  # the alert's confirmation leads back here
    return f"{base}?{urlencode(params)}"
