"""The demo town for the tests that need all of it, and the tables of the test-only listing types.

The portal, organisations, users, the SMTP server and the per-test clean-ups come from the pytest plugin
``wegweiser.plugin_api.testing`` (loaded in ``pyproject.toml``), which plugins' test suites use too.
"""

from __future__ import annotations

import fcntl
import os
import pickle
from collections import Counter
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models.signals import post_migrate
from django.test import TestCase

from wegweiser.plugin_api.testing import Snapshot, forget_cached_rows

#: Modules whose few tests take a minute or more each (the crawls of every API answer, the demo town's first
#: build). Started first, so that the test processes (pytest-xdist, whole files each) end together on short
#: files instead of one waiting for the other's long one.
RUN_FIRST = (
    "tests/site/test_language_and_direction.py",
    "tests/api/test_schemathesis.py",
    "tests/api/test_visibility.py",
)
#: About this many tests (a third of a second each) of modules without the demo town go between the first module,
#: which builds the demo town (two minutes), and the other long ones, which wait for it: the other test
#: processes work through them meanwhile instead of waiting.
WHILE_THE_DEMO_TOWN_IS_BUILT = 500
#: Modules that wait for services ``make test`` starts in the background (the region's three Elasticsearch
#: nodes, three minutes on two busy cores): last of the modules that go while the demo town is built, so that
#: their process works through those first instead of waiting from the start.
AFTER_THE_FIRST_MINUTES = ("tests/cluster/test_region.py",)


def pytest_collection_modifyitems(config, items):
    """The long modules first, then the others by their number of tests, most first (what pytest-xdist's
    own reordering does; ``make test`` turns that off with ``--no-loadscope-reorder`` to keep this order).

    Between the first long module and the others, the largest modules that need no demo town, and after them
    the modules that wait for the services started in the background."""
    counts = Counter(item.nodeid.split("::", 1)[0] for item in items)
    needs_demo = {
        item.nodeid.split("::", 1)[0]
        for item in items
        if {"demo_town", "demo_rows"} & set(getattr(item, "fixturenames", ()))
    }
    meanwhile, taken = set(), 0
    for module, count in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])):
        if taken >= WHILE_THE_DEMO_TOWN_IS_BUILT:
            break
        if module not in needs_demo and module not in RUN_FIRST:
            meanwhile.add(module)
            taken += count
    meanwhile.update(module for module in AFTER_THE_FIRST_MINUTES if module in counts)

    def order(item):
        module = item.nodeid.split("::", 1)[0]
        if module in RUN_FIRST:
            first = RUN_FIRST.index(module)
            first = first if first == 0 else first + 1
        else:
            first = 1 if module in meanwhile else len(RUN_FIRST) + 1
        return (first, module in AFTER_THE_FIRST_MINUTES, -counts[module], module)

    items.sort(key=order)  # stable: a module's own tests keep their order


@pytest.fixture(scope="session")
def demo_rows(django_db_setup, django_db_blocker, tmp_path_factory) -> DemoRows:
    """The demo town, built once per run in a transaction that is rolled back; its rows kept in memory.

    Its commit hooks (the finder's text rows) run as if it had been committed. With parallel test
    processes (pytest-xdist), the first one that needs it builds it and leaves its rows in a file; the
    others wait for that file and write its rows into their own database instead of building it again.
    """
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return _build_demo_rows(django_db_blocker)
    shared = tmp_path_factory.getbasetemp().parent / "demo-rows.pickle"
    with open(f"{shared}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not shared.exists():
            rows = _build_demo_rows(django_db_blocker)
            shared.write_bytes(pickle.dumps(rows))
            return rows
    rows = pickle.loads(shared.read_bytes())  # noqa: S301 - written by this test run a moment ago
    with django_db_blocker.unblock(), transaction.atomic():
        rows.changed.restore(connection)
        rows.changed.advance_sequences(connection)
        transaction.set_rollback(True)
    forget_cached_rows()
    return rows


def _build_demo_rows(django_db_blocker) -> DemoRows:
    with django_db_blocker.unblock(), transaction.atomic():
        before = Snapshot.read(connection)
        with TestCase.captureOnCommitCallbacks(execute=True), open(os.devnull, "w") as devnull:
            call_command("load_demo", stdout=devnull)
        complete = Snapshot.read(connection)
        transaction.set_rollback(True)
    forget_cached_rows()
    return DemoRows(changed=complete.changed_since(before), complete=complete)


@dataclass(frozen=True)
class DemoRows:
    """The tables the demo town changed (for a test's transaction) and every table (for a flushed database)."""

    changed: Snapshot
    complete: Snapshot


@pytest.fixture
def demo_town(demo_rows, db):
    """The whole demo town in this test's transaction: the test may change it, the rollback undoes it.

    Written back from the session's copy in a fraction of a second, before the test's other fixtures.
    """
    demo_rows.changed.restore(connection)
    forget_cached_rows()
    yield
    forget_cached_rows()


@pytest.fixture(autouse=True)
def _demo_town_first(request):
    """The demo town replaces whole tables, so it is written before fixtures such as ``home`` add rows."""
    if "demo_town" in request.fixturenames:
        request.getfixturevalue("demo_town")


def create_test_only_tables(using: str = "default", **kwargs) -> None:
    """Tables of the small listing types some test packages define (they have no migrations).

    Created right after the test database is migrated, before Django serialises it and before any test
    runs, so that every test (and every flush of a transactional test) sees them like any other table.
    """
    from django.apps import apps
    from django.db import connections

    connection = connections[using]
    existing = set(connection.introspection.table_names())
    missing = [
        model for model in apps.get_models() if model._meta.db_table not in existing and not model._meta.proxy
    ]
    if missing:
        with connection.schema_editor() as editor:
            for model in missing:
                editor.create_model(model)


post_migrate.connect(create_test_only_tables, dispatch_uid="wegweiser-test-only-tables")
