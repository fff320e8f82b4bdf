"""For every test suite of this checkout (``tests/`` and the housing example's): parallel test processes clone
one migrated template database instead of each migrating its own."""

from wegweiser.plugin_api.testing.databases import django_db_setup  # noqa: F401 - pytest-django's, replaced
