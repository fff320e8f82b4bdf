"""A listing's facet values as the search stores and counts them: ``"topic:sprache"``, one key per value.

The same keys are the Elasticsearch documents' ``facets`` field and the database backend's
:class:`~wegweiser.search.models.SearchFacet` rows, read with the lookups the FilterSets filter by
(:meth:`~wegweiser.site.registry.Facet.values_of`: fields, ranges, relations to terms).
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q

from wegweiser.search.query import TYPE_FACET
from wegweiser.site.registry import ListingType, listing_types


def facet_key(name: str, value: str) -> str:
    """One facet value in the documents' combined ``facets`` field and the facet rows: ``"topic:sprache"``."""
    return f"{name}:{value}"


def facet_values(listing_type: ListingType, page_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    """``page id -> facet -> values``, one query per facet, the same lookups the FilterSets use."""
    values: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for facet in listing_type.all_facets():
        rows = listing_type.model.objects.filter(pk__in=page_ids).values_list("pk", *facet.lookups)
        for pk, *raw in rows:
            for value in facet.values_of(*raw):
                if value not in values[pk][facet.name]:
                    values[pk][facet.name].append(value)
    return values


def type_key(listing_type: ListingType) -> str:
    """The row every listing of the type has among its facet rows (``"type:offers"``): the database backend
    counts a type's matches with its facets."""
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
    rows a listing owns (the days' parts of its schedule) are written with it. No query at all for a
    model no facet lookup passes through.
    """
    model = type(term)
    page_ids: set[int] = set()
    for listing_type in listing_types().values():
        for facet in listing_type.all_facets():
            for lookup in facet.lookups:
                path: list[str] = []
                for field in relations(listing_type.model, lookup):
                    if not field.concrete:
                        break
                    path.append(field.name)
                    if issubclass(model, field.related_model):
                        page_ids.update(_carrying(listing_type, "__".join(path), term))
                        break
    return sorted(page_ids)


def _carrying(listing_type: ListingType, path: str, term) -> list[int]:
    condition = Q(**{path: term.pk})
    translation_key = getattr(term, "translation_key", None)
    if translation_key is not None:  # a translatable term: its translations carry the same listings' names
        condition |= Q(**{f"{path}__translation_key": translation_key})
    return list(listing_type.model.objects.filter(condition).values_list("pk", flat=True).distinct())
