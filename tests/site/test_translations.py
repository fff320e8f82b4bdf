"""Every interface string is translated into every portal language (issue: newcomers' languages).

Each catalogue is complete, the catalogues of one language agree on every message (Django merges them, so
two translations of one msgid would make a page depend on their order), and the pages a newcomer sees show
no message in English or in the German that Django falls back to.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import html5lib
import polib
import pytest
import wagtail
import wagtail_localize
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.browser.test_accessibility import public_path
from wegweiser.site.registry import listing_types

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(
    path
    for path in ROOT.glob("**/locale/*/LC_MESSAGES/django.po")
    if ".venv" not in path.parts and "node_modules" not in path.parts
)
#: German for other packages' messages that their own catalogues leave in English (wagtail-localize's
#: editor, forms and report): for the office's German admin, so German only; no string of the portal's.
THIRD_PARTY = ROOT / "wegweiser" / "third_party"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
# What splits a message into the words a page shows as they are.
MARKUP = re.compile(PLACEHOLDER.pattern + r"|<[^>]+>|\n")
# Attributes whose text a visitor reads or hears.
READ_ATTRIBUTES = ("placeholder", "aria-label", "title", "alt")
HTML = "{http://www.w3.org/1999/xhtml}"


def test_every_portal_language_has_a_catalogue_for_every_app():
    apps = {path.parents[3] for path in CATALOGUES} - {THIRD_PARTY}
    for app in apps:
        languages = {path.parents[1].name for path in CATALOGUES if path.parents[3] == app}
        assert {code for code, _name in settings.LANGUAGES} <= languages, app


def test_the_third_party_catalogues_are_german_and_translate_wagtails_and_wagtail_localizes_messages():
    """Each of their messages is one of Wagtail's or wagtail-localize's: one an upgrade renamed would be
    German for nothing (the package's English would show again)."""
    catalogues = sorted(THIRD_PARTY.glob("locale/*/LC_MESSAGES/*.po"))
    assert {path.parents[1].name for path in catalogues} == {"de"}
    theirs = set()
    for package in (wagtail, wagtail_localize):
        for compiled in Path(package.__file__).parent.glob("**/locale/*/LC_MESSAGES/*.mo"):
            theirs |= {(compiled.stem, entry.msgctxt, entry.msgid) for entry in polib.mofile(str(compiled))}
    for path in catalogues:
        unknown = [
            entry.msgid
            for entry in polib.pofile(str(path))
            if (path.stem, entry.msgctxt, entry.msgid) not in theirs
        ]
        assert unknown == [], path.name


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_catalogue_is_complete_and_keeps_placeholders(path):
    catalogue = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []
    for entry in catalogue.translated_entries():
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        expected = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for text in translations:
            found = sorted(PLACEHOLDER.findall(text))
            # A plural form for exactly one may write the number as a word ("ein Ergebnis").
            assert set(found) <= set(expected) and (found == expected or entry.msgid_plural), (
                entry.msgid,
                text,
            )


def _translation(entry: polib.POEntry) -> str | tuple[str, ...]:
    """What a catalogue shows for an entry; an empty or fuzzy one shows the English msgid."""
    if not entry.translated() or "fuzzy" in entry.flags:
        return "(untranslated)"
    return tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)) or entry.msgstr


def conflicts(catalogues: list[Path], root: Path = ROOT) -> list[str]:
    """Messages that two catalogues of one language translate differently.

    Django merges every app's catalogue into one per language, so which translation a page shows then
    depends on the order of the catalogues. A message with two meanings needs a context (``pgettext``,
    ``{% translate "..." context "..." %}``), each translated on its own.
    """
    found: dict[tuple[str, str | None, str], dict[str, str | tuple[str, ...]]] = defaultdict(dict)
    for path in catalogues:
        language, catalogue = path.parents[1].name, str(path.parents[3].relative_to(root))
        for entry in polib.pofile(str(path)):
            if not entry.obsolete:
                found[(language, entry.msgctxt, entry.msgid)][catalogue] = _translation(entry)
    problems = []
    for (language, context, msgid), translations in sorted(found.items(), key=lambda item: str(item[0])):
        if len(set(translations.values())) > 1:
            message = f"{msgid!r}" + (f" (context {context!r})" if context else "")
            shown = "; ".join(f"{catalogue}: {text!r}" for catalogue, text in sorted(translations.items()))
            problems.append(f"[{language}] {message} is translated differently: {shown}")
    return problems


def test_a_message_reads_the_same_in_every_catalogue_of_a_language():
    assert conflicts(CATALOGUES) == []


def test_a_conflict_names_the_message_the_language_the_catalogues_and_their_translations(tmp_path):
    translations = {"wegweiser": "назва", "wegweiser/volunteers": "ім’я", "wegweiser/events": ""}
    for app, text in translations.items():
        catalogue = polib.POFile()
        catalogue.append(polib.POEntry(msgid="name", msgstr=text))
        catalogue.append(polib.POEntry(msgctxt="person", msgid="name", msgstr="ім’я"))
        path = tmp_path / app / "locale" / "uk" / "LC_MESSAGES" / "django.po"
        path.parent.mkdir(parents=True)
        catalogue.save(str(path))
    assert conflicts(sorted(tmp_path.glob("**/django.po")), root=tmp_path) == [
        "[uk] 'name' is translated differently: wegweiser: 'назва'; wegweiser/events: '(untranslated)'; "
        "wegweiser/volunteers: 'ім’я'"
    ]


@cache
def untranslated_words(language: str) -> list[str]:
    """What a page in ``language`` shows of a message its catalogues lack: the English msgid, or the German
    translation that Django falls back to (the portal's default language).

    The parts between placeholders and tags, without those the translation keeps as they are (a name such
    as "Leichte Sprache", a format such as "%(km)s km").
    """
    german = {}
    for path in CATALOGUES:
        if path.parents[1].name == settings.LANGUAGE_CODE != language:
            german |= {(entry.msgctxt, entry.msgid): entry for entry in polib.pofile(str(path))}
    words, own = set(), []
    for path in CATALOGUES:
        if path.parents[1].name != language:
            continue
        for entry in polib.pofile(str(path)):
            translated = " ".join([entry.msgstr, *entry.msgstr_plural.values()])
            own.append(translated)
            fallback = german.get((entry.msgctxt, entry.msgid))
            shown_instead = [entry.msgid, entry.msgid_plural]
            if fallback is not None:
                shown_instead += [fallback.msgstr, *fallback.msgstr_plural.values()]
            for text in filter(None, shown_instead):
                parts = (part.strip(" .,:;") for part in MARKUP.split(text))
                words |= {part for part in parts if re.search("[A-Za-z]{2}", part) and part not in translated}
    # A word the language's own translations use ("Telefon" in Turkish too) is not a sign of one missing.
    return sorted(word for word in words if not any(word in text for text in own))


def untranslated_in(texts: list[str], language: str) -> set[str]:
    """Untranslated messages a page's visible strings show: a whole string, or three words or more of one."""
    shown = "\n".join(texts)
    return {
        words
        for words in untranslated_words(language)
        if words in texts or (len(words.split()) >= 3 and words in shown)
    }


def visible_strings(html: str, language: str) -> list[str]:
    """The page's texts and read attributes, without scripts and without parts marked as another language."""
    strings = []

    def walk(element) -> None:
        tag = element.tag.removeprefix(HTML)
        if tag in ("script", "style", "template") or element.get("lang", language) != language:
            return
        strings.extend(element.get(name) for name in READ_ATTRIBUTES if element.get(name))
        if tag == "meta" and element.get("name") == "description":
            strings.append(element.get("content", ""))
        strings.extend(text.strip() for text in (element.text,) if text and text.strip())
        for child in element:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail and child.tail.strip():
                strings.append(child.tail.strip())

    walk(html5lib.parse(html))
    return strings


def newcomer_pages(language: str) -> dict[str, tuple[str, dict | None]]:
    """A visitor's pages in ``language``: every listing type's page, finders, calendar, forms and their errors.

    Each is ``(path, data to post or None)``.
    """
    from tests.site.test_html_validity import sample_paths

    with translation.override(language):
        pages = {name: (f"/{language}{path}", None) for name, path in sample_paths().items()}
        for key, listing_type in listing_types().items():
            listing = listing_type.model.objects.current().filter(locale__language_code="de").order_by("path")
            pages[key] = (f"/{language}{public_path(listing.first())}", None)
        registering = next(
            event
            for event in listing_types()["event"].model.objects.current().filter(locale__language_code="de")
            if event.takes_registrations
        )
        registration = reverse("events:register", kwargs={"pk": registering.pk})
        volunteering = listing_types()["volunteer"].model.objects.current().filter(locale__language_code="de")
        bad_address = {"name": "Amal", "email": "amal-at-example", "consent": "on"}
        pages |= {
            "event registration": (registration, None),
            "event registration with errors": (registration, bad_address),
            "volunteer sign-up with errors": (
                reverse("volunteers:signup", kwargs={"opportunity_id": volunteering.order_by("path")[0].pk}),
                bad_address,
            ),
            "place alert": (reverse("search:place_alert") + "?type=offer&cost=free", None),
            "place alert with errors": (reverse("search:place_alert") + "?type=offer&cost=free", bad_address),
            "data request": (reverse("data_requests:request"), None),
            "data request with errors": (reverse("data_requests:request"), bad_address),
            "search without results": (reverse("search:search") + "?q=qqxyzzy", None),
        }
    return pages


def test_english_and_the_german_fallback_are_found_in_a_page_of_another_language():
    html = (
        '<html lang="ar"><head><meta name="description" content="وصف"></head><body>'
        '<p>Skip to content</p><button aria-label="Search">🔍</button><h1>Ihre Daten</h1>'
        '<p lang="de">Deutsch lernen</p><p lang="en">Your data</p>'
        "<p>أخبرني: Tell me when something matching opens</p></body></html>"
    )
    found = untranslated_in(visible_strings(html, "ar"), "ar")
    assert found == {"Skip to content", "Search", "Ihre Daten", "Tell me when something matching opens"}


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize("key", ["offer", "event"])
def test_the_menu_names_a_listing_type_with_the_word_its_pages_use(language, key):
    """The Turkish menu said "İlanlar" (ads, the word the portal uses for any listing) where every Turkish
    page calls the offers "hizmetler" ("Bu kuruluşun hizmetleri"). Arabic adds its article to the menu name."""
    listing_type = listing_types()[key]
    with translation.override(language):
        menu = str(listing_type.verbose_name_plural).casefold().removeprefix("ال")
        pages = str(listing_type.model._meta.verbose_name_plural).casefold().removeprefix("ال")
    assert menu == pages


@pytest.fixture
def demo(demo_town, db):
    """The demo town, each test in its own savepoint."""


@pytest.mark.parametrize("language", ["ar", "fa", "uk", "ru", "tr", "de"])
def test_interface_is_shown_in_the_visitors_language(client, demo, language):
    with translation.override(language):
        skip = translation.gettext("Skip to content")
    assert skip != "Skip to content"
    assert skip in client.get(f"/{language}/").content.decode()
    untranslated = {}
    for name, (path, data) in newcomer_pages(language).items():
        response = client.post(path, data, follow=True) if data else client.get(path, follow=True)
        assert response.status_code in (200, 400, 429), (name, path, response.status_code)
        assert response.request["PATH_INFO"].startswith(f"/{language}/"), (
            name,
            response.request["PATH_INFO"],
        )
        found = untranslated_in(visible_strings(response.content.decode(), language), language)
        if found:
            untranslated[name] = sorted(found)
    assert untranslated == {}
