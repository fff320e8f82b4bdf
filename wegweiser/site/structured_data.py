"""schema.org JSON-LD pieces that every listing's page and the API describe alike: the organisation behind a
listing, its languages, its place, and the script element that carries the document.

The script element is serialised with the same escaping as Django's ``json_script``: a title containing
``</script>`` cannot break out of it.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from wegweiser.site.schedules import WEEKDAY_CODES

_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
_DAY_NAMES = dict(
    zip(
        WEEKDAY_CODES,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)


def json_ld_script(data: dict[str, Any]) -> SafeString:
    """The ``<script type="application/ld+json">`` element carrying ``data``."""
    payload = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


def organisation_json_ld(organisation, request=None) -> dict[str, Any] | None:
    """The schema.org ``Organization`` behind a listing (its provider or organiser), with its page's URL."""
    if organisation is None:
        return None
    data: dict[str, Any] = {"@type": "Organization", "name": organisation.title}
    url = organisation.get_full_url(request)
    if url:
        data["url"] = url
    return data


def languages_json_ld(listing) -> str | list[str] | None:
    """``inLanguage``: the codes of the languages a listing is held in, one as a string, several as a list."""
    languages = [code for code, _name in listing.localized_languages]
    if not languages:
        return None
    return languages if len(languages) > 1 else languages[0]


def listing_parties_json_ld(listing, request=None, *, organisation_property: str) -> dict[str, Any]:
    """The organisation behind ``listing`` under ``organisation_property`` (``"provider"``, ``"organizer"``)
    and its ``inLanguage``, each only where known: for ``data.update(...)`` on any listing's document."""
    data: dict[str, Any] = {}
    organisation = organisation_json_ld(listing.organisation, request)
    if organisation:
        data[organisation_property] = organisation
    languages = languages_json_ld(listing)
    if languages:
        data["inLanguage"] = languages
    return data


def place_json_ld(place, name: str | None) -> dict[str, Any]:
    """The schema.org ``Place`` of a listing (or anything with a ``PlaceMixin``'s address and coordinates)."""
    data: dict[str, Any] = {
        "@type": "Place",
        "name": name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": place.street,
            "postalCode": place.postcode,
            "addressLocality": place.city,
            "addressCountry": "DE",
        },
    }
    if place.has_coordinates:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": place.latitude, "longitude": place.longitude}
    return data


def schema_org_day(code: str) -> str:
    """The schema.org ``DayOfWeek`` of an RFC 5545 weekday code: ``"MO"`` is ``https://schema.org/Monday``."""
    return f"https://schema.org/{_DAY_NAMES[code]}"
