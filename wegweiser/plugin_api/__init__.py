"""The one module a plugin imports from Wegweiser: ``from wegweiser.plugin_api import Listing, ListingType``.

Built-in plugins (offers, events, volunteers) and external ones (the housing example) import nothing else
from the core; an import-linter contract in ``pyproject.toml`` enforces it, and ``docs/plugins.md`` §9
documents exactly the names below. Test fixtures come as a pytest plugin: ``wegweiser.plugin_api.testing``.

Names are loaded on first use (:pep:`562`), so a plugin's ``apps.py`` may import ``PluginConfig`` before
Django's app registry is ready, and its ``models.py`` may import ``Listing`` while models load.
"""

from __future__ import annotations

import importlib

#: name → (core module, name there). Grouped as in docs/plugins.md §9.
_EXPORTS: dict[str, tuple[str, str]] = {
    # The plugin itself: its AppConfig and its compatibility check.
    "PluginConfig": ("wegweiser.site.plugins", "PluginConfig"),
    "PluginMeta": ("wegweiser.site.plugins", "PluginMeta"),
    "installed_plugins": ("wegweiser.site.plugins", "installed_plugins"),
    "discover_plugin_apps": ("wegweiser.site.plugins", "discover_plugin_apps"),
    "check_plugin_compatibility": ("wegweiser.site.checks", "check_plugin_compatibility"),
    "label_switched": ("wegweiser.site.former_labels", "label_switched"),
    # The registry: what a listing type is and how the finder, search, API and calendar learn of it.
    "ListingType": ("wegweiser.site.registry", "ListingType"),
    "Facet": ("wegweiser.site.registry", "Facet"),
    "CalendarEntry": ("wegweiser.site.registry", "CalendarEntry"),
    "ApiExtension": ("wegweiser.site.registry", "ApiExtension"),
    "ApiFeed": ("wegweiser.site.registry", "ApiFeed"),
    "listing_types": ("wegweiser.site.registry", "listing_types"),
    "get_listing_type": ("wegweiser.site.registry", "get_listing_type"),
    "listing_type_for_model": ("wegweiser.site.registry", "listing_type_for_model"),
    "enabled_listing_types": ("wegweiser.site.registry", "enabled_listing_types"),
    # Models: the listing base class, places, taxonomies and pages a listing refers to.
    "Listing": ("wegweiser.site.models", "Listing"),
    "ListingQuerySet": ("wegweiser.site.models", "ListingQuerySet"),
    "PlaceMixin": ("wegweiser.site.models", "PlaceMixin"),
    "Topic": ("wegweiser.site.models", "Topic"),
    "TargetGroup": ("wegweiser.site.models", "TargetGroup"),
    "Language": ("wegweiser.site.models", "Language"),
    "District": ("wegweiser.site.models", "District"),
    "HomePage": ("wegweiser.site.models", "HomePage"),
    "OrganisationIndexPage": ("wegweiser.site.models", "OrganisationIndexPage"),
    "OrganisationPage": ("wegweiser.site.models", "OrganisationPage"),
    "ListingIndexPage": ("wegweiser.site.models", "ListingIndexPage"),
    "PortalSettings": ("wegweiser.site.models", "PortalSettings"),
    "OutgoingMail": ("wegweiser.site.models", "OutgoingMail"),
    "TaxonomyPageForm": ("wegweiser.site.taxonomy_fields", "TaxonomyPageForm"),
    "optional_foreign_key": ("wegweiser.site.models.fields", "optional_foreign_key"),
    # Public queries and links in the visitor's language.
    "localized": ("wegweiser.site.listings", "localized"),
    "localized_url": ("wegweiser.site.listings", "localized_url"),
    "public_listings": ("wegweiser.site.listings", "public_listings"),
    "with_card_data": ("wegweiser.site.listings", "with_card_data"),
    "active_locale": ("wegweiser.site.listings", "active_locale"),
    "visitor_language": ("wegweiser.site.listings", "visitor_language"),
    "language_name": ("wegweiser.site.listings", "language_name"),
    "original_title": ("wegweiser.site.listings", "original_title"),
    "in_language": ("wegweiser.site.listings", "in_language"),
    "about_page": ("wegweiser.site.page_views", "about_page"),
    "filterset_for": ("wegweiser.site.listings", "filterset_for"),
    "public_base_url": ("wegweiser.site.links", "public_base_url"),
    "slug_for": ("wegweiser.site.links", "slug_for"),
    "public_url": ("wegweiser.site.links", "public_url"),
    "admin_url": ("wegweiser.site.links", "admin_url"),
    "sign": ("wegweiser.site.links", "sign"),
    "unsign": ("wegweiser.site.links", "unsign"),
    "IncompleteLink": ("wegweiser.site.links", "IncompleteLink"),
    "localized_label": ("wegweiser.site.taxonomy_labels", "localized_label"),
    "load_original_texts": ("wegweiser.site.templatetags.direction_tags", "load_original_texts"),
    "isolate_text": ("wegweiser.site.templatetags.direction_tags", "isolate_text"),
    "term_choices": ("wegweiser.site.taxonomy_labels", "term_choices"),
    # The API shape of a listing.
    "ListingSchema": ("wegweiser.site.api_schemas", "ListingSchema"),
    "ListingTerm": ("wegweiser.site.api_schemas", "ListingTerm"),
    "ListingOrganisation": ("wegweiser.site.api_schemas", "ListingOrganisation"),
    "ListingContact": ("wegweiser.site.api_schemas", "ListingContact"),
    "ListingPlace": ("wegweiser.site.api_schemas", "ListingPlace"),
    # schema.org JSON-LD on a listing's page.
    "json_ld_script": ("wegweiser.site.structured_data", "json_ld_script"),
    "organisation_json_ld": ("wegweiser.site.structured_data", "organisation_json_ld"),
    "languages_json_ld": ("wegweiser.site.structured_data", "languages_json_ld"),
    "listing_parties_json_ld": ("wegweiser.site.structured_data", "listing_parties_json_ld"),
    "place_json_ld": ("wegweiser.site.structured_data", "place_json_ld"),
    "schema_org_day": ("wegweiser.site.structured_data", "schema_org_day"),
    # Organisation scoping in the admin.
    "organisations_for": ("wegweiser.site.scoping", "organisations_for"),
    "organisations_to_choose": ("wegweiser.site.scoping", "organisations_to_choose"),
    "scope_queryset": ("wegweiser.site.scoping", "scope_queryset"),
    "OrganisationScopedViewSet": ("wegweiser.site.scoping", "OrganisationScopedViewSet"),
    "OrganisationScopedViewSetMixin": ("wegweiser.site.scoping", "OrganisationScopedViewSetMixin"),
    "OrganisationPermissionPolicy": ("wegweiser.site.scoping", "OrganisationPermissionPolicy"),
    "RestrictedMenuItem": ("wegweiser.site.admin_menu", "RestrictedMenuItem"),
    "admin_list_page": ("wegweiser.site.admin_lists", "admin_list_page"),
    # Public forms, mail and personal data.
    "HoneypotMixin": ("wegweiser.site.public_forms", "HoneypotMixin"),
    "ConsentMixin": ("wegweiser.site.public_forms", "ConsentMixin"),
    "reject_markup": ("wegweiser.site.public_forms", "reject_markup"),
    "name_field": ("wegweiser.site.public_forms", "name_field"),
    "email_field": ("wegweiser.site.public_forms", "email_field"),
    "phone_field": ("wegweiser.site.public_forms", "phone_field"),
    "private_no_store": ("wegweiser.site.public_forms", "private_no_store"),
    "for_visitors": ("wegweiser.site.public_forms", "for_visitors"),
    "too_many_sends": ("wegweiser.site.public_forms", "too_many_sends"),
    "forget_send": ("wegweiser.site.public_forms", "forget_send"),
    "client_address": ("wegweiser.site.public_forms", "client_address"),
    "notice": ("wegweiser.site.public_forms", "notice"),
    "incomplete_link": ("wegweiser.site.public_forms", "incomplete_link"),
    "mail_link": ("wegweiser.site.public_forms", "mail_link"),
    "ask_to_confirm": ("wegweiser.site.public_forms", "ask_to_confirm"),
    "check_your_mailbox": ("wegweiser.site.public_forms", "check_your_mailbox"),
    "queue_mail": ("wegweiser.site.outbox", "queue_mail"),
    "queue_mails": ("wegweiser.site.outbox", "queue_mails"),
    "queue_many": ("wegweiser.site.outbox", "queue_many"),
    "owned_mails": ("wegweiser.site.models.mail", "owned_mails"),
    "PersonalData": ("wegweiser.site.data_requests.registry", "PersonalData"),
    "former_data_request_paths": ("wegweiser.site.data_requests.urls", "former_data_request_paths"),
    # A listing with free places again (visitors' place alerts wait for it).
    "announce_places_opened": ("wegweiser.site.openings", "announce_places_opened"),
    # Weekly time slots (course dates, repeating events) and the time-of-day facet built from them.
    "time_of_day_facet": ("wegweiser.site.facets", "time_of_day_facet"),
    "TimeSlot": ("wegweiser.site.schedules", "TimeSlot"),
    "ShownSlot": ("wegweiser.site.schedules", "ShownSlot"),
    "DayPart": ("wegweiser.site.schedules", "DayPart"),
    "WEEKDAY_CODES": ("wegweiser.site.schedules", "WEEKDAY_CODES"),
    "weekday_choices": ("wegweiser.site.schedules", "weekday_choices"),
    "day_parts": ("wegweiser.site.schedules", "day_parts"),
    "parse_schedule": ("wegweiser.site.schedules", "parse_schedule"),
    "UnreadableSchedule": ("wegweiser.site.schedules", "UnreadableSchedule"),
    "format_slots": ("wegweiser.site.schedules", "format_slots"),
    "shown_slots": ("wegweiser.site.schedules", "shown_slots"),
    "weekly_slots_field": ("wegweiser.site.blocks", "weekly_slots_field"),
    "time_slots_of": ("wegweiser.site.blocks", "time_slots_of"),
    "slots_stream": ("wegweiser.site.blocks", "slots_stream"),
    # What taking part costs.
    "PaidBy": ("wegweiser.site.prices", "PaidBy"),
    "ChoiceListField": ("wegweiser.site.prices", "ChoiceListField"),
    "format_amount": ("wegweiser.site.prices", "format_amount"),
    "paid_by_labels": ("wegweiser.site.prices", "paid_by_labels"),
    "cost_into_fields": ("wegweiser.site.prices", "cost_into_fields"),
    # Cached public pages.
    "public_pages_show": ("wegweiser.site.page_tree_cache", "public_pages_show"),
    "invalidate_public_pages": ("wegweiser.site.page_tree_cache", "invalidate"),
    # Scheduled jobs, fetching from partners' servers, spreadsheets.
    "ScheduledJob": ("wegweiser.site.scheduling", "ScheduledJob"),
    "command_job": ("wegweiser.site.scheduling", "command_job"),
    "fetch_public_url": ("wegweiser.site.safe_fetch", "fetch_public_url"),
    "check_public_url": ("wegweiser.site.safe_fetch", "check_public_url"),
    "FetchRefused": ("wegweiser.site.safe_fetch", "FetchRefused"),
    "FetchTooLarge": ("wegweiser.site.safe_fetch", "FetchTooLarge"),
    "FetchHTTPError": ("wegweiser.site.safe_fetch", "FetchHTTPError"),
    "SPREADSHEET_GERMAN": ("wegweiser.site.spreadsheets", "SPREADSHEET_GERMAN"),
    "SpreadsheetExportMixin": ("wegweiser.site.spreadsheets", "SpreadsheetExportMixin"),
    "label_records_by_number": ("wegweiser.site.models.log_entries", "label_records_by_number"),
    "FORMULA_PREFIXES": ("wegweiser.site.spreadsheets", "FORMULA_PREFIXES"),
    "as_spreadsheet_text": ("wegweiser.site.spreadsheets", "as_spreadsheet_text"),
    # Demo content and setting up a portal.
    "DemoContext": ("wegweiser.site.demo", "DemoContext"),
    "load_taxonomies": ("wegweiser.site.demo", "load_taxonomies"),
    "DEMO_ORGANISATIONS": ("wegweiser.site.demo.data", "ORGANISATIONS"),
    "ensure_portal": ("wegweiser.site.setup", "ensure_portal"),
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    try:
        module, attribute = _EXPORTS[name]
    except KeyError:
        raise AttributeError(
            f"wegweiser.plugin_api has no {name!r}; docs/plugins.md §9 lists what it has"
        ) from None
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value  # later lookups do not come here again
    return value


def __dir__() -> list[str]:
    return __all__
