"""Key pages link their Leichte Sprache version; easy pages are German, easy to read and link back."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from wegweiser.site.demo import load_demo
from wegweiser.site.models import AccessibilityStatementPage, HomePage, ListingIndexPage, StandardPage
from wegweiser.site.models.easy_language import EasyLanguagePage

pytestmark = pytest.mark.django_db


def easy_link(response):
    """The header's "Leichte Sprache" link, or None."""
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("header a.easy-language-link")


@pytest.fixture
def area(home):
    page = home.add_child(instance=StandardPage(title="Leichte Sprache", slug="leichte-sprache"))
    page.save_revision().publish()
    return page


@pytest.fixture
def learning_german(area):
    page = area.add_child(
        instance=EasyLanguagePage(
            title="Deutsch lernen",
            slug="deutsch-lernen",
            intro="Sie wollen Deutsch lernen?\nIn der Stadt gibt es viele Kurse.",
            body=[
                ("heading", "Was ist ein Integrations·kurs?"),
                (
                    "paragraph",
                    {"text": "Ein Integrations·kurs ist ein Deutsch·kurs.\nSie lernen dort Deutsch."},
                ),
            ],
        )
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def offer_finder(home, learning_german):
    finder = home.add_child(
        instance=ListingIndexPage(
            title="Angebote", slug="angebote", listing_type="offer", easy_language_page=learning_german
        )
    )
    finder.save_revision().publish()
    return finder


@pytest.fixture
def legal_notice(home):
    page = home.add_child(instance=StandardPage(title="Impressum", slug="impressum"))
    page.save_revision().publish()
    return page


def test_key_page_with_easy_version_links_to_it_in_german(client, offer_finder, learning_german):
    link = easy_link(client.get("/de/angebote/"))
    assert link is not None
    assert link["href"] == "/de/leichte-sprache/deutsch-lernen/"
    assert link["lang"] == "de"
    assert "Leichte Sprache" in link.get_text()
    assert link.select_one("svg")["aria-hidden"] == "true"
    # The accessible name also says what the link does, in the visitor's language.
    assert link.select_one(".visually-hidden").get_text(strip=True)


def test_page_without_easy_version_has_no_link(client, offer_finder, legal_notice):
    assert easy_link(client.get("/de/impressum/")) is None


def test_unpublished_easy_version_is_not_linked(client, offer_finder, learning_german):
    learning_german.unpublish()
    assert easy_link(client.get("/de/angebote/")) is None


def test_easy_page_is_german_easy_to_read_and_links_back(client, offer_finder, learning_german):
    response = client.get("/de/leichte-sprache/deutsch-lernen/")
    soup = BeautifulSoup(response.content, "html.parser")
    article = soup.select_one("article.easy-language")
    assert article["lang"] == "de"
    assert soup.html["lang"] == "de"
    back = article.select_one(".easy-language__back a")
    assert back["href"] == "/de/angebote/"
    # One sentence per line: the line breaks the editor typed are kept.
    paragraph = article.select_one(".easy-paragraph p")
    assert len(paragraph.find_all("br")) == 1
    assert article.select_one("h2").get_text() == "Was ist ein Integrations·kurs?"


def test_arabic_visitor_is_sent_to_the_german_easy_page(client, offer_finder, learning_german):
    response = client.get("/ar/angebote/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    link = easy_link(response)
    assert link["href"] == "/de/leichte-sprache/deutsch-lernen/"
    assert (link["lang"], link["dir"]) == ("de", "ltr")
    followed = client.get(link["href"])
    assert BeautifulSoup(followed.content, "html.parser").html["lang"] == "de"


def test_the_german_name_is_glossed_in_the_visitor_s_language(client, offer_finder, learning_german):
    """ "Leichte Sprache" alone told a newcomer reading Arabic nothing; the gloss is for the eye (a screen
    reader reads the whole sentence), and a German page needs none."""
    gloss = easy_link(client.get("/ar/angebote/")).select_one(".easy-language-link__gloss")
    assert gloss.get_text() == "ألمانية مبسطة"
    assert (gloss["lang"], gloss["dir"], gloss["aria-hidden"]) == ("ar", "rtl", "true")
    assert easy_link(client.get("/de/angebote/")).select_one(".easy-language-link__gloss") is None


def test_translated_key_page_links_the_same_german_easy_page(
    client, home, offer_finder, learning_german, english, django_capture_on_commit_callbacks
):
    """The chooser is synchronised by wagtail-localize: a translation never needs an English easy page."""
    for page in (home, offer_finder):
        with django_capture_on_commit_callbacks(execute=True):
            source, _created = TranslationSource.get_or_create_from_instance(page)
            source.create_or_update_translation(english, publish=True, fallback=True)
    translated = offer_finder.get_translation(english).specific
    assert translated.live
    assert translated.easy_language_page_id == learning_german.pk
    link = easy_link(client.get(translated.url))
    assert link["href"] == "/de/leichte-sprache/deutsch-lernen/"


def test_area_lists_its_easy_pages(client, area, learning_german, django_assert_max_num_queries):
    client.get("/de/leichte-sprache/")  # the site's root paths are cached as on a running server
    with django_assert_max_num_queries(25):
        response = client.get("/de/leichte-sprache/")
    titles = [
        a.get_text() for a in BeautifulSoup(response.content, "html.parser").select(".easy-language-index a")
    ]
    assert titles == ["Deutsch lernen"]


def test_office_chooses_easy_version_in_promote_tab(client, office_user, offer_finder):
    client.force_login(office_user)
    response = client.get(f"/admin/pages/{offer_finder.pk}/edit/")
    assert response.status_code == 200
    assert b'name="easy_language_page"' in response.content


def test_partner_cannot_edit_easy_pages_or_choose_them_for_key_pages(
    client, editor_a, organisation_a, offer_finder, learning_german
):
    client.force_login(editor_a)
    for page in (learning_german, offer_finder):
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code in {302, 403}
        response = client.post(f"/admin/pages/{page.pk}/edit/", {"title": "Gekapert", "slug": page.slug})
        assert response.status_code in {302, 403}
        page.refresh_from_db()
        assert page.title != "Gekapert"
    assert not learning_german.permissions_for_user(editor_a).can_edit()
    # Easy pages belong to the "Leichte Sprache" area, not below a partner organisation.
    assert EasyLanguagePage not in organisation_a.specific_class.allowed_subpage_models()


def test_demo_loader_creates_the_easy_pages_once_and_wires_them(client, demo_town):
    load_demo()  # a second run adds nothing
    german = Locale.objects.get(language_code="de")
    easy = EasyLanguagePage.objects.filter(locale=german)
    assert easy.count() == 6
    assert set(easy.values_list("slug", flat=True)) == {
        "das-integrationsbuero",
        "deutsch-lernen",
        "beratung",
        "veranstaltungen",
        "ehrenamt",
        "barrierefreiheit",
    }
    home = HomePage.objects.get(locale=german)
    assert home.easy_language_page.slug == "das-integrationsbuero"
    assert AccessibilityStatementPage.objects.get(locale=german).easy_language_page.slug == "barrierefreiheit"
    finders = {
        finder.listing_type: getattr(finder.easy_language_page, "slug", None)
        for finder in ListingIndexPage.objects.filter(locale=german)
    }
    assert finders["offer"] == "deutsch-lernen"
    assert finders["event"] == "veranstaltungen"
    assert finders["volunteer"] == "ehrenamt"
    # The English home page links the same German easy page.
    english_home = HomePage.objects.get(locale__language_code="en")
    assert english_home.easy_language_page_id == home.easy_language_page_id
    link = easy_link(client.get("/en/"))
    assert link["href"] == "/de/leichte-sprache/das-integrationsbuero/"
    # Every easy text is written one sentence per line.
    for page in easy:
        for block in page.specific.body:
            if block.block_type == "paragraph":
                for line in block.value["text"].splitlines():
                    assert line.count(". ") == 0, line
    area = Page.objects.get(locale=german, slug="leichte-sprache")
    listed = BeautifulSoup(client.get(area.url).content, "html.parser").select(".easy-language-index a")
    assert len(listed) == 6


def test_the_english_easy_german_area_lists_the_same_german_easy_pages(client, demo_town):
    """The English "Easy German" page (a translation of the area) listed nothing: the easy pages are German and
    live below the German area only, so an English visitor found an empty page."""

    def listed(path: str) -> list[tuple[str, str]]:
        links = BeautifulSoup(client.get(path).content, "html.parser").select(".easy-language-index a")
        return [(link["href"], link.get_text()) for link in links]

    german = listed("/de/leichte-sprache/")
    assert len(german) == 6
    assert Page.objects.filter(locale__language_code="en", slug="leichte-sprache").exists()
    assert listed("/en/leichte-sprache/") == german
    assert all(href.startswith("/de/leichte-sprache/") for href, _title in german)


def test_each_demo_easy_page_ends_with_a_link_to_where_it_says_things_are(client, demo_town):
    """ "Auf der Seite Angebote finden Sie alle Kurse" led nowhere: a reader of Leichte Sprache had to find the
    menu of the everyday-language site. Each easy page now ends with big links that say where they lead: to
    the finder showing just that topic (all 60 offers, from "Alphabetisierungskurs" on, were no answer to
    "Hier finden Sie alle Beratungen."), and from the office's page to the other pages in Leichte Sprache
    (it led only into the everyday-language finders)."""

    def links(path: str) -> list[tuple[str, str]]:
        page = BeautifulSoup(client.get(path).content, "html.parser")
        return [(link["href"], link.get_text()) for link in page.select("article.easy-language .link-list a")]

    finder = ListingIndexPage.objects.get(locale__language_code="de", listing_type="offer")
    assert links("/de/leichte-sprache/deutsch-lernen/") == [
        (f"{finder.url}?topic=sprache", "Hier finden Sie alle Kurse für Deutsch.")
    ]
    assert links("/de/leichte-sprache/beratung/") == [
        (f"{finder.url}?topic=beratung", "Hier finden Sie alle Beratungen.")
    ]

    def results(path: str) -> int:
        return int(re.search(r"(\d+) Ergebnisse", client.get(path).content.decode()).group(1))

    assert 0 < results(f"{finder.url}?topic=beratung") < results(finder.url)
    assert links("/de/leichte-sprache/das-integrationsbuero/") == [
        ("/de/leichte-sprache/deutsch-lernen/", "Mehr über Deutsch·kurse"),
        ("/de/leichte-sprache/beratung/", "Mehr über Beratung"),
        ("/de/leichte-sprache/veranstaltungen/", "Mehr über Feste und Treffen"),
        ("/de/leichte-sprache/ehrenamt/", "Mehr über Ehrenamt"),
    ]


def test_the_way_back_to_everyday_language_leads_to_the_page_on_the_same_subject_in_the_visitors_language(
    client, demo_town
):
    """Counselling's easy page said "Diese Seite in Alltagssprache" and led to "Über uns"; a Russian visitor
    was sent to the German page, by a Russian link the screen reader read with a German voice."""

    def back(path: str):
        return BeautifulSoup(client.get(path).content, "html.parser").select_one(".easy-language__back")

    assert back("/de/leichte-sprache/beratung/") is None  # no page in everyday language is about counselling
    office = back("/ru/leichte-sprache/das-integrationsbuero/")
    assert (office["lang"], office["dir"], office.a["href"]) == ("ru", "ltr", "/ru/")
    assert back("/ar/leichte-sprache/das-integrationsbuero/")["dir"] == "rtl"
    about = HomePage.objects.get(locale__language_code="de").get_children().get(slug="ueber-uns").specific
    assert about.easy_language_page.slug == "das-integrationsbuero"


def test_the_easy_volunteering_page_names_the_button_the_mail_s_link_leads_to(client, demo_town):
    """ "Tippen Sie auf den Link … Dann ist Ihre Anmeldung fertig." But the link opens a page whose button
    "Anmeldung bestätigen" must still be pressed: a reader who stopped at the link was never signed up."""
    page = BeautifulSoup(client.get("/de/leichte-sprache/ehrenamt/").content, "html.parser")
    lines = page.select_one("article.easy-language").get_text("\n").splitlines()
    lines = [line.strip() for line in lines if line.strip()]
    with translation.override("de"):
        button = translation.gettext("Confirm sign-up")
    assert button == "Anmeldung bestätigen"
    told = lines.index("Oder klicken Sie auf den Link.")
    assert lines[told + 1 : told + 4] == [
        "Eine Seite geht auf.",
        f"Tippen Sie dort auf: {button}.",
        "Dann ist Ihre Anmeldung fertig.",
    ]


@pytest.mark.parametrize(("language", "gloss"), [("tr", "kolay Almanca"), ("ar", "ألمانية مبسطة")])
def test_the_menu_names_leichte_sprache_as_the_header_does_glossed_in_the_visitor_s_language(
    client, demo_town, language, gloss
):
    """The header's button said "Leichte Sprache · kolay Almanca", the menu only "Leichte Sprache", in every
    language: a newcomer reading Turkish or Arabic could not tell what the German words offer."""
    page = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
    menu = page.select_one(f'.main-nav a[href="/{language}/leichte-sprache/"]')
    header = easy_link(client.get(f"/{language}/"))

    def shown(link) -> list[tuple[str, str]]:
        spans = link.find_all("span", recursive=False)
        return [
            (span.get_text(), span.get("lang", "de"))
            for span in spans
            if "visually-hidden" not in span.get("class", [])
        ]

    assert shown(menu) == [("Leichte Sprache", "de"), (gloss, language)]
    assert shown(menu) == shown(header)
    assert menu["lang"] == "de" and menu["dir"] == "ltr"
