"""What an alert waits for: the search's criteria, cleaned by :class:`SearchQuery` and kept canonical.

Only what describes listings is kept: words, kinds of listing, facet values and a district with a radius.
The visitor's own location and dates are not (a location is personal; "this weekend" is over by the time
a place opens).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

from django.http import QueryDict
from django.utils.translation import gettext as _

from wegweiser.search.choices import cached_district_centres
from wegweiser.search.query import TYPE_FACET, SearchQuery, search_facets
from wegweiser.site.models import District
from wegweiser.site.registry import ListingType
from wegweiser.site.taxonomy_labels import term_choices


def criteria_from(
    data: QueryDict, *, locale: str, available: Mapping[str, ListingType]
) -> tuple[dict, list[str]]:
    """The criteria in ``data`` (the search's GET parameters) and messages about what was left out."""
    query, messages = SearchQuery.from_querydict(
        data, locale=locale, available_types=available, district_centres=cached_district_centres()
    )
    if query.point is not None and not query.near:
        messages.append(_("An alert does not keep your own location; choose a district instead."))
    if query.date_from or query.date_to:
        messages.append(_("An alert does not keep dates: it tells you about new listings whenever they are."))
    criteria = {
        "text": query.text,
        "listing_types": sorted(query.listing_types),
        "filters": {name: sorted(values) for name, values in sorted(query.filters.items())},
        "near": query.near,
        "radius_km": query.radius_km if query.near else None,
    }
    return criteria, messages


def is_empty(criteria: dict) -> bool:
    return not (criteria["text"] or criteria["listing_types"] or criteria["filters"] or criteria["near"])


def criteria_key(criteria: dict) -> str:
    """The same criteria always give the same key (alerts asking the same are counted together)."""
    canonical = json.dumps(
        {
            "text": " ".join(criteria["text"].lower().split()),
            "listing_types": sorted(criteria["listing_types"]),
            "filters": {name: sorted(values) for name, values in sorted(criteria["filters"].items())},
            "near": criteria["near"],
            "radius_km": criteria["radius_km"],
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def querystring(criteria: dict) -> str:
    """The criteria as the search's GET parameters (for the form's hidden fields and "show in the finder")."""
    data = QueryDict(mutable=True)
    if criteria["text"]:
        data["q"] = criteria["text"]
    if criteria["listing_types"]:
        data.setlist(TYPE_FACET, criteria["listing_types"])
    for name, values in criteria["filters"].items():
        data.setlist(name, values)
    if criteria["near"]:
        data["near"] = criteria["near"]
        if criteria["radius_km"]:
            data["radius"] = f"{criteria['radius_km']:g}"
    return data.urlencode()


def labels(criteria: dict, available: Mapping[str, ListingType]) -> list[str]:
    """The criteria in words of the active language: "Courses", "Level: A1", "Childcare available" …"""
    found: list[str] = []
    if criteria["text"]:
        found.append(_("Words: “%(words)s”") % {"words": criteria["text"]})
    for key in criteria["listing_types"]:
        if key in available:
            found.append(str(available[key].verbose_name_plural))
    facets = search_facets(available.values())
    for name, facet in facets.items():  # in the search's order of facets
        values = criteria["filters"].get(name)
        if not values:
            continue
        if facet.kind == "flag":
            found.append(str(facet.label))
            continue
        choices = {str(value): str(label) for value, label in facet.get_choices()}
        found.append(f"{facet.label}: {', '.join(choices.get(value, value) for value in values)}")
    if criteria["near"]:
        districts = dict(term_choices(District))
        place = str(districts.get(criteria["near"], criteria["near"]))
        if criteria["radius_km"]:
            found.append(
                _("Within %(km)s km of %(place)s") % {"km": f"{criteria['radius_km']:g}", "place": place}
            )
        else:
            found.append(_("Near %(place)s") % {"place": place})
    return found
