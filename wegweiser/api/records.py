"""Turn pages and terms into the plain records the API, the exports and JSON-LD are made of.

Records are built from prefetched data only: the number of queries per response does not grow with the
number of items (the query budget the tests check).
"""

from __future__ import annotations

from collections.abc import Iterable

from wagtail.rich_text import expand_db_html

from wegweiser.site.facets import facet_values as read_facet_values
from wegweiser.site.facets import shared_facet_names
from wegweiser.site.models import District, Language, TargetGroup, Topic
from wegweiser.site.registry import ListingType
from wegweiser.site.taxonomy_labels import term_labels


def own_facets(listing_type: ListingType) -> list:
    """The facets a plugin adds beyond the shared ones (which are fields of every listing anyway)."""
    shared = shared_facet_names()
    return [facet for facet in listing_type.all_facets() if facet.name not in shared]


class Labels:
    """Taxonomy names in one language, looked up once per response (from the cache, not per item)."""

    def __init__(self, language: str):
        self.language = language
        self._maps: dict = {}

    def name(self, term) -> str:
        model = type(term)
        if model not in self._maps:
            self._maps[model] = term_labels(model, self.language)
        return self._maps[model].get(term.slug, term.name)

    def term(self, term) -> dict | None:
        if term is None:
            return None
        return {"slug": term.slug, "name": self.name(term)}

    def terms(self, terms: Iterable) -> list[dict]:
        return [self.term(term) for term in terms]


def full_url(page, request) -> str | None:
    return page.get_full_url(request)


def rich_text_html(value: str) -> str:
    return expand_db_html(value) if value else ""


def place_record(obj, labels: Labels) -> dict:
    return {
        "name": getattr(obj, "place_name", ""),
        "street": obj.street,
        "postcode": obj.postcode,
        "city": obj.city,
        "district": labels.term(obj.district),
        "latitude": obj.latitude,
        "longitude": obj.longitude,
        "wheelchair_accessible": obj.wheelchair_accessible,
        "accessibility_notes": obj.accessibility_notes,
    }


def _rounded(value: float | None) -> float | None:
    return round(value, 3) if value is not None else None


def facet_values(listing_type: ListingType, pages: list) -> dict[int, dict]:
    """``{page id: {facet name: value}}`` for the plugin's own facets, as the core reads them for the search
    (:func:`~wegweiser.site.facets.facet_values`): a flag is true or false, a choice lists its values."""
    facets = own_facets(listing_type)
    read = read_facet_values(listing_type, [page.pk for page in pages], facets) if pages and facets else {}
    values = {}
    for page in pages:
        found = read.get(page.pk, {})
        values[page.pk] = {
            facet.name: bool(found.get(facet.name)) if facet.kind == "flag" else found.get(facet.name, [])
            for facet in facets
        }
    return values


def organisation_record(organisation, request, labels: Labels) -> dict:
    return {
        "id": organisation.pk,
        "translation_key": str(organisation.translation_key),
        "locale": organisation.locale.language_code,
        "title": organisation.title,
        "slug": organisation.slug,
        "url": full_url(organisation, request),
        "kind": organisation.kind,
        "kind_label": str(organisation.get_kind_display()),
        "summary": organisation.summary,
        "description_html": rich_text_html(organisation.description),
        "email": organisation.email,
        "phone": organisation.phone,
        "website": organisation.website,
        "opening_hours": organisation.opening_hours,
        "place": place_record(organisation, labels),
        "updated_at": organisation.last_published_at,
        "distance_km": _rounded(getattr(organisation, "distance_km", None)),
    }


def content_page_record(page, request, with_body: bool = False) -> dict:
    record = {
        "id": page.pk,
        "translation_key": str(page.translation_key),
        "locale": page.locale.language_code,
        "title": page.title,
        "slug": page.slug,
        "url": full_url(page, request),
        "intro": page.intro,
        "search_description": page.search_description,
        "updated_at": page.last_published_at,
    }
    if with_body:
        record["body_html"] = str(page.body.render_as_block()) if page.body else ""
    return record


def term_record(term, labels: Labels) -> dict:
    record = {"slug": term.slug, "name": labels.name(term)}
    if isinstance(term, Topic):
        record.update(description=term.description, icon=term.icon)
    elif isinstance(term, Language):
        record.update(native_name=term.native_name, direction=term.direction)
    elif isinstance(term, District):
        record.update(latitude=term.latitude, longitude=term.longitude)
    return record


TAXONOMIES = {
    "topics": Topic,
    "target-groups": TargetGroup,
    "languages": Language,
    "districts": District,
}
