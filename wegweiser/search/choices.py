"""Facet choice lists and district centres per visitor language, cached until a taxonomy term changes.

Every search needs the choices of about twenty facets three times (to check the filters, to size the
aggregations, to label the counts) and the district centres once. They change only when an editor
edits a term, so they are built once per language and kept in the cache as one entry each. Saving or
deleting a term or a locale starts a new generation (see :mod:`wegweiser.search.signals`); a plugin
facet whose choices come from its own table is refreshed after ``CACHE_SECONDS`` at the latest.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.cache import cache

from wegweiser.search.geo import GeoPoint, district_centres
from wegweiser.site.cache_generations import bump, generation
from wegweiser.site.listings import visitor_language
from wegweiser.site.registry import Facet
from wegweiser.site.taxonomy_labels import TermName

CACHE_SECONDS = 300
_GENERATION_KEY = "wegweiser:search:choices-generation"


def _generation() -> int:
    return generation(_GENERATION_KEY)


def invalidate() -> None:
    """Forget every cached choice list and district centre (a term or a locale was saved or deleted)."""
    bump(_GENERATION_KEY)


def facet_choices(facets: Mapping[str, Facet]) -> dict[str, list[tuple[str, str]]]:
    """``{facet name: [(value, label)]}`` in the active language, from one cache entry per language."""
    key = f"wegweiser:search:choices:{visitor_language()}:{_generation()}"
    cached: dict[str, list[tuple[str, str]]] = cache.get(key) or {}
    missing = [name for name in facets if name not in cached]
    if missing:
        cached = dict(cached)
        for name in missing:
            # a term's German name stays a TermName (it pickles with its language): the page marks it German
            cached[name] = [
                (str(value), label if isinstance(label, TermName) else str(label))
                for value, label in facets[name].get_choices()
            ]
        cache.set(key, cached, CACHE_SECONDS)
    return {name: cached[name] for name in facets}


def cached_district_centres() -> dict[str, GeoPoint]:
    """:func:`wegweiser.search.geo.district_centres`, cached per language like the choice lists."""
    key = f"wegweiser:search:centres:{visitor_language()}:{_generation()}"
    centres = cache.get(key)
    if centres is None:
        centres = district_centres()
        cache.set(key, centres, CACHE_SECONDS)
    return centres
