"""A visitor stays in the language they chose, and German content reads right inside rtl pages.

One public page of every type is walked in every portal language: no link or form may lead to another
language's prefix (the language switcher and ``hreflang`` links excepted), and no text may be in another
script than the page's unless it is marked as German content (``lang="de"``), as a language's own name
(``lang`` of that language) or as a name or address not to be translated (``translate="no"``).
A text in the page's script that names something in Latin letters (“iCal”, “Jobcenter”) is a translation,
not untranslated content, and passes.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format, time_format
from django.utils.html import escape
from wagtail.models import Locale

from tests.browser.test_accessibility import public_path
from wegweiser.site.listings import localized_url
from wegweiser.site.models import (
    AccessibilityStatementPage,
    District,
    HomePage,
    ListingIndexPage,
    OrganisationIndexPage,
    OrganisationPage,
    StandardPage,
)
from wegweiser.site.registry import listing_types
from wegweiser.site.taxonomy_labels import invalidate, term_choices

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SCRIPT_OF = {"de": "LATIN", "en": "LATIN", "tr": "LATIN", "ar": "ARABIC", "fa": "ARABIC"}
SCRIPT_OF |= {"uk": "CYRILLIC", "ru": "CYRILLIC"}
PREFIX = re.compile(r"^(?:https?://testserver)?/({})/".format("|".join(LANGUAGES)))
#: What every language writes in Latin letters: file formats ("… (iCal)") and the European course levels
#: ("Рівень A1") on the offers finder.
LATIN_IN_EVERY_LANGUAGE = {"iCal", "CSV", "PDF", "XLSX", "A1", "A2", "B1", "B2", "C1", "C2"}
#: Left-to-right, right-to-left and Arabic letter marks.
DIRECTION_MARKS = {"\u200e", "\u200f", "\u061c"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@pytest.fixture
def demo(demo_town, db):
    """The demo town (loaded once for this module), each test in its own savepoint."""


def sample_paths() -> dict[str, str]:
    """One German page of every public type in the demo (every type's finder, for its own filters), as paths
    without the language prefix."""
    home = HomePage.objects.get(locale__language_code="de")
    paths = {
        "home": "/",
        "organisation": public_path(OrganisationPage.objects.filter(locale__language_code="de").first()),
        "standard page": public_path(StandardPage.objects.child_of(home).get(slug="ueber-uns")),
        "event calendar": "/kalender/",
        "accessibility statement with its feedback form": public_path(
            AccessibilityStatementPage.objects.get(locale__language_code="de")
        ),
    }
    for finder in ListingIndexPage.objects.filter(locale__language_code="de"):
        paths[f"{finder.listing_type} finder"] = public_path(finder)
    for key, name in (("offer", "offer"), ("event", "event"), ("volunteer", "volunteer opportunity")):
        model = listing_types()[key].model
        listing = model.objects.current().filter(locale__language_code="de").order_by("path").first()
        paths[name] = public_path(listing)
    return paths


class PageReader(HTMLParser):
    """Collects links to other languages and text in a foreign script that is not marked as such."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, bool]] = []
        self.foreign_links: list[str] = []
        self.unmarked_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        target = attrs.get("href") if tag == "a" else attrs.get("action") if tag == "form" else None
        in_switcher = any(t == "nav-switcher" for t, _marked in self.stack)
        if target and not in_switcher and "hreflang" not in attrs:
            match = PREFIX.match(target)
            if match and match.group(1) != self.language:
                self.foreign_links.append(f"<{tag}> {target}")
        lang = (attrs.get("lang") or "").split("-")[0]
        marked = (lang and lang != self.language) or attrs.get("translate") == "no"
        if tag == "nav" and "language-switcher" in (attrs.get("class") or ""):
            tag = "nav-switcher"
        if tag not in VOID:
            self.stack.append((tag, bool(marked)))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] in (tag, "nav-switcher" if tag == "nav" else None):
                del self.stack[index:]
                return

    def handle_data(self, data):
        if any(t in ("script", "style", "title") for t, _marked in self.stack):
            return
        if any(marked for _t, marked in self.stack):
            return
        if data.strip(" ()·,.") in LATIN_IN_EVERY_LANGUAGE:
            return
        scripts = {unicodedata.name(char, "").split(" ")[0] for char in data if char.isalpha()}
        if scripts and SCRIPT_OF[self.language] not in scripts:
            self.unmarked_text.append(data.strip()[:80])


def read(client, url: str, language: str) -> PageReader:
    response = client.get(url)
    assert response.status_code == 200, url
    reader = PageReader(language)
    reader.feed(response.content.decode())
    return reader


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_link_on_every_page_type_stays_in_the_visitors_language(client, demo, language):
    problems = {}
    for kind, path in sample_paths().items():
        reader = read(client, f"/{language}{path}", language)
        if reader.foreign_links:
            problems[kind] = reader.foreign_links
    assert problems == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_text_in_another_script_is_marked_as_german_content(client, demo, language):
    problems = {}
    for kind, path in sample_paths().items():
        reader = read(client, f"/{language}{path}", language)
        if reader.unmarked_text:
            problems[kind] = reader.unmarked_text
    assert problems == {}, "\n".join(f"{kind}: {texts}" for kind, texts in problems.items())


def test_a_translated_organisation_s_german_opening_hours_are_marked_as_german(client, demo):
    """Translating an organisation copies its opening hours; nobody translated "Mo–Do 9–12 Uhr", and the
    English page read it out as English (a screen reader, a browser's translation): German in Latin letters is
    what the test of scripts above cannot see."""
    originals = dict(
        OrganisationPage.objects.filter(locale__language_code="de")
        .exclude(opening_hours="")
        .values_list("translation_key", "opening_hours")
    )
    copied = [
        page
        for page in OrganisationPage.objects.live().filter(
            locale__language_code="en", translation_key__in=originals
        )
        if page.opening_hours == originals[page.translation_key]
    ]
    assert copied, "the demo has an English organisation page with the German opening hours"
    html = client.get(copied[0].url).content.decode()
    hours = escape(copied[0].opening_hours).replace("\n", "<br>")
    assert f'<p lang="de" dir="ltr">{hours}</p>' in html


def test_search_hits_in_arabic_and_ukrainian_link_into_the_same_language(client, demo):
    for language in ("ar", "uk"):
        html = client.get(f"/{language}/search/", {"q": "Deutsch"}).content.decode()
        hits = re.findall(r'class="card__title"><a href="([^"]+)"', html)
        assert hits, f"the demo finds German courses on /{language}/search/"
        assert all(href.startswith(f"/{language}/") for href in hits), hits


def test_the_events_day_list_links_each_date_in_the_visitors_language(client, demo):
    with translation.override("uk"):
        url = reverse("events:upcoming")
    html = client.get(url).content.decode()
    links = re.findall(r'class="calendar-item__title">.*?<a href="([^"]+)"', html)
    assert links, "the demo has upcoming events"
    assert all(link.startswith("/uk/") for link in links), links


def untranslated_listing(key: str, language: str, **filters):
    """A current German listing of the demo that has no translation into ``language``."""
    model = listing_types()[key].model
    translated = model.objects.filter(locale__language_code=language).values("translation_key")
    return (
        model.objects.current()
        .filter(locale__language_code="de", **filters)
        .exclude(translation_key__in=translated)
        .order_by("path")
        .first()
    )


def test_an_untranslated_listing_is_still_reachable_in_arabic_once_the_home_page_is_translated(client, demo):
    home = HomePage.objects.get(locale__language_code="de")
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    if home.get_translation_or_none(arabic) is None:
        home.copy_for_translation(arabic).save_revision().publish()
    offer = untranslated_listing("offer", "ar")
    with translation.override("ar"):
        url = localized_url(offer)
    assert url == f"/ar{public_path(offer)}"
    response = client.get(url)
    assert response.status_code == 200
    assert "notice--untranslated" in response.content.decode()


def test_a_district_shows_its_arabic_name_and_an_untranslated_one_is_marked_german(client, demo):
    offer = untranslated_listing("offer", "ar", district__isnull=False)
    district = offer.district
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    District.objects.filter(translation_key=district.translation_key, locale=arabic).delete()
    invalidate()
    html = client.get(f"/ar{public_path(offer)}").content.decode()
    assert f'<span lang="de" dir="ltr">{district.name}</span>' in html
    translated = district.copy_for_translation(arabic)
    translated.name = "الحي المركزي"
    translated.save()
    invalidate()
    html = client.get(f"/ar{public_path(offer)}").content.decode()
    assert "الحي المركزي" in html
    assert f">{district.name}<" not in html.split('<main id="main"')[1]


def test_phone_numbers_and_clock_times_are_isolated_left_to_right_in_arabic(client, demo):
    offer = untranslated_listing("offer", "ar", contact_phone__gt="")
    html = client.get(f"/ar{public_path(offer)}").content.decode()
    assert f'dir="ltr" class="ltr-value">{offer.contact_phone}</a>' in html
    event = untranslated_listing("event", "ar", all_day=False)
    html = client.get(f"/ar{public_path(event)}").content.decode()
    assert re.search(r'<bdi dir="ltr">\d\d:\d\d–\d\d:\d\d</bdi>', html)


@pytest.mark.parametrize("key", ["offer", "event", "volunteer"])
def test_a_listing_names_its_organisation_in_its_own_direction_on_an_arabic_page(client, demo, key):
    """On an Arabic volunteer page "Caritasverband Neustadt e.V." read ".Caritasverband Neustadt e.V": the name
    ran right to left with the page. Every listing page isolates it as a proper name."""
    listing = untranslated_listing(key, "ar", organisation__isnull=False)
    html = client.get(f"/ar{public_path(listing)}").content.decode()
    main = html.split('<main id="main"')[1]
    assert f'<bdi translate="no">{escape(listing.organisation.title)}</bdi>' in main


def test_german_listing_on_an_arabic_page_keeps_the_page_right_to_left(client, demo):
    offer = untranslated_listing("offer", "ar")
    html = client.get(f"/ar{public_path(offer)}").content.decode()
    assert '<div class="page-content">' in html
    assert f'<h1><span lang="de" dir="ltr">{offer.title}</span></h1>' in html


@pytest.mark.parametrize("tiles", ["", "https://tiles.example.org/{z}/{x}/{y}.png"])
def test_where_it_is_shows_directions_and_a_map_only_with_tiles(client, demo, tiles):
    offer = (
        listing_types()["offer"]
        .model.objects.current()
        .filter(locale__language_code="de")
        .exclude(latitude=None)
        .first()
    )
    with override_settings(WEGWEISER_MAP_TILE_URL=tiles):
        html = client.get(f"/de{public_path(offer)}").content.decode()
    assert f'href="geo:{offer.latitude:f},{offer.longitude:f}"' in html
    assert "https://www.openstreetmap.org/?mlat=" in html
    assert ('id="offer-map"' in html) is bool(tiles)
    assert "tiles.example.org" not in html or tiles


def test_an_untranslated_term_in_the_filters_keeps_its_german_name_marked_as_german(demo):
    district = District.objects.filter(locale__language_code="de").first()
    District.objects.filter(translation_key=district.translation_key, locale__language_code="uk").delete()
    invalidate()
    with translation.override("uk"):
        labels = dict(term_choices(District))
    assert labels[district.slug] == district.name
    assert labels[district.slug].lang == "de"


def test_an_untranslated_term_in_the_finder_s_filters_is_marked_as_german_on_the_page(client, demo):
    """A screen reader on /uk/angebote/ and /uk/search/ read a German district's name in the filters and the
    chosen-filter chips, and in the search's "near" list and its chip, with the Ukrainian voice."""
    district = District.objects.filter(locale__language_code="de").first()
    District.objects.filter(translation_key=district.translation_key, locale__language_code="uk").delete()
    invalidate()
    finder = ListingIndexPage.objects.get(locale__language_code="uk", listing_type="offer")
    html = client.get(finder.url).content.decode()
    marked = f'<span lang="de" dir="ltr">{district.name}</span>'
    label = re.search(rf'value="{district.slug}"[^>]*>(.*?)</label>', html).group(1)
    assert label == f" {marked}"
    chosen = client.get(finder.url, {"district": district.slug}).content.decode()
    assert re.search(rf'class="filter-chip" href="[^"]*">[^<]+: {re.escape(marked)}<', chosen)
    with translation.override("uk"):
        search = client.get(reverse("search:search"), {"district": district.slug}).content.decode()
    assert re.search(
        rf'value="{district.slug}"[^>]*> {re.escape(marked)} <span class="search__count">', search
    )
    assert re.search(rf'class="filter-chip" href="[^"]*">[^<]+: {re.escape(marked)}<', search)
    assert f'<option value="{district.slug}" lang="de" dir="ltr">{district.name}</option>' in search
    with translation.override("uk"):
        near = client.get(reverse("search:search"), {"near": district.slug}).content.decode()
    assert re.search(rf'class="filter-chip" href="[^"]*">Поруч: {re.escape(marked)}<', near)


@pytest.mark.parametrize(("language", "comma"), [("ar", "، "), ("fa", "، "), ("uk", ", "), ("de", ", ")])
def test_weekday_date_and_time_are_separated_by_the_languages_own_comma(client, demo, language, comma):
    with translation.override(language):
        url = reverse("events:upcoming")
    html = client.get(url).content.decode()
    headings = re.findall(r'class="calendar-day__heading"><time[^>]*>([^<]+)</time>', html)
    assert headings, "the demo has upcoming events"
    other = ", " if comma != ", " else "، "
    assert all(comma in heading and other not in heading for heading in headings), headings[:3]
    event = untranslated_listing("event", "ar" if language == "de" else language, all_day=False)
    html = client.get(f"/{language}{public_path(event)}").content.decode()
    when = re.search(r"<time datetime=[^>]*>[^<]+</time>(.{0,300})", html, re.S)
    assert when and when.group(1).startswith(comma), when and when.group(0)


def test_the_footer_names_german_only_legal_pages_in_the_visitors_language(client, demo):
    footer = client.get("/ar/").content.decode().split('class="site-footer__inner')[1]
    assert 'hreflang="de">حماية البيانات (بالألمانية)</a>' in footer
    assert ">Datenschutz<" not in footer
    # The office's address and phone: each on its own line, the phone tappable, no stray separator.
    assert 'href="tel:' in footer and " · <" not in footer
    german = client.get("/de/").content.decode().split('class="site-footer__inner')[1]
    legal = german.split('<nav aria-label="Rechtliches und Barrierefreiheit">')[1]
    assert ">Datenschutz</a>" in legal and "hreflang" not in legal


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("ar", "بياناتكم: طلب نسخة أو حذف"),
        ("uk", "Ваші дані: запит копії або видалення"),
        ("de", "Ihre Daten: Kopie"),
    ],
)
def test_every_page_leads_to_copy_or_delete_my_data_in_the_visitors_language(client, demo, language, label):
    """Someone who registered for an event found "copy or delete my data" only beside the place alert's form and
    the volunteers' sign-up: the footer of every page leads there, to the page in the visitor's language."""
    event = untranslated_listing("event", "ar" if language == "de" else language, all_day=False)
    for path in ("/", public_path(event)):
        footer = client.get(f"/{language}{path}").content.decode().split('class="site-footer__inner')[1]
        link = re.search(rf'<a href="(/{language}/meine-daten/)">([^<]+)</a>', footer)
        assert link and link.group(2).startswith(label), footer[-600:]
    form = client.get(link.group(1))
    assert form.status_code == 200 and f'<html lang="{language}"' in form.content.decode()


def test_the_footer_lines_the_offices_german_address_up_with_the_arabic_page(client, demo):
    """On /ar/ the address stood at the left (dir="ltr" on its block) between a name and contacts at the right;
    it is marked German and isolated as the home page's contact card marks it, and aligns with the page."""
    footer = client.get("/ar/").content.decode().split('class="site-footer__inner')[1]
    assert '<address translate="no" lang="de"><bdi>Rathausplatz 1<br>' in footer
    assert 'dir="ltr">Rathausplatz' not in footer
    assert '<p translate="no" lang="de"><strong><bdi>Integrationsbüro' in footer
    german = client.get("/de/").content.decode().split('class="site-footer__inner')[1]
    assert '<address translate="no"><bdi>Rathausplatz 1<br>' in german


def test_the_footer_says_the_open_data_reference_is_in_english(client, demo):
    """ "Open data / API" led to the English API reference without saying so, where the legal pages say "(in
    German)"; an English visitor reads the plain name."""
    footers = {
        language: client.get(f"/{language}/").content.decode().split('class="site-footer__inner')[1]
        for language in ("ar", "de", "en")
    }
    assert 'hreflang="en">البيانات المفتوحة / واجهة API (بالإنجليزية)</a>' in footers["ar"]
    assert 'hreflang="en">Offene Daten / API (auf Englisch)</a>' in footers["de"]
    assert '">Open data / API</a>' in footers["en"] and "(in English)" not in footers["en"]


@pytest.mark.parametrize("language", ["ar", "uk"])
def test_the_partner_overview_lists_every_partner_in_every_language(client, demo, language):
    """The German overview lists every partner; the Arabic one listed only the few with an Arabic page. Now the
    others are there too, in German, and every card links within the visitor's language."""
    german = OrganisationIndexPage.objects.get(locale__language_code="de")
    partners = set(OrganisationPage.objects.live().child_of(german).values_list("translation_key", flat=True))
    overview = german.get_translation(Locale.objects.get(language_code=language))
    response = client.get(overview.url)
    assert response.status_code == 200
    shown = list(response.context["organisations"])
    assert {organisation.translation_key for organisation in shown} == partners and len(shown) == len(
        partners
    )
    main = response.content.decode().split('<main id="main"')[1]
    cards = re.findall(r'<h2 class="card__title"><a href="([^"]+)"><bdi translate="no">', main)
    assert len(cards) == len(partners) and all(href.startswith(f"/{language}/") for href in cards)


def test_a_translated_organisation_page_lists_its_untranslated_listings_too(client, demo):
    """The Arabic page of a partner listed only the listings somebody had translated into Arabic."""
    arabic = Locale.objects.get(language_code="ar")
    german = next(
        organisation
        for organisation in OrganisationPage.objects.live()
        .filter(locale__language_code="de")
        .order_by("path")
        if organisation.get_translation_or_none(arabic) is not None
        and untranslated_listing("offer", "ar", path__startswith=organisation.path) is not None
    )
    untranslated = untranslated_listing("offer", "ar", path__startswith=german.path)
    listed = {listing.translation_key for listing in client.get(german.url).context["listings"]}
    response = client.get(german.get_translation(arabic).url)
    assert {listing.translation_key for listing in response.context["listings"]} == listed
    assert f'href="/ar{public_path(untranslated)}"' in response.content.decode()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ar", "5 ديسمبر 2026"),  # Django's own Arabic pattern: "5 ديسمبر، 2026", the English comma
        ("uk", "5 грудня 2026 р."),  # Django's own: "05 грудня 2026 р."
        ("fa", "5 دسامبر 2026"),
        ("de", "5. Dezember 2026"),
        ("tr", "5 Aralık 2026"),  # Django's own: "05 Aralık 2026"
        ("en", "5 December 2026"),  # Django's own: "Dec. 5, 2026"
    ],
)
def test_a_date_is_written_as_the_visitor_s_language_writes_it(language, expected):
    """Every page, card and mail writes dates with DATE_FORMAT: the calendar, course dates, place alerts."""
    with translation.override(language):
        assert date_format(datetime.date(2026, 12, 5), "DATE_FORMAT") == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("uk", "5 грудня"),
        ("ru", "5 декабря"),
        ("tr", "5 Aralık"),
        ("de", "5. Dezember"),
        ("en", "5 December"),
    ],
)
def test_a_day_and_month_name_the_month_as_the_language_does(language, expected):
    """Django's own wrote "05 Грудень" and "5 Декабрь": the month's name in the nominative after a day."""
    with translation.override(language):
        assert date_format(datetime.date(2026, 12, 5), "MONTH_DAY_FORMAT") == expected


def test_a_turkish_short_date_is_written_with_dots():
    """Django's own Turkish short date was "05 Ara 2026", a month name where tables and cards expect digits."""
    with translation.override("tr"):
        assert date_format(datetime.date(2026, 12, 31), "SHORT_DATE_FORMAT") == "31.12.2026"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_shows_the_time_on_the_24_hour_clock_the_calendars_use(language):
    """The calendars and event pages show "18:00" in every language; English schedules and mails wrote
    "6 p.m.", Arabic ones "6:00 م"."""
    with translation.override(language):
        assert time_format(datetime.time(18, 5), "TIME_FORMAT") == "18:05"


def test_an_english_short_date_cannot_be_read_month_first_or_day_first_wrongly():
    """Django's English short date "12/11/2026" (the offer cards' next start) was read as 12 November by every
    newcomer who writes the day first; the month's name reads the same to all."""
    with translation.override("en"):
        assert date_format(datetime.date(2026, 12, 11), "SHORT_DATE_FORMAT") == "11 Dec 2026"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_date_is_written_with_direction_marks(language):
    """Django's Arabic short date is "d/m/Y" with a right-to-left mark after day and month: isolated left to right
    (``|ltr``) on the offer cards, 31 December 2026 read "312026/12/". Without marks a date reads right either way."""
    moment = datetime.datetime(2026, 12, 31, 9, 37)
    names = ["DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATE_FORMAT", "SHORT_DATETIME_FORMAT"]
    names += ["MONTH_DAY_FORMAT", "YEAR_MONTH_FORMAT", "TIME_FORMAT"]
    with translation.override(language):
        marked = {name: date_format(moment, name) for name in names}
    assert {name: text for name, text in marked.items() if set(text) & DIRECTION_MARKS} == {}


def test_the_arabic_offer_cards_write_the_next_free_start_as_day_month_year(client, demo):
    html = client.get("/ar/angebote/").content.decode()
    days = re.findall(r'class="card__next-date">[^<]*<bdi dir="ltr">([^<]+)</bdi>', html)
    assert days, "the demo has offers with free seats on a later date"
    assert all(re.fullmatch(r"\d\d/\d\d/20\d\d", day) for day in days), days[:3]


@pytest.mark.parametrize(
    ("language", "words", "german"),
    [("ar", "وظيفة", "Arbeit"), ("ar", "طبيب", "Arzt"), ("uk", "робота", "Arbeit")],
)
def test_a_newcomer_s_word_finds_what_the_german_word_finds_in_the_demo_town(
    client, demo, language, words, german
):
    """The demo town loads the search's starter synonyms (the ``load_demo_content`` hook): "وظيفة" (job) found
    nothing in a fresh ``make run`` although the synonyms say it means "Arbeit"."""
    with translation.override(language):
        url = reverse("search:search")

    def found(query: str) -> set[int]:
        return {hit.page_id for hit in client.get(url, {"q": query, "per_page": "50"}).context["result"].hits}

    ours = found(german)
    assert ours and ours <= found(words)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", "5. Dezember 2026, 09:37 Uhr"),
        ("uk", "5 грудня 2026 р. о 09:37"),
        ("ar", "5 ديسمبر 2026، 09:37"),
        ("ru", "5 декабря 2026 г., 09:37"),  # Django's own: "5 декабря 2026 г. 9:37"
        ("en", "5 December 2026, 09:37"),  # Django's own: "Dec. 5, 2026, 9:37 a.m."
    ],
)
def test_a_deadline_with_its_time_is_written_as_the_language_writes_it(language, expected):
    """A mail's "confirm by" deadline: Django ran the German date and time together ("5. Dezember 2026 09:37")."""
    with translation.override(language):
        assert date_format(datetime.datetime(2026, 12, 5, 9, 37), "DATETIME_FORMAT") == expected


def test_switching_language_on_a_filtered_finder_keeps_the_visitor_s_choices(client, demo):
    """A newcomer filters the German offers, then switches to Arabic: the same offers, now in Arabic."""
    html = client.get("/de/angebote/", {"topic": "sprache", "district": "altstadt"}).content.decode()
    arabic = re.search(r'<a href="(/ar/[^"]*)" lang="ar" hreflang="ar"', html).group(1)
    assert arabic == "/ar/angebote/?topic=sprache&amp;district=altstadt"

    german_count = re.search(r'<h2 id="results-heading"[^>]*>(\d+)', html).group(1)
    arabic_html = client.get("/ar/angebote/", {"topic": "sprache", "district": "altstadt"}).content.decode()
    assert re.search(r'<h2 id="results-heading"[^>]*>(\d+)', arabic_html).group(1) == german_count
    assert 'value="sprache" checked' in arabic_html

    # A page's language links lead to the page itself: without choices, nothing is added.
    home = client.get("/de/").content.decode()
    assert re.search(r'<a href="(/ar/[^"]*)" lang="ar" hreflang="ar"', home).group(1) == "/ar/"


def test_the_language_switch_of_an_untranslated_listing_leads_to_the_listing_itself(client, demo):
    """A German listing without an Arabic translation: "العربية" shows it in the Arabic site (in German, with
    the notice), where the switch led to the partner overview before and the listing was lost."""
    home = HomePage.objects.get(locale__language_code="de")
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    if home.get_translation_or_none(arabic) is None:
        home.copy_for_translation(arabic).save_revision().publish()
    offer = untranslated_listing("offer", "ar")

    html = client.get(f"/de{public_path(offer)}").content.decode()
    link = re.search(r'<a href="(/ar/[^"]*)" lang="ar" hreflang="ar"', html).group(1)
    assert link == f"/ar{public_path(offer)}"
    shown = client.get(link)
    assert shown.status_code == 200 and "notice--untranslated" in shown.content.decode()
    # On the Arabic site the current language's link is the page itself too.
    current = re.search(r'<a href="(/ar/[^"]*)" lang="ar" hreflang="ar"', shown.content.decode()).group(1)
    assert current == link


def test_a_finder_lists_the_visitor_s_language_before_german_originals(client, demo):
    """By title alone, Latin sorts before Arabic: /ar/angebote/ showed twenty German titles before its first
    Arabic one. The listings nobody translated follow, still by title."""
    response = client.get("/ar/angebote/")
    languages = [listing.locale.language_code for listing in response.context["listings"]]
    assert languages[0] == "ar" and languages == sorted(languages, key=lambda code: code != "ar"), languages
    titles = [
        listing.title for listing in response.context["listings"] if listing.locale.language_code == "ar"
    ]
    assert titles == sorted(titles, key=str.lower)


@pytest.mark.parametrize(
    ("path", "marked"),
    [("/ar/veranstaltungen/", "النص بالألمانية"), ("/ar/search/?q=Deutsch", "النص بالألمانية")],
)
def test_a_card_says_when_its_listing_is_still_in_german(client, demo, path, marked):
    """In the finder and the search, the cards of listings nobody translated showed German titles with only a
    hidden language tag: a newcomer learnt they were in German only after opening them. The note says that the
    text is German: "بالألمانية" alone, beside "Online-Sprechstunde auf Arabisch", read as held in German."""
    html = client.get(path).content.decode()
    cards = re.findall(r'<article class="card[^"]*">.*?</article>', html, re.S)
    german = [card for card in cards if 'class="card__title"><a href="/ar/' in card and ' lang="de"' in card]
    arabic = [card for card in cards if card not in german]
    assert german and arabic
    assert all(f'<li class="tag--written-in">{marked}</li>' in card for card in german)
    assert not any("tag--written-in" in card for card in arabic)


@pytest.mark.parametrize(
    ("path", "item"),
    [
        ("/ar/", r'<li class="upcoming-date">.*?</li>'),
        ("/ar/kalender/", r'<article class="calendar-item[^"]*">.*?</article>'),
        ("/ar/kalender/monat/", r'<li class="(?:calendar-item--cancelled)?">.*?</li>'),
    ],
)
def test_the_next_dates_and_the_calendar_say_when_an_event_is_still_in_german(client, demo, path, item):
    """The finder's cards said "بالألمانية", the home page's next dates and the calendar did not: on /ar/
    "Online-Sprechstunde auf Arabisch" was one German title among Arabic ones, with only a hidden tag."""
    html = client.get(path, follow=True).content.decode()
    items = re.findall(item, html, re.S)
    german = [one for one in items if re.search(r'<a [^>]*href="/ar/[^"]*"[^>]* lang="de"', one)]
    arabic = [one for one in items if one not in german]
    assert german and arabic, path
    assert all('<span class="tag--written-in">النص بالألمانية</span>' in one for one in german)
    assert not any("tag--written-in" in one for one in arabic)


def test_an_organisation_page_lists_the_visitor_s_language_first(client, demo):
    organisation = OrganisationPage.objects.get(locale__language_code="ar", slug="caritas")
    listings = client.get(organisation.url).context["listings"]
    languages = [listing.locale.language_code for listing in listings]
    assert "ar" in languages and "de" in languages
    assert languages == sorted(languages, key=lambda code: code != "ar"), languages
