"""Test fixtures for Wegweiser and its plugins, as a pytest plugin.

Wegweiser's own suite loads it from ``pyproject.toml`` (``addopts = "-p wegweiser.plugin_api.testing"``); a
plugin's suite does the same, or names it in its top-level ``conftest.py``:
``pytest_plugins = ["wegweiser.plugin_api.testing"]``.

What a test gets:

* ``home``: the portal's German home page (site, locales, the office's group and the review workflow),
  built once per session and written back for each test in a fraction of a second; ``english``: the
  English locale.
* ``organisation_index``, ``organisation_a``, ``organisation_b``: two partner organisations with their
  editor groups; ``editor_a``, ``editor_b``, ``office_user``, ``admin_user``; :func:`make_organisation`
  and :func:`make_user` for more.
* ``demo_context``: what the demo loader hands a listing type's ``demo_content``, with the demo town's
  terms and partner organisations but no listings.
* ``smtp_server``: a real SMTP server on loopback; every mail goes the production way through the outbox,
  and :func:`body_of` / :func:`link_path` read what a person would get.
* :func:`built_once`: a module-scoped world built once and rolled back after the module;
  :func:`module_world` builds a test package's world once for each module marked ``built_once(*parts)``.
* Each test starts with an empty cache and in the portal's default language (German).

Nothing here imports Django models at import time: pytest loads this plugin before Django is set up.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection, transaction
from django.test import TestCase
from django.utils import translation
from pytest_django.fixtures import _get_databases_for_setup
from pytest_django.plugin import blocking_manager_key

from .mail import body_of, free_port, link_path, smtp_server
from .snapshot import Snapshot

__all__ = [
    "Snapshot",
    "body_of",
    "built_once",
    "forget_cached_rows",
    "free_port",
    "link_path",
    "make_organisation",
    "make_organisation_index",
    "make_portal",
    "make_user",
    "module_world",
    "smtp_server",
]

PASSWORD = "correct horse battery"


@dataclass(frozen=True)
class PortalRows:
    """The rows of a fresh portal (home page, site, office group, workflow, locales) and its home's key."""

    changed: Snapshot
    home_pk: int


@pytest.fixture(scope="session")
def portal_rows(django_db_setup, django_db_blocker) -> PortalRows:
    """A fresh portal built once per session through the ORM (half a second), then only written back."""
    # after Django's set-up: this pytest plugin is loaded before the apps are ready
    from wegweiser.site.setup import ensure_portal

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
    # after Django's set-up: this pytest plugin is loaded before the apps are ready
    from wegweiser.site.models import HomePage
    from wegweiser.site.setup import ensure_portal

    if "demo_town" in request.fixturenames or HomePage.objects.exists():
        return ensure_portal(home_title="Willkommen in Teststadt")
    rows = request.getfixturevalue("portal_rows")
    with transaction.atomic():  # foreign keys are checked at its end, in a transactional test too
        rows.changed.restore(connection)
    forget_cached_rows()
    return HomePage.objects.get(pk=rows.home_pk)


@pytest.fixture
def english(home):
    """After the portal: writing back a fresh portal replaces the locales' rows."""
    # after Django's set-up: this pytest plugin is loaded before the apps are ready
    from wagtail.models import Locale

    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def organisation_index(home):
    return make_organisation_index(home)


def make_portal(home_title: str = "Willkommen in Teststadt"):
    """The portal's German home page built (or looked up) through the ORM: site, locales, the office's group
    and the review workflow. For a module's world built with :func:`built_once`; a test takes ``home``."""
    # after Django's set-up: this pytest plugin is loaded before the apps are ready
    from wegweiser.site.setup import ensure_portal

    return ensure_portal(home_title=home_title)


def make_organisation_index(home):
    """The partners' index below ``home`` (the one already there, if a written-back town brought it)."""
    # after Django's set-up: this pytest plugin is loaded before the apps are ready
    from wegweiser.site.models import OrganisationIndexPage

    index = OrganisationIndexPage.objects.child_of(home).filter(slug="partner").first()
    if index is None:
        index = home.add_child(instance=OrganisationIndexPage(title="Partner", slug="partner"))
        index.save_revision().publish()
    return index


def make_organisation(index, title: str, slug: str, **fields):
    """A published partner organisation below ``index``; its editors' group comes with it."""
    # after Django's set-up: this pytest plugin is loaded before the apps are ready
    from wegweiser.site.models import OrganisationPage

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


def make_user(username: str, *groups, **extra):
    """A user ``username`` (mail ``username@example.org``, password :data:`PASSWORD`) in ``groups``."""
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **extra
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
    # after Django's set-up: this pytest plugin is loaded before the apps are ready
    from django.contrib.auth.models import Group

    from wegweiser.site.models.pages import office_group_name

    return make_user("office", Group.objects.get(name=office_group_name()))


@pytest.fixture
def demo_context(home, english):
    """The :class:`~wegweiser.plugin_api.DemoContext` the demo loader hands a listing type's ``demo_content``:
    the demo town's terms and partner organisations (German and English, made by the loader's own code),
    no listings, so that a plugin's test sees what its demo content adds."""
    # after Django's set-up: this pytest plugin is loaded before the apps are ready
    from django.utils import timezone

    from wegweiser.site.demo import DemoContext, load_organisations, load_taxonomies

    load_taxonomies(home.locale, english)
    context = DemoContext(
        home=home, organisations={}, locale=home.locale, english=english, today=timezone.localdate()
    )
    context.translate(home)
    index = make_organisation_index(home)
    context.translate(index, title="Partners")
    load_organisations(context, index)
    return context


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)


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


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "built_once(*parts): the module's tests share one world built once (see module_world)"
    )


def module_world(request, build):
    """For a test package's autouse module-scoped fixture: ``build(*parts)`` through :func:`built_once` when
    the module is marked ``@pytest.mark.built_once(*parts)``, else ``None`` and nothing is built.

    The package's fixtures then read a marked module's rows again for each test and build their own in the
    other modules, so one set of fixtures serves both.
    """
    marker = request.node.get_closest_marker("built_once")
    if marker is None:
        yield None
        return
    request.getfixturevalue("django_db_setup")
    with built_once(request.getfixturevalue("django_db_blocker"), lambda: build(*marker.args)) as ids:
        yield ids


def forget_cached_rows() -> None:
    """Caches that hold rows (content types, site root paths, labels) after rows were written back."""
    # after Django's set-up: this pytest plugin is loaded before the apps are ready
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    cache.clear()


#: The rows the migrations left (content types, permissions, Wagtail's root page, locales), read once.
_PRISTINE: list[Snapshot] = []
_FLUSHES_KEY = pytest.StashKey[bool]()


@pytest.fixture(scope="session", autouse=True)
def pristine_rows(request, django_db_setup, django_db_blocker) -> Snapshot | None:
    """The database as the migrations left it, before any test; written back after each flush.

    ``post_migrate`` is sent once more first, as a flush sends it: with every model loaded, not only those
    with migrations, so the test-only listing types' content types and permissions are part of it.

    Nothing when no collected test uses the database: ``django_db_setup`` then creates no test database,
    and the connection would reach the configured one (an empty in-memory SQLite, or the real PostgreSQL).
    """
    needed, _serialized = _get_databases_for_setup(request.session.items)  # django_db_setup's own answer
    if connection.alias not in needed:
        return None
    with django_db_blocker.unblock():
        emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
        _PRISTINE.append(Snapshot.read(connection))
    return _PRISTINE[0]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    yield
    funcargs = getattr(item, "funcargs", {})
    marker = item.get_closest_marker("django_db")
    marked = marker is not None and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    item.stash[_FLUSHES_KEY] = bool(marked) or "transactional_db" in funcargs or "live_server" in funcargs


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test's flush, the rows of a freshly migrated database again, with the ids
    they had: the flush empties every table and re-creates content types and permissions under new ids,
    which the session's written-back snapshots (portal, demo town, search town) do not know. So any test
    may follow a live-server test, in whatever order a test process gets them."""
    yield
    if nextitem is None or not (_PRISTINE and item.stash.get(_FLUSHES_KEY, False)):
        return  # without a next test, the test database is already gone
    with item.config.stash[blocking_manager_key].unblock(), transaction.atomic():
        _PRISTINE[0].restore(connection)
    forget_cached_rows()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: an entry built from a rolled-back test's rows (navigation,
    labels, locales, content types) is never served to the next test, whose cache generations may have the
    same values; a content type a test created in its savepoint is gone after its rollback."""
    forget_cached_rows()


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
