"""What the admin start page costs the database: as much for an organisation with many listings (stale, in
draft) as for one with a few, for the office and for a partner. Its panels list listings per organisation
and listing type; a query per listing would make the start page of a large course provider slow."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from tests.reports.test_dashboards import in_german, panel_html
from wegweiser.site.models import StandardPage
from wegweiser.site.translation_sync import live_translations_with_untranslated_texts

pytestmark = pytest.mark.django_db


def dashboard_queries(user) -> int:
    client = in_german(Client(), user)
    client.get(reverse("wagtailadmin_home"))  # the first view after a change fills the admin's caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return len(captured)


def test_the_start_page_costs_the_same_with_many_more_listings(
    office_user, editor_a, make_listing, organisation_a, organisation_b, town
):
    before = {"office": dashboard_queries(office_user), "partner": dashboard_queries(editor_a)}
    for number in range(12):
        make_listing(organisation_a, f"Sprachkurs {number}", topics=["sprache"], reviewed_days_ago=400)
        make_listing(organisation_a, f"Nähtreff {number}", topics=["arbeit"], live=False)
        make_listing(organisation_b, f"Beratung {number}", topics=["beratung"], reviewed_days_ago=400)
    after = {"office": dashboard_queries(office_user), "partner": dashboard_queries(editor_a)}
    assert after == before


def test_the_office_s_start_page_costs_the_same_with_many_more_translations_read_in_german(
    office_user, home, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    """The office's panel counts the texts of every live translation: counted one translation at a time, a
    portal translated into six languages would pay a query per page and language on each visit."""
    locales = [Locale.objects.get_or_create(language_code=code)[0] for code in ("ar", "uk")]

    def publish_untranslated(number: int) -> None:
        page = home.add_child(
            instance=StandardPage(title=f"Seite {number}", slug=f"seite-{number}", intro="Hallo.")
        )
        page.save_revision().publish()
        source, _created = TranslationSource.get_or_create_from_instance(page)
        for locale in locales:
            with django_capture_on_commit_callbacks(execute=True):
                Translation.objects.create(source=source, target_locale=locale).save_target(publish=True)

    publish_untranslated(0)
    before = dashboard_queries(office_user)
    for number in range(1, 6):
        publish_untranslated(number)
    assert dashboard_queries(office_user) == before
    with django_assert_max_num_queries(2):
        assert len(live_translations_with_untranslated_texts()) == 12


def test_a_partner_s_start_page_costs_the_same_with_many_more_of_its_translations_read_in_german(
    editor_a, client, make_listing, organisation_a, django_capture_on_commit_callbacks
):
    """A partner's start page lists its own published translations that show German texts, each with its progress:
    counted one translation at a time, a course provider translating into six languages would pay a query per
    listing and language on each visit."""
    locales = [Locale.objects.get_or_create(language_code=code)[0] for code in ("ar", "uk")]

    def publish_untranslated(number: int) -> None:
        listing = make_listing(organisation_a, f"Sprachkurs {number}", topics=["sprache"])
        source, _created = TranslationSource.get_or_create_from_instance(listing)
        for locale in locales:
            with django_capture_on_commit_callbacks(execute=True):
                Translation.objects.create(source=source, target_locale=locale).save_target(publish=True)

    def listed() -> str:
        html = in_german(client, editor_a).get(reverse("wagtailadmin_home")).content.decode()
        item = panel_html(html, "partner-translations").split('data-item="untranslated_texts"', 1)[1]
        return item.split('<span class="ww-attention__value">', 1)[1].split("</span>", 1)[0]

    publish_untranslated(0)
    before = dashboard_queries(editor_a)
    assert listed() == "2"
    for number in range(1, 6):
        publish_untranslated(number)
    assert dashboard_queries(editor_a) == before
    assert listed() == "12"
