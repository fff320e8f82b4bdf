"""A town that does not broker housing switches the listing type off in Settings › Portal settings: it then
leaves the finder, the search, the page editor and the public pages — on that site only."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wegweiser_housing.models import HousingOfferPage

from wegweiser.plugin_api import HomePage, OrganisationIndexPage, PortalSettings, listing_types


def switch_off_housing(site: Site) -> None:
    settings = PortalSettings.for_site(site)
    settings.disabled_listing_types = ["housing"]
    settings.save()


def search_html(client, query: str, **headers) -> str:
    with translation.override("de"):
        url = reverse("search:search")
    response = client.get(url, {"q": query}, **headers)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def site(home):
    return home.get_site()


def test_switched_off_housing_leaves_finder_search_and_pages(client, site, housing_finder, family_flat):
    assert f'href="{family_flat.url}"' in search_html(client, "Nordstadt")
    switch_off_housing(site)
    assert client.get(housing_finder.url).status_code == 404
    assert client.get(family_flat.url).status_code == 404
    assert f'href="{family_flat.url}"' not in search_html(client, "Nordstadt")


def test_switched_off_housing_leaves_the_page_type_chooser(client, site, organisation_a, editor_a):
    assert HousingOfferPage.can_create_at(organisation_a)
    switch_off_housing(site)
    assert not HousingOfferPage.can_create_at(organisation_a)
    client.force_login(editor_a)
    add_url = f"/admin/pages/add/wegweiser_housing/housingofferpage/{organisation_a.pk}/"
    chooser = client.get(f"/admin/pages/{organisation_a.pk}/add_subpage/")
    assert add_url not in chooser.content.decode() and chooser.get("Location") != add_url
    assert client.get(add_url).status_code in (302, 403)


def test_office_switches_housing_off_in_portal_settings(
    client, admin_user, site, housing_finder, family_flat
):
    client.force_login(admin_user)
    url = f"/admin/settings/core/portalsettings/{site.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    html = form.content.decode()
    assert 'value="housing"' in html
    other_types = [key for key in _listing_type_keys() if key != "housing"]
    response = client.post(
        url,
        {"office_name": "Integrationsbüro Teststadt", "enabled_types": other_types, "place_alert_days": 90},
    )
    assert response.status_code == 302
    assert PortalSettings.for_site(site).disabled_listing_types == ["housing"]
    client.logout()
    assert client.get(family_flat.url).status_code == 404


def _listing_type_keys() -> list[str]:
    return list(listing_types())


@pytest.fixture
def second_town(home, housing_helpers):
    """A second town of the district with its own site, home page and a partner offering housing."""
    root = Page.get_first_root_node()
    home_b = root.add_child(
        instance=HomePage(title="Willkommen in Zweitstadt", slug="zweitstadt", locale=Locale.get_default())
    )
    home_b.save_revision().publish()
    site_b = Site.objects.create(
        hostname="zweitstadt.example", port=80, root_page=home_b, site_name="Zweitstadt"
    )
    index = home_b.add_child(instance=OrganisationIndexPage(title="Partner", slug="partner"))
    index.save_revision().publish()
    make_organisation, add_housing_offer = housing_helpers
    organisation = make_organisation(index, "Wohnungshilfe Zweitstadt", "wohnungshilfe")
    offer = add_housing_offer(
        organisation, "Zimmer in Zweitstadt", rooms=1, kind="room", rent_warm=Decimal("300")
    )
    return site_b, offer


def test_switching_housing_off_for_one_town_keeps_it_in_the_other(client, site, family_flat, second_town):
    site_b, offer_b = second_town
    relative_url = offer_b.get_url(current_site=site_b)
    assert client.get(relative_url, HTTP_HOST="zweitstadt.example").status_code == 200
    switch_off_housing(site_b)
    assert client.get(family_flat.url).status_code == 200
    assert client.get(relative_url, HTTP_HOST="zweitstadt.example").status_code == 404
    assert HousingOfferPage.can_create_at(family_flat.get_parent())
    assert not HousingOfferPage.can_create_at(offer_b.get_parent())
