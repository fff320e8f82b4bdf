"""A council member takes a report to a meeting: one printable page with the town, the date and the filters."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import formats, timezone
from wagtail.models import Site
from wagtail.users.models import UserProfile

from wegweiser.site.models import PortalSettings

pytestmark = [pytest.mark.django_db, pytest.mark.built_once("town")]

REPORTS = ("coverage", "freshness", "demand", "duplicates", "listings")


@pytest.fixture
def german_office(client, office_user):
    profile = UserProfile.get_for_user(office_user)
    profile.preferred_language = "de"
    profile.save()
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.office_name = "Integrationsbüro Teststadt"
    settings.save()
    client.force_login(office_user)
    return client


def test_print_page_names_the_town_the_date_and_the_filters_without_admin_chrome(german_office, town):
    html = german_office.get(reverse("reports:coverage_print"), {"target_group": "frauen"}).content.decode()

    assert '<html lang="de"' in html
    assert '<p class="ww-print__town">Integrationsbüro Teststadt</p>' in html
    today = formats.date_format(timezone.localdate(), "DATE_FORMAT")
    assert f"{today}</time>" in html
    assert "<li>Für wen: Frauen</li>" in html
    assert 'class="ww-chart"' in html, "the chart"
    assert '<details class="ww-chart-table" open>' in html, "its table, open for print"
    assert 'id="coverage-matrix"' in html
    for chrome in ("w-sidebar", "wagtail-sidebar", "w-slim-header", "w-filter-button", "Filter entfernen"):
        assert chrome not in html
    assert "Drucken / als PDF speichern" in html


def test_print_page_says_when_no_filter_narrows_the_report(german_office, town):
    html = german_office.get(reverse("reports:freshness_print")).content.decode()

    assert "<dd>keine</dd>" in html


def test_a_chosen_day_is_written_as_the_report_writes_dates_on_the_screen_and_in_print(german_office, town):
    """The demand report's text says "vom 29.11.2026"; its filter said "Von: 2026-11-29"."""
    query = {"table": "no_results", "start": "2026-11-29"}
    report = german_office.get(reverse("reports:demand"), query).content.decode()
    printed = german_office.get(reverse("reports:demand_print"), query).content.decode()

    assert "<li>Von: 29.11.2026</li>" in printed
    assert '<b class="w-ml-1">29.11.2026</b>' in report


def test_a_yes_or_no_filter_reads_ja_on_the_screen_and_in_print(german_office, town):
    """The listings report's "Nur veraltete Einträge" filter read "True"."""
    report = german_office.get(reverse("reports:listings"), {"stale": "true"}).content.decode()
    printed = german_office.get(reverse("reports:listings_print"), {"stale": "true"}).content.decode()

    assert "<li>Nur veraltete Einträge: ja</li>" in printed
    assert '<b class="w-ml-1">ja</b>' in report
    assert "True" not in printed


def test_print_page_shows_every_row_not_the_first_page(german_office, make_listing, organisation_a, town):
    for number in range(55):
        make_listing(organisation_a, f"Kurs {number}", topics=["sprache"], district="nordstadt")

    html = german_office.get(reverse("reports:listings_print")).content.decode()

    assert html.count('<tr data-listing="') == 55 + 4
    assert "pagination" not in html


@pytest.mark.parametrize("report", REPORTS)
def test_every_report_has_a_print_button_that_keeps_its_filters(german_office, town, report):
    html = german_office.get(reverse(f"reports:{report}"), {"listing_type": "offer"}).content.decode()

    print_url = reverse(f"reports:{report}_print") + "?listing_type=offer"
    assert f'href="{print_url}"' in html
    assert "Drucken / PDF" in html
    assert german_office.get(print_url).status_code == 200
