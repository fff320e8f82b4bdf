"""The test database of each test process: with parallel processes (``pytest -n``) on PostgreSQL, cloned
from one template database that the first process migrates.

It stands in for pytest-django's own ``django_db_setup``, which a pytest plugin cannot replace (pytest-django
registers its fixture after this plugin), so a suite imports it in its top-level ``conftest.py``, as
Wegweiser's own does: ``from wegweiser.plugin_api.testing.databases import django_db_setup``.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from pytest_django.fixtures import _get_databases_for_setup


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_keepdb,
    django_db_modify_db_settings,
    tmp_path_factory,
):
    """pytest-django's set-up of the test database, except that parallel test processes (pytest-xdist) on
    PostgreSQL migrate one template database once and each clones it in a second or two, instead of each
    migrating its own at the same time (half a minute to more than a minute each on two cores)."""
    from django.test.utils import setup_databases, teardown_databases

    aliases, serialized = _get_databases_for_setup(request.session.items)
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    verbosity = request.config.option.verbose
    cloned = (
        bool(worker) and connection.vendor == "postgresql" and aliases == {"default"} and not django_db_keepdb
    )
    with django_db_blocker.unblock():
        if cloned:
            run = tmp_path_factory.getbasetemp().parent  # shared by the run's test processes
            former_name = _clone_the_template_database(run, worker, "default" in serialized, verbosity)
        else:
            databases = setup_databases(
                verbosity=verbosity, interactive=False, aliases=aliases, serialized_aliases=serialized
            )
    yield
    with django_db_blocker.unblock():
        if cloned:
            _drop_own_database(former_name)
        else:
            teardown_databases(databases, verbosity=verbosity)


def _clone_the_template_database(run: Path, worker: str, serialize: bool, verbosity: int) -> str:
    """This test process's database (``test_wegweiser_gw1``), cloned from the run's template database
    (``test_wegweiser``), which the first process to get here migrates. Returns the database's former name.

    The template stays after the run (a dozen megabytes); the next run's first process migrates it anew."""
    creation = connection.creation
    former_name = connection.settings_dict["NAME"]
    own_name = connection.settings_dict["TEST"]["NAME"]  # pytest-django's, with the process's suffix
    template = own_name.removesuffix(f"_{worker}")
    marker = run / f"template-database-{template}"
    with open(f"{marker}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one clones at a time: a template must have no other connection
        connection.settings_dict["TEST"]["NAME"] = template
        if marker.exists():
            settings.DATABASES["default"]["NAME"] = connection.settings_dict["NAME"] = template
        else:
            creation.create_test_db(verbosity=verbosity, autoclobber=True, serialize=False)
            marker.touch()
        creation.clone_test_db(suffix=worker, verbosity=verbosity, autoclobber=True)
    connection.settings_dict["TEST"]["NAME"] = own_name
    settings.DATABASES["default"]["NAME"] = connection.settings_dict["NAME"] = own_name
    connection.close()
    if serialize:
        connection._test_serialized_contents = creation.serialize_db_to_string()
    return former_name


def _drop_own_database(former_name: str) -> None:
    """Drop this process's clone, whatever still holds a connection to it (a live server's thread, an app
    server of the region test): ``DROP DATABASE`` without ``FORCE`` failed on those, as pytest-django's own
    teardown does (which only warns)."""
    own_name = connection.settings_dict["NAME"]
    connection.close()
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(own_name)} WITH (FORCE)")
    settings.DATABASES["default"]["NAME"] = connection.settings_dict["NAME"] = former_name


def alone_on_the_database() -> None:
    """Ends every other connection to this test process's database (PostgreSQL): a request of a live server or an
    app server still running when its test ended holds its locks, and a migration renaming a table, or the flush
    after a browser test, then waited for it while it waited for them (deadlocked, in CI). An upgrade migrates
    with the portal stopped; a test's browser is closed before its database is emptied."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                # The portal's own connections: not an autovacuum worker (PostgreSQL's, not to be ended by us).
                "AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND usename = current_user"
            )
