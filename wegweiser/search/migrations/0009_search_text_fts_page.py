# On SQLite the FTS5 index of the search's text rows is keyed by the row's page instead of the row's id, so
# that a text match is a set of page ids without a lookup in the rows. PostgreSQL is left untouched.

from django.db import migrations

DROP_SQL = [
    "DROP TRIGGER IF EXISTS search_searchtext_fts_insert",
    "DROP TRIGGER IF EXISTS search_searchtext_fts_delete",
    "DROP TRIGGER IF EXISTS search_searchtext_fts_update",
    "DROP TABLE IF EXISTS search_searchtext_fts",
]


def fts_sql(rowid: str) -> list[str]:
    """The FTS5 table over ``search_searchtext``, its triggers and its filling, with ``rowid`` as its rowid."""
    return [
        "CREATE VIRTUAL TABLE search_searchtext_fts USING fts5(text, content='search_searchtext', "
        f"content_rowid='{rowid}', tokenize='unicode61 remove_diacritics 0')",
        "CREATE TRIGGER search_searchtext_fts_insert AFTER INSERT ON search_searchtext BEGIN "
        f"INSERT INTO search_searchtext_fts(rowid, text) VALUES (new.{rowid}, new.text); END",
        "CREATE TRIGGER search_searchtext_fts_delete AFTER DELETE ON search_searchtext BEGIN "
        "INSERT INTO search_searchtext_fts(search_searchtext_fts, rowid, text) "
        f"VALUES ('delete', old.{rowid}, old.text); END",
        "CREATE TRIGGER search_searchtext_fts_update AFTER UPDATE ON search_searchtext BEGIN "
        "INSERT INTO search_searchtext_fts(search_searchtext_fts, rowid, text) "
        f"VALUES ('delete', old.{rowid}, old.text); "
        f"INSERT INTO search_searchtext_fts(rowid, text) VALUES (new.{rowid}, new.text); END",
        "INSERT INTO search_searchtext_fts(search_searchtext_fts) VALUES ('rebuild')",
    ]


def remake(rowid: str):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in [*DROP_SQL, *fts_sql(rowid)]:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0008_search_facet"),
    ]

    operations = [
        migrations.RunPython(remake("page_id"), remake("id"), elidable=False),
    ]
