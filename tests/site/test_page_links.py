"""Links to pages that an editor sets in rich text or in a links block, as a visitor follows them."""

from __future__ import annotations

import json
import re

import pytest
from wagtail.models import Locale

from wegweiser.offers.models import OfferPage
from wegweiser.site.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(demo_town):
    german_home = HomePage.objects.get(locale=Locale.get_default())
    translated = (
        OfferPage.objects.filter(locale__language_code="ar").first().get_translation(Locale.get_default())
    )
    untranslated = (
        OfferPage.objects.live()
        .filter(locale=Locale.get_default())
        .exclude(
            translation_key__in=OfferPage.objects.filter(locale__language_code="ar").values("translation_key")
        )
        .first()
    )
    draft = german_home.add_child(instance=StandardPage(title="Entwurf", slug="geheimer-entwurf", live=False))
    links = "".join(
        f'<a linktype="page" id="{page.pk}">{name}</a> '
        for name, page in [("translated", translated), ("untranslated", untranslated), ("draft", draft)]
    )
    body = [
        {"type": "paragraph", "value": f"<p>{links}</p>"},
        {"type": "links", "value": [{"title": "Entwurf", "page": draft.pk, "url": "", "description": ""}]},
    ]
    page = german_home.add_child(
        instance=StandardPage(title="Wegweiser", slug="linkseite", body=json.dumps(body))
    )
    page.save_revision().publish()
    return translated, untranslated


def test_a_page_link_in_rich_text_keeps_an_arabic_visitor_in_arabic(client, pages):
    """Wagtail linked a page nobody translated with its German address: one tap threw the visitor out of
    their language."""
    translated, untranslated = pages
    html = client.get("/ar/linkseite/").content.decode()
    hrefs = dict(
        (name, href) for href, name in re.findall(r'<a href="([^"]*)">(translated|untranslated)</a>', html)
    )
    assert hrefs["translated"] == translated.get_translation(Locale.objects.get(language_code="ar")).url
    assert hrefs["untranslated"] == "/ar" + untranslated.url[len("/de") :]
    assert client.get(hrefs["untranslated"]).status_code == 200


def test_a_link_to_an_unpublished_page_shows_neither_its_address_nor_a_dead_link(client, pages):
    """A partner could link another organisation's draft: its address (the slug) showed on the public page."""
    html = client.get("/de/linkseite/").content.decode()
    assert "geheimer-entwurf" not in html
    assert "<a>draft</a>" in html
    assert re.search(r"<li>Entwurf\s*</li>", html)
