"""An app's former label, switched to its current one before ``migrate`` so an upgrade keeps every row.

Django keys what an installation stores on the app label: the tables (``<label>_<model>``), the
migration history, the content types and with them the permissions of groups. An app that changes its
label declares the old one on its ``AppConfig`` (``former_labels = ("finder",)``), and the ``migrate``
command (:mod:`wegweiser.site.management.commands.migrate`) calls :func:`switch_former_labels` first:
Django checks the history's consistency before any migration or ``pre_migrate`` receiver runs, so the
switch cannot be a migration. In one transaction it renames the app's model tables, moves its rows in
``django_migrations`` and ``django_content_type`` to the new label, rewrites the names the portal
stores with the label in front (scheduled job runs, outbox mail purposes), and sends
:data:`label_switched` so the app renames what it created by hand (raw SQL tables, named indexes).
It only acts while the history still names the former label, so running it again does nothing.
"""

from __future__ import annotations

from django.apps import AppConfig, apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.dispatch import Signal

from wegweiser.site.models import OutgoingMail, ScheduledJobRun

#: Sent inside the switch's transaction with ``app_config``, ``former_label`` and ``connection``.
label_switched = Signal()


class LabelSwitchConflict(Exception):
    """Both the former and the current table exist: the switch stops before anything is changed."""


def pending_switches(connection: BaseDatabaseWrapper) -> list[tuple[str, AppConfig]]:
    """(former label, app) for every app whose former label the migration history still names."""
    declared = {
        former: app_config
        for app_config in apps.get_app_configs()
        for former in getattr(app_config, "former_labels", ())
    }
    recorder = MigrationRecorder(connection)
    if not declared or not recorder.has_table():
        return []
    stored = set(recorder.migration_qs.filter(app__in=declared).values_list("app", flat=True))
    return [(former, app_config) for former, app_config in declared.items() if former in stored]


def switch_former_labels(connection: BaseDatabaseWrapper) -> list[tuple[str, AppConfig]]:
    """Switch every pending former label to its app's label; returns what was switched."""
    pending = pending_switches(connection)
    if pending:
        with transaction.atomic(using=connection.alias):
            for former, app_config in pending:
                _switch(connection, former, app_config)
        ContentType.objects.clear_cache()
    return pending


def _switch(connection: BaseDatabaseWrapper, former: str, app_config: AppConfig) -> None:
    label = app_config.label
    tables = set(connection.introspection.table_names())
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in _model_tables(app_config):
            former_table = former + table[len(label) :]
            if former_table not in tables:
                continue
            if table in tables:
                raise LabelSwitchConflict(
                    f"Both {former_table} and {table} exist; move the rows by hand, then run migrate again."
                )
            cursor.execute(f"ALTER TABLE {quote(former_table)} RENAME TO {quote(table)}")
    alias = connection.alias
    MigrationRecorder(connection).migration_qs.filter(app=former).update(app=label)
    if ContentType._meta.db_table in tables:
        ContentType.objects.using(alias).filter(app_label=former).update(app_label=label)
    for model, field in ((ScheduledJobRun, "name"), (OutgoingMail, "purpose")):
        if model._meta.db_table in tables:
            model.objects.using(alias).filter(**{f"{field}__startswith": f"{former}."}).update(
                **{field: Concat(Value(f"{label}."), Substr(field, len(former) + 2))}
            )
    label_switched.send(
        sender=type(app_config), app_config=app_config, former_label=former, connection=connection
    )


def _model_tables(app_config: AppConfig) -> list[str]:
    """The tables of the app's models (many-to-many tables too) that carry the label in front."""
    return sorted(
        {
            model._meta.db_table
            for model in app_config.get_models(include_auto_created=True)
            if model._meta.managed
            and not model._meta.proxy
            and model._meta.db_table.startswith(f"{app_config.label}_")
        }
    )
