"""An installation from before the search app's label was "search" (it was "finder") upgrades with `migrate`
and keeps its search log, place alerts, permissions, job runs and mails, and its full text index works."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection

from wegweiser.plugin_api.testing.databases import alone_on_the_database
from wegweiser.search import fulltext
from wegweiser.search.models import PlaceAlert, SearchQueryLog, SearchText
from wegweiser.site.models import OutgoingMail, ScheduledJobRun

pytestmark = pytest.mark.django_db

#: The SQLite full text index as migration 0003 made it while the label was "finder".
FINDER_FTS_SQL = [
    "CREATE VIRTUAL TABLE finder_searchtext_fts USING fts5("
    "text, content='finder_searchtext', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER finder_searchtext_fts_insert AFTER INSERT ON finder_searchtext BEGIN "
    "INSERT INTO finder_searchtext_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER finder_searchtext_fts_delete AFTER DELETE ON finder_searchtext BEGIN "
    "INSERT INTO finder_searchtext_fts(finder_searchtext_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "END",
    "CREATE TRIGGER finder_searchtext_fts_update AFTER UPDATE ON finder_searchtext BEGIN "
    "INSERT INTO finder_searchtext_fts(finder_searchtext_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO finder_searchtext_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO finder_searchtext_fts(finder_searchtext_fts) VALUES ('rebuild')",
]


def back_to_the_finder_label() -> None:
    """The database as the last release under the label "finder" left it (inside the test's transaction)."""
    alone_on_the_database()
    app_tables = {
        model._meta.db_table
        for model in apps.get_app_config("search").get_models(include_auto_created=True)
        if not model._meta.proxy
    }
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER INDEX {fulltext.VECTOR_INDEX} RENAME TO finder_searchtext_vector_gin")
            cursor.execute("ALTER INDEX search_alert_due_idx RENAME TO finder_alert_due_idx")
        else:
            for event in ("insert", "delete", "update"):
                cursor.execute(f"DROP TRIGGER {fulltext.FTS_TABLE}_{event}")
            cursor.execute(f"DROP TABLE {fulltext.FTS_TABLE}")
            cursor.execute("DROP INDEX search_alert_due_idx")
        for table in sorted(app_tables & existing):
            cursor.execute(f"ALTER TABLE {table} RENAME TO finder{table.removeprefix('search')}")
        if connection.vendor == "sqlite":
            cursor.execute("CREATE INDEX finder_alert_due_idx ON finder_placealert (status, last_sent_at)")
            for statement in FINDER_FTS_SQL:
                cursor.execute(statement)
        cursor.execute("UPDATE django_migrations SET app = 'finder' WHERE app = 'search'")
        cursor.execute("UPDATE django_content_type SET app_label = 'finder' WHERE app_label = 'search'")
    ContentType.objects.clear_cache()
    ScheduledJobRun.objects.filter(name="search.send_place_alerts").update(name="finder.send_place_alerts")
    OutgoingMail.objects.filter(purpose="search.alert").update(purpose="finder.alert")


@pytest.fixture
def rows(home, django_user_model):
    reports = Group.objects.create(name="Berichte")
    reports.permissions.add(
        Permission.objects.get(content_type__app_label="search", codename="view_searchquerylog")
    )
    reader = django_user_model.objects.create_user("berichte", password="x")
    reader.groups.add(reports)
    return {
        "log": SearchQueryLog.objects.create(
            query_text="Deutschkurs", locale="de", result_count=0, backend="database", took_ms=3
        ).pk,
        "alert": PlaceAlert.objects.create(email="amira@example.org", language="ar", criteria_key="k1").pk,
        "text": SearchText.objects.create(page=home, text="Deutschkurs mit Kinderbetreuung").pk,
        "job": ScheduledJobRun.objects.create(name="search.send_place_alerts", last_summary="3 Mails").pk,
        "mail": OutgoingMail.objects.create(
            purpose="search.alert", to="amira@example.org", subject="s", body="b"
        ).pk,
        "reader": reader.pk,
    }


def test_migrate_moves_a_finder_installation_to_the_search_label_with_all_its_rows(rows, django_user_model):
    back_to_the_finder_label()
    with pytest.raises(CommandError, match="finder → search"):
        call_command("migrate", check_unapplied=True, verbosity=0)

    call_command("migrate", verbosity=0)

    assert SearchQueryLog.objects.get(pk=rows["log"]).query_text == "Deutschkurs"
    assert PlaceAlert.objects.get(pk=rows["alert"]).email == "amira@example.org"
    assert django_user_model.objects.get(pk=rows["reader"]).has_perm("search.view_searchquerylog")
    assert ScheduledJobRun.objects.get(pk=rows["job"]).name == "search.send_place_alerts"
    assert OutgoingMail.objects.get(pk=rows["mail"]).purpose == "search.alert"
    assert set(fulltext.matching_rows([["Kinderbetreuung"]]).values_list("pk", flat=True)) == {rows["text"]}
    assert not [table for table in connection.introspection.table_names() if table.startswith("finder_")]
    assert not ContentType.objects.filter(app_label="finder").exists()
    with connection.cursor() as cursor:
        assert "search_alert_due_idx" in connection.introspection.get_constraints(cursor, "search_placealert")
        if connection.vendor == "postgresql":
            assert fulltext.VECTOR_INDEX in connection.introspection.get_constraints(
                cursor, "search_searchtext"
            )
    call_command("migrate", check_unapplied=True, verbosity=0)  # nothing left to apply: no SystemExit


def test_migrate_on_a_database_with_the_search_label_changes_nothing(rows):
    call_command("migrate", verbosity=0)
    call_command("migrate", check_unapplied=True, verbosity=0)

    assert SearchQueryLog.objects.filter(pk=rows["log"]).exists()
    assert ScheduledJobRun.objects.get(pk=rows["job"]).name == "search.send_place_alerts"
