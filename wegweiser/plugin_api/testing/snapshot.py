"""The rows of the database kept in memory and written back by raw SQL, so the demo town is built once.

Building the demo town through the ORM takes about a minute on the shared 2-core machine; writing its rows
back takes well under a second. A :class:`Snapshot` holds every table's rows (PostgreSQL: its ``COPY``
text; SQLite: its tuples); :meth:`Snapshot.changed_since` keeps the tables a step changed, and
:meth:`Snapshot.restore` replaces those tables' rows inside the caller's transaction, so a test's
rollback (or the flush after a transactional test) removes them again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.backends.base.base import BaseDatabaseWrapper

# SQLite keeps an FTS5 table's index in shadow tables; they follow the virtual table itself.
FTS5_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")


@dataclass(frozen=True)
class Table:
    """One table's copyable columns and rows: ``COPY`` text on PostgreSQL, a list of tuples on SQLite."""

    name: str
    columns: tuple[str, ...]
    rows: bytes | list[tuple]

    @property
    def row_count(self) -> int:
        if isinstance(self.rows, bytes):
            return self.rows.count(b"\n")
        return len(self.rows)

    def same_rows(self, other: Table) -> bool:
        if isinstance(self.rows, bytes):  # one line per row: COPY escapes line breaks inside values
            return sorted(self.rows.split(b"\n")) == sorted(other.rows.split(b"\n"))
        return Counter(self.rows) == Counter(other.rows)


class Snapshot:
    """The rows of some tables, read from and written back to one database connection."""

    def __init__(self, tables: dict[str, Table]):
        self.tables = tables

    @classmethod
    def read(cls, connection: BaseDatabaseWrapper) -> Snapshot:
        """Every table's rows as this connection sees them (inside its current transaction)."""
        columns = _copyable_columns(connection)
        with connection.cursor() as cursor:
            tables = {name: _read_table(connection, cursor, name, cols) for name, cols in columns.items()}
        return cls(tables)

    def changed_since(self, before: Snapshot) -> Snapshot:
        """The tables whose rows differ from ``before`` (with all their rows now)."""
        return Snapshot(
            {
                name: table
                for name, table in self.tables.items()
                if name not in before.tables or not table.same_rows(before.tables[name])
            }
        )

    def restore(self, connection: BaseDatabaseWrapper) -> None:
        """Replace the rows of this snapshot's tables with the snapshot's, in the current transaction.

        Django creates foreign keys deferrable (checked at commit), so the order of the tables is free.
        """
        with connection.cursor() as cursor:
            for table in self.tables.values():
                quoted = connection.ops.quote_name(table.name)
                cursor.execute(f"DELETE FROM {quoted}")  # noqa: S608 - a table name from the catalogue
                _write_table(connection, cursor, table)
            if connection.vendor == "postgresql":
                # Statistics of the rows just written, as a running town's autovacuum keeps them. Without
                # them PostgreSQL plans with what the last vacuum saw, often an empty table after the
                # previous test's rollback: it then believes a table of thousands of rows has one and
                # nests loops over it (a demo town's search ran for minutes). ANALYZE inside the
                # transaction sees its rows; its statistics are rolled back with them. Tables of a few rows
                # cannot mislead it that far, and are left out (each ANALYZE costs a few milliseconds).
                large = [
                    connection.ops.quote_name(table.name)
                    for table in self.tables.values()
                    if table.row_count >= 100
                ]
                if large:
                    cursor.execute(f"ANALYZE {', '.join(large)}")

    def advance_sequences(self, connection: BaseDatabaseWrapper) -> None:
        """Move each table's id sequence past its rows, once they are written back (PostgreSQL).

        Rows another database made (a parallel test process built the demo town) were never counted by
        this database's sequences, and sequences ignore rollbacks: moved once, they stay moved. Never moved
        back: this database's own tests may already have taken higher ids, which other written-back rows
        keep (the portal's, built after them); moved back, a new row would be given one of those ids.
        """
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            for table in self.tables.values():
                if "id" not in table.columns:
                    continue
                cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table.name])
                sequence = cursor.fetchone()[0]
                if sequence:
                    quoted = connection.ops.quote_name(table.name)
                    cursor.execute(
                        f"SELECT setval(%s, GREATEST((SELECT MAX(id) FROM {quoted}), "  # noqa: S608
                        f"(SELECT last_value FROM {sequence}), 1))",
                        [sequence],
                    )


def _copyable_columns(connection: BaseDatabaseWrapper) -> dict[str, tuple[str, ...]]:
    """Each table's columns that take a value on insert (no generated columns, SQLite's rowid for FTS5)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT c.table_name, c.column_name FROM information_schema.columns c "
                "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
                "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
                "AND c.is_generated = 'NEVER' ORDER BY c.table_name, c.ordinal_position"
            )
            columns: dict[str, list[str]] = {}
            for table, column in cursor.fetchall():
                columns.setdefault(table, []).append(column)
            return {table: tuple(cols) for table, cols in columns.items()}
        if connection.vendor != "sqlite":
            raise NotImplementedError(f"no snapshot for {connection.vendor}")
        cursor.execute("PRAGMA table_list")
        listed = [(name, kind) for schema, name, kind, *_rest in cursor.fetchall() if schema == "main"]
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        sql = dict(cursor.fetchall())
        virtual = {name for name, kind in listed if kind == "virtual"}
        shadow = {name + suffix for name in virtual for suffix in FTS5_SHADOW_SUFFIXES}
        result = {}
        for name, kind in listed:
            if name.startswith("sqlite_") or kind not in ("table", "virtual") or name in shadow:
                continue
            if kind == "virtual" and "content=" in sql.get(name, "").replace(" ", ""):
                continue  # an external-content index: its triggers rebuild it from the table's rows
            cursor.execute(f'PRAGMA table_xinfo("{name}")')
            cols = tuple(row[1] for row in cursor.fetchall() if row[6] == 0)
            result[name] = ("rowid", *cols) if kind == "virtual" else cols
        return result


def _column_list(connection: BaseDatabaseWrapper, columns: tuple[str, ...]) -> str:
    return ", ".join(connection.ops.quote_name(column) for column in columns)


def _read_table(connection, cursor, name: str, columns: tuple[str, ...]) -> Table:
    quoted = connection.ops.quote_name(name)
    column_list = _column_list(connection, columns)
    if connection.vendor == "postgresql":
        data = bytearray()
        with cursor.cursor.copy(f"COPY (SELECT {column_list} FROM {quoted}) TO STDOUT") as copy:  # noqa: S608
            for block in copy:
                data += block
        return Table(name, columns, bytes(data))
    cursor.execute(f"SELECT {column_list} FROM {quoted}")  # noqa: S608
    return Table(name, columns, [tuple(row) for row in cursor.fetchall()])


def _write_table(connection, cursor, table: Table) -> None:
    if not table.rows:
        return
    quoted = connection.ops.quote_name(table.name)
    column_list = _column_list(connection, table.columns)
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {quoted} ({column_list}) FROM STDIN") as copy:
            copy.write(table.rows)
        return
    placeholders = ", ".join(["%s"] * len(table.columns))
    cursor.executemany(f"INSERT INTO {quoted} ({column_list}) VALUES ({placeholders})", table.rows)  # noqa: S608
