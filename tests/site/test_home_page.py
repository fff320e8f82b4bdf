"""The home page a newcomer opens on a phone: topics, first steps, next events, contact, in their language."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page

from wegweiser.site.models import HomePage
from wegweiser.site.registry import listing_types


@pytest.fixture
def demo(demo_town, db):
    """The demo town (loaded once for this module), each test in its own savepoint."""


def _section(html: str, name: str) -> str:
    return html.split(f'class="home-section {name}"', 1)[1].split("</section>", 1)[0]


def _tiles(html: str) -> list[tuple[str, str]]:
    return re.findall(
        r'<a class="topic-tile" href="([^"]+)">.*?<span class="topic-tile__title">([^<]+)</span>', html, re.S
    )


def test_arabic_home_page_shows_the_topic_tiles_in_arabic(client, demo):
    html = client.get("/ar/").content.decode()
    titles = [title for _url, title in _tiles(html)]
    assert titles == [
        "اللغة",
        "العمل والمهنة",
        "السكن",
        "الصحة",
        "الأطفال والمدرسة",
        "الإقامة والقانون",
        "الاستشارة",
        "أوقات الفراغ واللقاءات",
    ]
    assert html.count('<svg class="icon"') >= 8  # an inline icon per tile, nothing fetched from elsewhere


def test_each_tile_opens_the_arabic_finder_filtered_by_its_topic(client, demo):
    tiles = _tiles(client.get("/ar/").content.decode())
    assert tiles[0][0].endswith("?topic=sprache")
    for url, _title in tiles:
        assert re.fullmatch(r"/ar/[\w-]+/\?topic=[a-z-]+", url), url
    finder = client.get(tiles[0][0])
    assert finder.status_code == 200
    assert "notice--untranslated" not in finder.content.decode()


def test_first_steps_lead_from_arrival_to_naturalisation_in_order(client, demo):
    steps = _section(client.get("/uk/").content.decode(), "first-steps")
    titles = re.findall(r'<h3 class="first-step__title">([^<]+)</h3>', steps)
    assert titles[0] == "Зареєструвати адресу"
    assert "Інтеграційний курс" in titles
    assert titles[-1] == "Натуралізація"
    links = re.findall(r'<p class="first-step__link"><a href="([^"]+)">', steps)
    assert len(links) == len(titles) == 7
    assert all(re.fullmatch(r"/uk/[\w-]+/\?topic=[a-z-]+", link) for link in links)


def test_next_events_come_from_the_registry_and_link_in_the_visitors_language(client, demo):
    dates = _section(client.get("/uk/").content.decode(), "upcoming-dates")
    events = re.findall(r'<a class="upcoming-date__title" href="([^"]+)"([^>]*)>([^<]+)</a>', dates)
    assert 1 <= len(events) <= 4
    for url, attributes, title in events:
        assert url.startswith("/uk/"), url
        event = (
            Page.objects.filter(title=title, content_type__model="eventpage").select_related("locale").first()
        )
        assert event is not None, title
        # An event without a Ukrainian version keeps its German title, marked as German.
        expected = ' lang="de" dir="ltr"' if event.locale.language_code == "de" else ""
        assert attributes == expected, (title, attributes)


@pytest.mark.parametrize(
    ("language", "months"),
    [
        ("ru", "янв фев мар апр май июн июл авг сен окт ноя дек"),
        ("de", "Jan Feb Mär Apr Mai Jun Jul Aug Sep Okt Nov Dez"),
    ],
)
def test_the_next_dates_name_their_month_in_the_case_the_language_writes_it(client, demo, language, months):
    """Russian and Ukrainian write a month in lower case: the dates said "Пн 7 Дек"."""
    dates = _section(client.get(f"/{language}/").content.decode(), "upcoming-dates")
    shown = re.findall(r'<span class="upcoming-date__month">([^<]+)</span>', dates)
    assert shown and set(shown) <= set(months.split()), shown


def test_office_contact_shows_phone_left_to_right_and_hours_in_arabic(client, demo):
    contact = _section(client.get("/ar/").content.decode(), "office-contact")
    assert '<a href="tel:05561100300" dir="ltr" class="ltr-value">05561 100-300</a>' in contact
    assert "integration@neustadt.example" in contact
    assert "الاثنين–الخميس من 9:00 إلى 16:00" in contact  # words, not a dash, so rtl keeps the order


def test_office_contact_marks_the_german_name_and_address_from_the_settings_as_german(client, demo):
    """A screen reader on /ar/ reads the office's German name with a German voice, not an Arabic one; the
    card stays aligned right, the names isolated by their <bdi>."""
    contact = _section(client.get("/ar/").content.decode(), "office-contact")
    assert '<p class="office-contact__name" translate="no" lang="de"><bdi>Integrationsbüro' in contact
    assert '<address translate="no" lang="de"><bdi>Rathausplatz 1' in contact
    german = _section(client.get("/de/").content.decode(), "office-contact")
    assert '<p class="office-contact__name" translate="no">' in german
    assert '<address translate="no"><bdi>Rathausplatz 1' in german


def test_office_contact_typed_on_a_translated_home_page_is_in_its_language(client, demo):
    home = HomePage.objects.get(locale__language_code="ar")
    for block in home.body:
        if block.block_type == "office_contact":
            block.value["name"] = "مكتب الاندماج"
    home.save_revision().publish()
    contact = _section(client.get("/ar/").content.decode(), "office-contact")
    assert '<p class="office-contact__name" translate="no"><bdi>مكتب الاندماج</bdi>' in contact


def test_the_demo_town_s_menu_begins_with_the_search_and_the_offers(client, demo):
    """Courses and counselling are what a newcomer comes for; the menu began with the events and the
    housing example's flats. The search comes first: no page but the home page had a way to it."""
    nav = re.search(r'<nav class="main-nav".*?</nav>', client.get("/de/").content.decode(), re.S).group()
    names = [re.sub(r"<[^>]+>", "", name).strip() for name in re.findall(r"<a [^>]*>(.*?)</a>", nav, re.S)]
    assert names[:4] == ["Suche", "Angebote", "Veranstaltungen", "Ehrenamt"]


def test_every_page_s_header_leads_to_the_search_in_the_visitor_s_language(client, demo):
    """On an offer page a newcomer who wanted to search had to find the way back to the home page."""
    html = client.get("/uk/partner/vhs/deutsch-a1-fur-anfangerinnen-und-anfanger/").content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group()
    assert '<li><a href="/uk/search/">Пошук</a></li>' in nav
    search = client.get("/uk/search/").content.decode()
    assert '<a href="/uk/search/" aria-current="page">Пошук</a>' in search


@pytest.mark.parametrize(("language", "current"), [("de", "Angebote"), ("ar", "العروض")])
def test_an_offer_s_page_marks_the_offers_in_the_menu_not_the_partners(client, demo, language, current):
    """Listings lie below their organisation's page, so the menu marked "Partner" on every offer."""
    html = client.get(f"/{language}/partner/vhs/deutsch-a1-fur-anfangerinnen-und-anfanger/").content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group()
    marked = re.findall(r'<a [^>]*aria-current="page"[^>]*>(.*?)</a>', nav, re.S)
    assert marked == [current]
    partners = client.get(f"/{language}/partner/").content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', partners, re.S).group()
    assert len(re.findall(r'aria-current="page"', nav)) == 1 and current not in re.findall(
        r'<a [^>]*aria-current="page"[^>]*>(.*?)</a>', nav, re.S
    )


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_main_navigation_exists_and_stays_in_every_language(client, demo, language):
    html = client.get(f"/{language}/").content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S)
    assert nav is not None
    links = re.findall(r'href="([^"]+)"', nav.group())
    assert len(links) >= 4
    assert all(link.startswith(f"/{language}/") for link in links), links


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("ar", "مرحبًا بكم في نويشتات أم فلوس"),
        ("uk", "Ласкаво просимо до Нойштадта-на-Флусі"),
        ("fa", "به نویشتات آم فلوس خوش آمدید"),
    ],
)
def test_demo_home_pages_are_real_translations(client, demo, language, title):
    html = client.get(f"/{language}/").content.decode()
    assert f"<h1>{title}</h1>" in html
    assert "notice--untranslated" not in html


def test_topic_names_are_ukrainian_on_the_ukrainian_finder(client, demo):
    tiles = _tiles(client.get("/uk/").content.decode())
    finder = client.get(tiles[2][0]).content.decode()
    assert "Житло" in finder
    assert "Wohnen" not in finder


def test_demo_ships_a_third_of_its_listings_in_arabic_ukrainian_and_english(demo):
    models = [listing_type.model for listing_type in listing_types().values()]
    german = sum(model.objects.filter(locale__language_code="de").count() for model in models)
    for language in ("ar", "uk", "en"):
        translated = sum(model.objects.filter(locale__language_code=language).count() for model in models)
        assert translated * 3 >= german, language
    arabic = [listing for model in models for listing in model.objects.filter(locale__language_code="ar")]
    assert all(re.search(r"[\u0600-\u06ff]", listing.summary) for listing in arabic)


def test_loading_the_demo_again_adds_no_page_or_translation(demo):
    pages = Page.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Page.objects.count() == pages
    assert HomePage.objects.count() == 7


@pytest.mark.parametrize(("address", "box"), [("/uk/", "home-search"), ("/uk/search/", "search-q")])
def test_the_search_box_shows_its_example_as_text_not_as_a_cut_off_placeholder(client, demo, address, box):
    """At 360 px a placeholder was cut off in every language ("напр. курс німецької, кo", "z. B. Deutschkurs,
    Beratung, Fr"), and it vanishes while one types. The example stands under the label, read with the field."""
    html = client.get(address).content.decode()
    field = re.search(rf'<input id="{box}"[^>]*>', html).group(0)
    assert "placeholder" not in field
    assert f'aria-describedby="{box}-hint"' in field
    hint = re.search(rf'<span class="search-box__hint" id="{box}-hint">([^<]+)</span>', html).group(1)
    assert hint == "напр. курс німецької, консультація, жінки"


def test_the_search_box_s_example_makes_way_for_a_query(client, demo):
    html = client.get("/uk/search/", {"q": "курс"}).content.decode()
    assert 'value="курс"' in html and "search-box__hint" not in html
