"""The plugin API's written-back rows (``wegweiser.plugin_api.testing.Snapshot``), which every test suite of a
plugin stands on: rows written back never collide with the rows a test then creates."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.db import connection

from wegweiser.plugin_api.testing import Snapshot

pytestmark = pytest.mark.django_db


def test_ids_already_given_are_never_given_again_after_rows_are_written_back():
    """As when a test process loads the demo town after its own tests took ids that the portal's written-back
    rows keep: the demo town's highest id is lower than those. (On PostgreSQL the id comes from a sequence that
    ``advance_sequences`` moves; on SQLite from the table's highest row, which the written-back rows raise.)"""
    taken = Group.objects.create(name="Sprachkursträger").pk
    kept = Snapshot({"auth_group": Snapshot.read(connection).tables["auth_group"]})  # keeps taken's id
    Group.objects.filter(pk=taken).delete()
    kept.advance_sequences(connection)  # the table's highest id is now below taken's
    kept.restore(connection)
    new = Group.objects.create(name="Migrantenorganisationen")
    assert new.pk > taken
