"""What the search app made by hand under its former label ``finder``, renamed when ``migrate`` switches it.

:mod:`wegweiser.site.former_labels` renames the model tables and the stored labels; the full text index
(PostgreSQL: a GIN index made by raw SQL; SQLite: an FTS5 table whose triggers and content option name
the text table) and the place alerts' named index carry the label in their own names, so they follow here.
"""

from __future__ import annotations

from django.dispatch import receiver

from wegweiser.search import fulltext
from wegweiser.search.models import PlaceAlert
from wegweiser.site.former_labels import label_switched

ALERT_DUE_INDEX = "search_alert_due_idx"


@receiver(label_switched, dispatch_uid="search-former-label")
def rename_hand_made_objects(sender, app_config, former_label: str, connection, **kwargs) -> None:
    if app_config.name != "wegweiser.search":
        return
    former_alert_index = ALERT_DUE_INDEX.replace("search_", f"{former_label}_", 1)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            former_vector_index = fulltext.VECTOR_INDEX.replace("search_", f"{former_label}_", 1)
            cursor.execute(f"ALTER INDEX IF EXISTS {former_vector_index} RENAME TO {fulltext.VECTOR_INDEX}")
            cursor.execute(f"ALTER INDEX IF EXISTS {former_alert_index} RENAME TO {ALERT_DUE_INDEX}")
        elif connection.vendor == "sqlite":
            # The FTS5 table names the table it indexes in its content option: made anew, then rebuilt.
            former_fts = fulltext.FTS_TABLE.replace("search_", f"{former_label}_", 1)
            if former_fts in connection.introspection.table_names():
                for event in ("insert", "delete", "update"):
                    cursor.execute(f"DROP TRIGGER IF EXISTS {former_fts}_{event}")
                cursor.execute(f"DROP TABLE {former_fts}")
                for statement in fulltext.FTS_SQL:
                    cursor.execute(statement)
            # SQLite cannot rename an index.
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = %s", [former_alert_index]
            )
            if cursor.fetchone():
                index = next(index for index in PlaceAlert._meta.indexes if index.name == ALERT_DUE_INDEX)
                columns = ", ".join(PlaceAlert._meta.get_field(name).column for name in index.fields)
                cursor.execute(f"DROP INDEX {former_alert_index}")
                cursor.execute(f"CREATE INDEX {ALERT_DUE_INDEX} ON {PlaceAlert._meta.db_table} ({columns})")
