# The database backend counts facets from the narrow rows (wegweiser.search.models.SearchListing) on every
# database now, so the facet value rows (SearchFacet, 0008) go. On SQLite the narrow rows' numbers become a
# JSON array ("[3,12,40]"), which json_each reads; 0010 wrote them separated by spaces.

from django.db import migrations


def numbers_as_json(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        schema_editor.execute(
            "UPDATE search_searchlisting SET keys = '[' || replace(keys, ' ', ',') || ']' "
            "WHERE keys NOT LIKE '[%'"
        )


def numbers_separated_by_spaces(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        schema_editor.execute(
            "UPDATE search_searchlisting SET keys = replace(replace(replace(keys, '[', ''), ']', ''), ',', ' ')"
        )


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0010_search_listing'),
    ]

    operations = [
        migrations.RunPython(numbers_as_json, numbers_separated_by_spaces, elidable=False),
        migrations.DeleteModel(
            name='SearchFacet',
        ),
    ]
