"""What a browser and a search engine read before the page: icons, description, canonical and language URLs."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.templatetags.static import static

from wegweiser.offers.factories import OfferPageFactory
from wegweiser.site.models import StandardPage

LONG_SUMMARY = (
    "Ein Deutschkurs am Vormittag für Mütter und Väter mit kleinen Kindern: Während des Unterrichts "
    "betreuen Erzieherinnen die Kinder im Nebenraum, und wer mag, bleibt danach zum gemeinsamen Frühstück."
)


def head_of(response) -> str:
    assert response.status_code == 200
    html = response.content.decode()
    return html[: html.index("</head>")]


def meta_description(head: str) -> tuple[str, str] | None:
    """The description's text and its ``lang`` attribute ("" when it is the page's language)."""
    match = re.search(r'<meta name="description" content="([^"]*)"(?: lang="([^"]+)")?>', head)
    return (unescape(match.group(1)), match.group(2) or "") if match else None


def canonical(head: str) -> str:
    (url,) = re.findall(r'<link rel="canonical" href="([^"]+)">', head)
    return url


def alternates(head: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head))


@pytest.fixture
def offer(organisation_a):
    return OfferPageFactory(parent=organisation_a, title="Deutsch mit Kinderbetreuung", summary=LONG_SUMMARY)


def test_favicon_is_served_at_the_root_of_the_site(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    assert b"".join(response.streaming_content).startswith(b"\x00\x00\x01\x00")  # an ICO file


def test_home_screen_icons_are_linked_and_served(client, home):
    head = head_of(client.get("/de/"))
    icons = re.findall(r'<link rel="(?:icon|apple-touch-icon)" href="([^"]+)"', head)
    assert "/favicon.ico" in icons and "/apple-touch-icon.png" in icons
    assert static("icons/icon-192.png") in icons and static("icons/icon.svg") in icons
    for url in icons:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("image/"), (url, response["Content-Type"])


def test_listing_page_is_described_by_its_summary_cut_after_a_word(client, offer):
    text, lang = meta_description(head_of(client.get(offer.url)))
    assert lang == ""
    assert len(text) <= 160
    assert text.endswith("…")
    kept = text.removesuffix("…")
    assert LONG_SUMMARY.startswith(kept)
    assert re.match(r"\W", LONG_SUMMARY[len(kept) :])  # no word is cut in half


def test_search_description_written_by_the_editor_comes_first(client, offer):
    offer.search_description = "Deutschkurs mit Kinderbetreuung in der Nordstadt."
    offer.save_revision().publish()
    head = head_of(client.get(offer.url))
    assert meta_description(head) == ("Deutschkurs mit Kinderbetreuung in der Nordstadt.", "")


def test_page_without_a_summary_is_described_by_the_home_page(client, home):
    home.intro = "Kurse, Beratung und Veranstaltungen für Neuzugewanderte in Teststadt."
    home.save_revision().publish()
    page = home.add_child(instance=StandardPage(title="Über uns", slug="ueber-uns"))
    page.save_revision().publish()
    head = head_of(client.get("/de/ueber-uns/"))
    assert meta_description(head) == (
        "Kurse, Beratung und Veranstaltungen für Neuzugewanderte in Teststadt.",
        "",
    )


def test_canonical_and_language_versions_are_absolute_urls_with_german_as_default(client, offer, english):
    translated = offer.copy_for_translation(english, copy_parents=True)
    translated.title = "German with childcare"
    translated.summary = "A morning German course for parents; childcare next door."
    translated.save_revision().publish()

    head = head_of(client.get(translated.url))
    german = f"http://testserver{offer.url}"
    assert canonical(head) == f"http://testserver{translated.url}"
    assert alternates(head) == {"de": german, "en": f"http://testserver{translated.url}", "x-default": german}
    assert meta_description(head) == ("A morning German course for parents; childcare next door.", "")


def test_untranslated_page_under_another_language_names_its_german_original(client, offer):
    """Shown in German under /ar/ until it is translated: search engines index the German address."""
    arabic_address = offer.url.replace("/de/", "/ar/", 1)
    head = head_of(client.get(arabic_address))
    assert canonical(head) == f"http://testserver{offer.url}"
    assert alternates(head) == {
        "de": f"http://testserver{offer.url}",
        "x-default": f"http://testserver{offer.url}",
    }
    assert meta_description(head)[1] == "de"


def test_addresses_follow_the_host_and_scheme_of_the_request(client, offer, settings):
    settings.ALLOWED_HOSTS = ["wegweiser.example"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    head = head_of(client.get(offer.url, HTTP_HOST="wegweiser.example", HTTP_X_FORWARDED_PROTO="https"))
    assert canonical(head) == f"https://wegweiser.example{offer.url}"
    assert set(alternates(head).values()) == {f"https://wegweiser.example{offer.url}"}
