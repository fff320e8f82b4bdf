"""Whoever reuses the town's listings learns under which licence: in every API answer, in the exports,
on the reference page and in the public footer; the office chooses the licence in the portal settings."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from wagtail.models import Site

from tests.api.conftest import API, add_counselling
from wegweiser.site.models import PortalSettings
from wegweiser.site.registry import listing_types

pytestmark = pytest.mark.django_db

DEFAULT_NAME = "Datenlizenz Deutschland – Namensnennung – Version 2.0"
DEFAULT_URL = "https://www.govdata.de/dl-de/by-2-0"


@pytest.fixture
def counselling(counselling_type, caritas):
    return add_counselling(caritas, "Migrationsberatung")


def licence_in_link_header(response) -> tuple[str, str]:
    match = re.fullmatch(r"<([^>]+)>; rel=\"license\"; title\*=UTF-8''(\S+)", response["Link"])
    assert match, response["Link"]
    return match.group(1), unquote(match.group(2))


def test_every_api_answer_and_export_names_the_default_licence(client, counselling):
    for path in (
        "/listings/counselling-hour/",
        f"/listings/counselling-hour/{counselling.pk}/",
        "/export/counselling-hour.csv",
        "/taxonomies/topics/",
    ):
        response = client.get(f"{API}{path}")
        assert response.status_code == 200, path
        assert licence_in_link_header(response) == (DEFAULT_URL, DEFAULT_NAME), path

    exported = client.get(f"{API}/export/counselling-hour.json").json()
    assert exported["licence"] == {"name": DEFAULT_NAME, "url": DEFAULT_URL}


def test_the_licence_the_office_sets_is_the_one_shown(client, counselling):
    portal = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal.open_data_licence_name = "Creative Commons Namensnennung 4.0 International"
    portal.open_data_licence_url = "https://creativecommons.org/licenses/by/4.0/deed.de"
    portal.save()

    response = client.get(f"{API}/export/counselling-hour.json")

    assert response.json()["licence"]["name"] == "Creative Commons Namensnennung 4.0 International"
    assert licence_in_link_header(response)[0] == "https://creativecommons.org/licenses/by/4.0/deed.de"
    footer = client.get("/de/").content.decode()
    assert "Creative Commons Namensnennung 4.0 International" in footer


def test_the_public_footer_links_to_the_api_and_names_the_licence(client, home):
    html = client.get("/de/").content.decode()

    assert f'<a href="{API}/" hreflang="en">Offene Daten / API (auf Englisch)</a>' in html
    assert "Lizenz der Daten:" in html
    assert f'<a href="{API}/#licence" lang="de">{DEFAULT_NAME}</a>' in html


def test_the_reference_page_shows_inline_code_and_the_licence(client, counselling_type, home):
    html = client.get(f"{API}/").content.decode()

    assert "<code>?locale=ar</code>" in html
    assert "`" not in re.sub(r"<code>.*?</code>", "", html, flags=re.S)
    assert f'<a href="{DEFAULT_URL}" rel="license">{DEFAULT_NAME}</a>' in html


def test_the_docs_name_the_real_listing_type_keys(client, home):
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text()
    paragraph = docs[docs.index("`{type}` is a listing type's key") :].split("\n\n")[0]
    documented = set(re.findall(r"`([a-z-]+)`", paragraph)) - {"housing"}
    assert documented == {"offer", "event", "volunteer"}
    assert documented <= set(listing_types())
    for key in documented:
        assert client.get(f"{API}/export/{key}.csv").status_code == 200, key
    assert client.get(f"{API}/export/volunteering.csv").status_code == 404
