"""Public pages of the core: home, organisations, languages, privacy."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale

from wegweiser.site.models import HomePage, ListingIndexPage, OrganisationPage, PortalSettings
from wegweiser.site.registry import enabled_listing_types, listing_types
from wegweiser.site.views import server_error


@pytest.fixture
def demo(demo_town, db):
    """The demo town (loaded once for this module), each test in its own savepoint."""


def test_root_redirects_to_the_german_home_page_by_default(client, home):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/de/"


def test_root_redirects_an_arabic_browser_to_arabic(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response["Location"] == "/ar/"


def test_home_page_renders_with_language_switcher_and_skip_link(client, demo):
    response = client.get("/de/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de" dir="ltr">' in html
    assert 'href="#main"' in html
    assert "العربية" in html and "Українська" in html
    assert "Willkommen in Neustadt am Fluss" in html


def test_arabic_pages_are_right_to_left(client, demo):
    html = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html


def test_english_visitor_gets_the_english_translation(client, demo):
    html = client.get("/en/").content.decode()
    assert "Welcome to Neustadt am Fluss" in html


def test_untranslated_page_shows_german_text_with_a_notice(client, demo):
    html = client.get("/ar/impressum/").content.decode()
    # The legal notice has no Arabic translation in the demo: the German page is served with a notice.
    assert "Impressum" in html
    assert "notice--untranslated" in html


def test_anonymous_visitors_get_no_cookies(client, demo):
    for url in ["/de/", "/de/partner/", "/de/partner/caritas/", "/en/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, (url, response.cookies)


def test_public_pages_request_nothing_from_other_hosts(client, demo):
    import re

    html = client.get("/de/").content.decode()
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert [url for url in external if "testserver" not in url] == []


def test_health_check_reports_the_database(client, db):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_unknown_page_is_a_friendly_404(client, home):
    response = client.get("/de/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_a_404_in_arabic_leads_to_the_arabic_start_page_not_the_one_the_browser_prefers(client, home):
    arabic_home = home.copy_for_translation(Locale.objects.get_or_create(language_code="ar")[0])
    arabic_home.save_revision().publish()
    response = client.get("/ar/gibt-es-nicht/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 404
    assert '<html lang="ar" dir="rtl">' in response.content.decode()
    assert '<a href="/ar/">الذهاب إلى الصفحة الرئيسية</a>' in response.content.decode()


@pytest.mark.parametrize(
    "language, heading, direction",
    [
        ("ar", "حدث خطأ", "rtl"),
        ("uk", "Сталася помилка", "ltr"),
        ("de", "Es ist ein Fehler aufgetreten", "ltr"),
    ],
)
def test_a_server_error_says_so_in_the_visitors_language_without_the_database(
    rf, db, language, heading, direction, django_assert_num_queries
):
    with translation.override(language), django_assert_num_queries(0):
        response = server_error(rf.get(f"/{language}/suche/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert f"<h1>{heading}</h1>" in html


def test_demo_loads_organisations_finders_and_listings_and_is_idempotent(demo):
    organisations = OrganisationPage.objects.filter(locale__language_code="de").count()
    finders = ListingIndexPage.objects.count()
    assert organisations == 15
    assert finders >= 2 * len(listing_types())
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert OrganisationPage.objects.filter(locale__language_code="de").count() == organisations
    assert ListingIndexPage.objects.count() == finders
    assert HomePage.objects.count() == 7  # one per portal language


def test_organisation_page_lists_its_current_listings(client, demo):
    response = client.get("/de/partner/vhs/")
    assert response.status_code == 200
    organisation = OrganisationPage.objects.get(slug="vhs", locale__language_code="de")
    for listing_type in listing_types().values():
        for listing in listing_type.model.objects.current().child_of(organisation)[:3]:
            assert listing.title in response.content.decode()


def test_a_site_can_switch_a_listing_type_off(client, demo):
    home = HomePage.objects.get(locale__language_code="de")
    site = home.get_site()
    key = next(iter(listing_types()))
    settings = PortalSettings.for_site(site)
    settings.disabled_listing_types = [key]
    settings.save()
    assert key not in enabled_listing_types(site)
    finder = ListingIndexPage.objects.get(listing_type=key, locale__language_code="de")
    assert client.get(finder.url).status_code == 404
    listing = listing_types()[key].model.objects.current().first()
    if listing is not None:
        assert client.get(listing.url).status_code == 404
        assert not listing_types()[key].model.can_create_at(listing.get_parent())


def test_unknown_api_and_admin_files_answer_404_instead_of_a_redirect_into_the_site(client, home):
    response = client.get("/documents/999999/nothing.pdf")
    assert response.status_code == 404
    assert client.get("/api/v1/gibt-es-nicht/").status_code == 404


def test_the_admin_s_browser_tab_names_the_portal_not_wagtail(client, home):
    """An editor with tabs open on two portals (or on Wegweiser and another Wagtail site) could not tell
    them apart: every admin tab read "… - Wagtail"."""
    settings = PortalSettings.for_site(home.get_site())
    settings.office_name = "Integrationsbüro Teststadt"
    settings.save()
    html = client.get("/admin/login/").content.decode()
    assert "<title>Anmelden - Integrationsbüro Teststadt</title>" in html


def test_a_page_the_portal_published_itself_names_the_system_in_the_aging_pages_report(
    client, home, office_user
):
    """Scheduled publishing and imports publish without a person; the German report read "None"."""
    revision = home.save_revision()
    revision.publish()  # as the scheduled-publishing job does: no user
    client.force_login(office_user)
    html = client.get("/admin/reports/aging-pages/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    cell = re.search(rf'pages/{home.pk}/edit/".*?</tr>', html, re.S).group(0)
    assert "System" in cell
    assert "None" not in cell
