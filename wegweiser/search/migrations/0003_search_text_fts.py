# On SQLite the finder's text table gets an external-content FTS5 index (full text search), kept in
# step with the rows by triggers; PostgreSQL has its tsvector column (0002) and is left untouched.

from django.db import migrations

FTS_SQL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_searchtext_fts USING fts5("
    "text, content='search_searchtext', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER IF NOT EXISTS search_searchtext_fts_insert AFTER INSERT ON search_searchtext BEGIN "
    "INSERT INTO search_searchtext_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS search_searchtext_fts_delete AFTER DELETE ON search_searchtext BEGIN "
    "INSERT INTO search_searchtext_fts(search_searchtext_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "END",
    "CREATE TRIGGER IF NOT EXISTS search_searchtext_fts_update AFTER UPDATE ON search_searchtext BEGIN "
    "INSERT INTO search_searchtext_fts(search_searchtext_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO search_searchtext_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO search_searchtext_fts(search_searchtext_fts) VALUES ('rebuild')",
]
DROP_SQL = [
    "DROP TRIGGER IF EXISTS search_searchtext_fts_insert",
    "DROP TRIGGER IF EXISTS search_searchtext_fts_delete",
    "DROP TRIGGER IF EXISTS search_searchtext_fts_update",
    "DROP TABLE IF EXISTS search_searchtext_fts",
]


def add_fts(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in FTS_SQL:
            schema_editor.execute(statement)


def drop_fts(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in DROP_SQL:
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0002_search_text"),
    ]

    operations = [
        migrations.RunPython(add_fts, drop_fts, elidable=False),
    ]
