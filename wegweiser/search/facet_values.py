"""A listing's facet values as the search stores and counts them: ``"topic:sprache"``, one key per value.

The same keys are the Elasticsearch documents' ``facets`` field and, as numbers, the database backend's
narrow rows (:class:`~wegweiser.search.models.SearchListing`), read with the lookups the FilterSets filter by
(:meth:`~wegweiser.site.registry.Facet.values_of`: fields, ranges, relations to terms), which the core's
:func:`~wegweiser.site.facets.facet_values` reads for the search and the API alike.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q

from wegweiser.search.query import TYPE_FACET
from wegweiser.site.registry import ListingType, listing_types


def facet_key(name: str, value: str) -> str:
    """One facet value in the documents' combined ``facets`` field and the narrow rows: ``"topic:sprache"``."""
    return f"{name}:{value}"


def type_key(listing_type: ListingType) -> str:
    """The value every listing of the type carries beside its facet values (``"type:offers"``): the
    database backend counts a type's matches with its facets."""
    return facet_key(TYPE_FACET, listing_type.key)


def facet_keys(values: dict[str, list[str]]) -> list[str]:
    """One listing's facet values (``facet -> values``) as keys."""
    return [facet_key(name, value) for name, found in values.items() for value in found]


def relations(model, lookup: str) -> list:
    """The relation fields a lookup follows from ``model`` (``topics__slug``: the field ``topics``)."""
    fields = []
    for part in lookup.split("__")[:-1]:
        field = model._meta.get_field(part)
        fields.append(field)
        model = field.related_model
        if model is None:
            break
    return fields


def listings_carrying(term) -> list[int]:
    """The listings whose facet values are read through ``term`` (a topic, a district ...) or a
    translation of it: those whose stored keys and searchable names change when it does.

    Only the relations a listing holds itself (a foreign key, a many-to-many field) lead to terms; the
    rows a listing owns (the days' parts of its schedule) are written with it. A model no facet lookup
    passes through costs one dictionary lookup: every save and delete of any model asks.
    """
    page_ids: set[int] = set()
    for listing_type, path in _paths_to_terms().get(type(term)._meta.concrete_model, ()):
        page_ids.update(_carrying(listing_type, path, term))
    return sorted(page_ids)


#: The listing types the paths were found for (the registry's own dict, kept so that it is not another
#: one at the same address), and the paths.
_PATHS: list = [None, {}]


def _paths_to_terms() -> dict[type, list[tuple[ListingType, str]]]:
    """``{term model: [(listing type, lookup path from the listing to it)]}``, once per set of listing types."""
    types = listing_types()
    if _PATHS[0] is not types:
        paths: dict[type, list[tuple[ListingType, str]]] = defaultdict(list)
        for listing_type in types.values():
            for facet in listing_type.all_facets():
                for lookup in facet.lookups:
                    path: list[str] = []
                    for field in relations(listing_type.model, lookup):
                        if not field.concrete:
                            break
                        path.append(field.name)
                        entry = (listing_type, "__".join(path))
                        if entry not in paths[field.related_model]:
                            paths[field.related_model].append(entry)
        _PATHS[:] = [types, dict(paths)]
    return _PATHS[1]


def _carrying(listing_type: ListingType, path: str, term) -> list[int]:
    condition = Q(**{path: term.pk})
    translation_key = getattr(term, "translation_key", None)
    if translation_key is not None:  # a translatable term: its translations carry the same listings' names
        condition |= Q(**{f"{path}__translation_key": translation_key})
    return list(listing_type.model.objects.filter(condition).values_list("pk", flat=True).distinct())
