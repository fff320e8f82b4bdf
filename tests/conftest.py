"""Shared fixtures: a portal with a home page, the office, and two partner organisations."""

from __future__ import annotations

import fcntl
import os
import pickle
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models.signals import post_migrate
from django.test import TestCase
from django.utils import translation
from wagtail.models import Locale

from tests.mail import smtp_server  # noqa: F401 - the real SMTP server fixture, for every test
from tests.snapshot import Snapshot
from wegweiser.site.models import OrganisationIndexPage, OrganisationPage
from wegweiser.site.models.pages import office_group_name
from wegweiser.site.setup import ensure_portal


@dataclass(frozen=True)
class PortalRows:
    """The rows of a fresh portal (home page, site, office group, workflow, locales) and its home's key."""

    changed: Snapshot
    home_pk: int


@pytest.fixture(scope="session")
def portal_rows(django_db_setup, django_db_blocker) -> PortalRows:
    """A fresh portal built once per session through the ORM (half a second), then only written back."""
    with django_db_blocker.unblock(), transaction.atomic():
        before = Snapshot.read(connection)
        with TestCase.captureOnCommitCallbacks(execute=True):
            home = ensure_portal(home_title="Willkommen in Teststadt")
        changed = Snapshot.read(connection).changed_since(before)
        transaction.set_rollback(True)
    forget_cached_rows()
    return PortalRows(changed=changed, home_pk=home.pk)


@pytest.fixture
def home(request, db):
    """The portal's German home page, written back from the session's copy of a fresh portal.

    With the demo town (which has its own portal) or a database some other fixture filled first, the
    portal is looked up or completed through the ORM instead.
    """
    from wegweiser.site.models import HomePage

    if "demo_town" in request.fixturenames or HomePage.objects.exists():
        return ensure_portal(home_title="Willkommen in Teststadt")
    rows = request.getfixturevalue("portal_rows")
    rows.changed.restore(connection)
    forget_cached_rows()
    return HomePage.objects.get(pk=rows.home_pk)


@pytest.fixture
def english(home):
    """After the portal: writing back a fresh portal replaces the locales' rows."""
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def organisation_index(home):
    return make_organisation_index(home)


def make_organisation_index(home) -> OrganisationIndexPage:
    """The partners' index below ``home`` (the one already there, if a written-back town brought it)."""
    index = OrganisationIndexPage.objects.child_of(home).filter(slug="partner").first()
    if index is None:
        index = home.add_child(instance=OrganisationIndexPage(title="Partner", slug="partner"))
        index.save_revision().publish()
    return index


def make_organisation(index, title: str, slug: str, **fields) -> OrganisationPage:
    organisation = index.add_child(instance=OrganisationPage(title=title, slug=slug, **fields))
    organisation.save_revision().publish()
    organisation.refresh_from_db()
    return organisation


@pytest.fixture
def organisation_a(organisation_index):
    return make_organisation(organisation_index, "Verein A", "verein-a")


@pytest.fixture
def organisation_b(organisation_index):
    return make_organisation(organisation_index, "Verein B", "verein-b")


def make_user(username: str, *groups: Group, **extra):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="correct horse battery", **extra
    )
    user.groups.add(*groups)
    return user


@pytest.fixture
def editor_a(organisation_a):
    return make_user("editor-a", organisation_a.editors_group)


@pytest.fixture
def editor_b(organisation_b):
    return make_user("editor-b", organisation_b.editors_group)


@pytest.fixture
def office_user(home):
    return make_user("office", Group.objects.get(name=office_group_name()))


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.org", "correct horse battery")


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


@contextmanager
def built_once(django_db_blocker, build):
    """For a module-scoped fixture: ``build()``'s rows in a transaction rolled back at the module's end,
    so that each test (with ``db``) runs in a savepoint on top of them and changes nothing for the next."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            forget_cached_rows()


def forget_cached_rows() -> None:
    """Caches that hold rows (content types, site root paths, labels) after rows were written back."""
    ContentType.objects.clear_cache()
    cache.clear()


@pytest.fixture
def demo_town(demo_rows, db):
    """The whole demo town in this test's transaction: the test may change it, the rollback undoes it.

    Written back from the session's copy in a fraction of a second, before the test's other fixtures.
    """
    demo_rows.changed.restore(connection)
    forget_cached_rows()
    yield
    forget_cached_rows()


#: The rows the migrations left (content types, permissions, Wagtail's root page, locales), read once.
_PRISTINE: list[Snapshot] = []


@pytest.fixture(scope="session", autouse=True)
def pristine_rows(django_db_setup, django_db_blocker) -> Snapshot:
    """The database as the migrations left it, before any test; written back after each flush.

    ``post_migrate`` is sent once more first, as a flush sends it: with every model loaded, not only those
    with migrations, so the test-only listing types' content types and permissions are part of it.
    """
    from django.core.management.sql import emit_post_migrate_signal

    with django_db_blocker.unblock():
        emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
        _PRISTINE.append(Snapshot.read(connection))
    return _PRISTINE[0]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    yield
    funcargs = getattr(item, "funcargs", {})
    item.stash[_FLUSHES_KEY] = "transactional_db" in funcargs or "live_server" in funcargs


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test's flush, the rows of a freshly migrated database again, with the ids
    they had: the flush empties every table and re-creates content types and permissions under new ids,
    which the session's written-back snapshots (portal, demo town, search town) do not know. So any test
    may follow a live-server test, in whatever order a test process gets them."""
    yield
    if nextitem is None or not (_PRISTINE and item.stash.get(_FLUSHES_KEY, False)):
        return  # without a next test, the test database is already gone
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock(), transaction.atomic():
        _PRISTINE[0].restore(connection)
    forget_cached_rows()


_FLUSHES_KEY = pytest.StashKey[bool]()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: an entry built from a rolled-back test's rows (navigation,
    labels, locales) is never served to the next test, whose cache generations may have the same values."""
    cache.clear()


@pytest.fixture(autouse=True)
def _mail_through_the_outbox(settings):
    """Every mail takes the production way: Django's test set-up makes ``EMAIL_BACKEND`` its in-memory
    backend, so the outbox is put back; it delivers to ``mail.outbox`` (or to ``smtp_server``)."""
    settings.EMAIL_BACKEND = "wegweiser.site.outbox.OutboxBackend"


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the portal's default language (German).

    A request to ``/en/…`` activates English in the test's thread and Django leaves it active, so without
    this a ``reverse()`` in the next test would build an English URL depending on the order of tests.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


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
