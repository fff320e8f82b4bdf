"""Shared fixtures: a portal with a home page, the office, and two partner organisations."""

from __future__ import annotations

import os

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_migrate
from wagtail.models import Locale

from tests.mail import smtp_server  # noqa: F401 - the real SMTP server fixture, for every test
from wegweiser.site.models import OrganisationIndexPage, OrganisationPage
from wegweiser.site.models.pages import office_group_name
from wegweiser.site.setup import ensure_portal


@pytest.fixture
def home(db):
    return ensure_portal(home_title="Willkommen in Teststadt")


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def organisation_index(home):
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


@pytest.fixture(scope="module")
def demo_town(django_db_setup, django_db_blocker):
    """The demo town, loaded once per test module inside a transaction that is rolled back after it.

    Tests that use it also take ``db``, so each test runs in a savepoint of its own.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with open(os.devnull, "w") as devnull:
                call_command("load_demo", stdout=devnull)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


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
