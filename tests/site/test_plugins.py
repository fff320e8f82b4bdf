"""The plugin API: discovery through entry points, exclusion, the compatibility check, the registry."""

from __future__ import annotations

import subprocess
import sys

import pytest
from django.apps import apps
from wagtail import hooks

import wegweiser
from wegweiser.site.checks import check_plugin_compatibility
from wegweiser.site.plugins import PluginConfig, PluginMeta, discover_plugin_apps, installed_plugins
from wegweiser.site.registry import ListingType, listing_types


def test_built_in_plugins_are_discovered_through_the_entry_point_group():
    discovered = discover_plugin_apps()
    for app in ("wegweiser.offers.apps.OffersConfig", "wegweiser.events.apps.EventsConfig"):
        assert app in discovered
    installed = {config.name for config in installed_plugins()}
    assert {"wegweiser.offers", "wegweiser.events", "wegweiser.volunteers"} <= installed


def test_plugins_come_after_the_core_in_installed_apps():
    from django.conf import settings

    core_index = settings.INSTALLED_APPS.index("wegweiser.site")
    for app in discover_plugin_apps():
        assert settings.INSTALLED_APPS.index(app) > core_index


def test_a_plugin_can_be_excluded_by_name_or_module():
    remaining = discover_plugin_apps(exclude=["events", "wegweiser.volunteers"])
    assert not any(app.startswith(("wegweiser.events", "wegweiser.volunteers")) for app in remaining)
    assert "wegweiser.offers.apps.OffersConfig" in remaining


def test_excluding_a_plugin_by_environment_removes_it_from_the_running_portal():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='wegweiser.site.settings.test'; django.setup();"
        "from django.apps import apps; print(apps.is_installed('wegweiser.events'), apps.is_installed('wegweiser.offers'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "WEGWEISER_PLUGINS_EXCLUDE": "events"},
        check=True,
    )
    assert result.stdout.split() == ["False", "True"]


def _fake_plugin(compatibility: str) -> PluginConfig:
    module = sys.modules["wegweiser.site"]
    config = PluginConfig("wegweiser.site", module)
    config.plugin_meta = PluginMeta(name="Old plugin", version="0.0.1", compatibility=compatibility)
    return config


def test_system_check_reports_a_plugin_made_for_another_core_version(monkeypatch):
    monkeypatch.setattr("wegweiser.site.checks.installed_plugins", lambda: [_fake_plugin(">=2.0")])
    errors = check_plugin_compatibility()
    assert [error.id for error in errors] == ["wegweiser.E003"]
    assert wegweiser.__version__ in errors[0].msg


def test_system_check_reports_an_invalid_compatibility_specifier(monkeypatch):
    monkeypatch.setattr("wegweiser.site.checks.installed_plugins", lambda: [_fake_plugin("version two")])
    assert [error.id for error in check_plugin_compatibility()] == ["wegweiser.E002"]


def test_installed_plugins_pass_the_system_check():
    assert check_plugin_compatibility() == []


def test_every_plugin_app_declares_its_meta():
    for config in apps.get_app_configs():
        if isinstance(config, PluginConfig):
            assert isinstance(config.plugin_meta, PluginMeta), config.name


def test_registry_fills_from_the_hook_and_follows_temporary_registrations():
    from wegweiser.site.models import StandardPage

    before = set(listing_types())
    extra = ListingType(key="test-extra", model=StandardPage, label="Extra")
    with hooks.register_temporarily("register_listing_type", lambda: extra):
        assert listing_types()["test-extra"] is extra
    assert set(listing_types()) == before


def test_listing_types_stand_in_the_order_of_their_position_then_of_registration():
    """A newcomer's menu and the search's type filter begin with the offers (courses, counselling), not with
    whichever plugin's name comes first in the alphabet (events, then the housing example)."""
    from wegweiser.site.models import StandardPage

    assert list(listing_types())[:3] == ["offer", "event", "volunteer"]
    first = ListingType(key="test-first", model=StandardPage, position=1)
    late = ListingType(key="test-late", model=StandardPage)
    later = ListingType(key="test-later", model=StandardPage)
    with hooks.register_temporarily("register_listing_type", lambda: [late, first, later]):
        keys = list(listing_types())
    assert keys[0] == "test-first"
    assert keys.index("volunteer") < keys.index("test-late") < keys.index("test-later")


def test_registering_the_same_key_twice_is_an_error():
    from wegweiser.site.models import StandardPage

    first = ListingType(key="twice", model=StandardPage)
    with (
        hooks.register_temporarily("register_listing_type", lambda: first),
        hooks.register_temporarily("register_listing_type", lambda: first),
        pytest.raises(ValueError, match="twice"),
    ):
        listing_types()
