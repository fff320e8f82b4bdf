# On PostgreSQL the searched vectors are kept in the table's rows (storage MAIN) instead of out of line.
#
# A listing's vector holds its words and its terms' names in seven languages, about 3 KB: stored out of
# line (TOAST), every row a text match reads without the GIN index (a word in most listings) was
# fetched through the TOAST table's index. At 100,000 listings that scan took 480 ms; in the rows it
# takes 130-180 ms (bench/SEARCH.md). The planner also sees the larger table, so it takes the GIN index
# whenever a word is in fewer listings. The rows are rewritten so that the vectors already stored move
# too; SQLite has its FTS5 index (0003) and is left untouched.

from django.db import migrations


def keep_vectors_in_rows(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchtext ALTER COLUMN vector SET STORAGE MAIN")
        schema_editor.execute("UPDATE search_searchtext SET text = text")


def store_vectors_out_of_line(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchtext ALTER COLUMN vector SET STORAGE EXTENDED")


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0006_search_log_weak"),
    ]

    operations = [
        migrations.RunPython(keep_vectors_in_rows, store_vectors_out_of_line, elidable=False),
    ]
