"""One shape for every listing in the API: ``ListingSchema``, for built-in, external and generic types alike."""

from __future__ import annotations

from wegweiser.api.listing_schemas import shapes_for
from wegweiser.site.api_schemas import ListingSchema
from wegweiser.site.registry import listing_types


def test_every_listing_types_answer_is_a_listing_schema_with_all_its_fields():
    shared = set(ListingSchema.model_fields)
    for key, listing_type in listing_types().items():
        shapes = shapes_for(listing_type)
        for schema in (shapes.item, shapes.detail):
            assert issubclass(schema, ListingSchema), key
            assert shared <= set(schema.model_fields), (key, shared - set(schema.model_fields))


def test_a_type_without_its_own_schema_gets_the_listing_schema_with_its_facets(counselling_type):
    shapes = shapes_for(counselling_type)
    assert shapes.generic
    facets = shapes.item.model_fields["facets"].annotation
    assert "walk_in" in facets.model_fields
    assert "topic" not in facets.model_fields  # shared facets are fields of every listing already
