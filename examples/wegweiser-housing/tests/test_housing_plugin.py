"""The plugin joins through the documented door: an entry point, a PluginConfig with a PluginMeta checked
against the core's version, a registered listing type, and demo content loaded through the DemoContext."""

from __future__ import annotations

import pytest
import wegweiser_housing
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.utils import translation
from wegweiser_housing.apps import HousingConfig
from wegweiser_housing.models import HousingOfferPage

from wegweiser.plugin_api import (
    PluginConfig,
    PluginMeta,
    check_plugin_compatibility,
    discover_plugin_apps,
    installed_plugins,
    listing_type_for_model,
    listing_types,
)


def test_plugin_is_discovered_through_the_entry_point():
    assert "wegweiser_housing.apps.HousingConfig" in discover_plugin_apps()
    assert any(isinstance(config, HousingConfig) for config in installed_plugins())


@pytest.mark.parametrize("name", ["housing", "wegweiser_housing"])
def test_plugin_can_be_excluded_by_entry_point_or_module_name(name):
    assert "wegweiser_housing.apps.HousingConfig" not in discover_plugin_apps(exclude=[name])


def test_housing_listing_type_is_registered_for_its_page_model():
    listing_type = listing_types()["housing"]
    assert listing_type.model is HousingOfferPage
    assert listing_type_for_model(HousingOfferPage) is listing_type
    facet_names = [facet.name for facet in listing_type.all_facets()]
    assert {"topic", "district", "housing_kind", "rooms", "wbs", "kdu_accepted", "barrier_free"} <= set(
        facet_names
    )


def test_installed_housing_plugin_passes_the_compatibility_check():
    housing_errors = [error for error in check_plugin_compatibility() if "Housing" in error.msg]
    assert housing_errors == []


class OutdatedHousingConfig(HousingConfig):
    """A plugin release made for a future Wegweiser 2.x."""

    plugin_meta = PluginMeta(name="Housing (next)", version="3.0.0", compatibility=">=2.0")


class MisdeclaredHousingConfig(PluginConfig):
    plugin_meta = PluginMeta(name="Housing (broken)", version="0.0.1", compatibility="two or newer")


@pytest.fixture
def extra_plugin(monkeypatch):
    def install(config_class, label):
        config = config_class("wegweiser_housing", wegweiser_housing)
        config.label = label
        config.apps, config.models = apps, {}  # what apps.populate() would give an app without models
        monkeypatch.setitem(apps.app_configs, label, config)
        return config

    return install


def test_system_check_reports_a_plugin_made_for_another_core_version(extra_plugin):
    extra_plugin(OutdatedHousingConfig, "outdated_housing")
    errors = [error for error in check_plugin_compatibility() if error.id == "wegweiser.E003"]
    assert len(errors) == 1
    assert "Housing (next)" in errors[0].msg and ">=2.0" in errors[0].msg
    assert "WEGWEISER_PLUGINS_EXCLUDE" in errors[0].hint
    with pytest.raises(SystemCheckError, match="wegweiser.E003"):
        call_command("check")


def test_system_check_reports_an_unreadable_compatibility_declaration(extra_plugin):
    extra_plugin(MisdeclaredHousingConfig, "misdeclared_housing")
    errors = [error for error in check_plugin_compatibility() if error.id == "wegweiser.E002"]
    assert [error.obj.label for error in errors] == ["misdeclared_housing"]


def test_demo_content_adds_realistic_housing_offers_in_german_and_english(client, demo_context):
    listing_types()["housing"].demo_content(demo_context)
    german = HousingOfferPage.objects.live().filter(locale=demo_context.locale)
    assert german.count() == 6
    assert {offer.kind for offer in german} == {"flat", "shared_flat", "room", "temporary"}
    assert all(offer.organisation_id for offer in german)
    caritas_offer = german.get(slug="wohnraumvermittlung-3-zimmer-nordstadt")
    assert caritas_offer.organisation.slug == "caritas"
    assert caritas_offer.kdu_accepted and caritas_offer.rooms == 3 and caritas_offer.room_band == "3"
    english = caritas_offer.get_translation(demo_context.english)
    assert english.title == "Housing placement: 3-room flat in North Town"
    with translation.override("en"):
        response = client.get(english.url)
    assert response.status_code == 200
    assert "Housing placement" in response.content.decode()


def test_search_document_describes_the_housing_in_the_pages_language(demo_context):
    listing_types()["housing"].demo_content(demo_context)
    facts = listing_types()["housing"].document_fields["housing_facts"]
    german = HousingOfferPage.objects.get(
        slug="wohnraumvermittlung-3-zimmer-nordstadt", locale=demo_context.locale
    )
    english = german.get_translation(demo_context.english)
    assert (
        facts(german)
        == "Wohnung · 3 Zimmer · 74.5 m² · für Familien geeignet · Mietzahlung durch Jobcenter/Sozialamt möglich"
    )
    assert (
        facts(english)
        == "flat · 3 rooms · 74.5 m² · suitable for families · Jobcenter/Sozialamt rent payment accepted"
    )
