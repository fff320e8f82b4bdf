"""Every interface string is translated into every portal language (issue: newcomers' languages)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(
    path
    for path in ROOT.glob("**/locale/*/LC_MESSAGES/django.po")
    if ".venv" not in path.parts and "node_modules" not in path.parts
)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def test_every_portal_language_has_a_catalogue_for_every_app():
    apps = {path.parents[3] for path in CATALOGUES}
    for app in apps:
        languages = {path.parents[1].name for path in CATALOGUES if path.parents[3] == app}
        assert {code for code, _name in settings.LANGUAGES} <= languages, app


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_catalogue_is_complete_and_keeps_placeholders(path):
    catalogue = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []
    for entry in catalogue.translated_entries():
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        expected = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for translation in translations:
            found = sorted(PLACEHOLDER.findall(translation))
            # A plural form for exactly one may write the number as a word ("ein Ergebnis").
            assert set(found) <= set(expected) and (found == expected or entry.msgid_plural), (
                entry.msgid,
                translation,
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
    for app, translation in translations.items():
        catalogue = polib.POFile()
        catalogue.append(polib.POEntry(msgid="name", msgstr=translation))
        catalogue.append(polib.POEntry(msgctxt="person", msgid="name", msgstr="ім’я"))
        path = tmp_path / app / "locale" / "uk" / "LC_MESSAGES" / "django.po"
        path.parent.mkdir(parents=True)
        catalogue.save(str(path))
    assert conflicts(sorted(tmp_path.glob("**/django.po")), root=tmp_path) == [
        "[uk] 'name' is translated differently: wegweiser: 'назва'; wegweiser/events: '(untranslated)'; "
        "wegweiser/volunteers: 'ім’я'"
    ]


@pytest.mark.parametrize("language", ["ar", "fa", "uk", "ru", "tr", "de"])
def test_interface_is_shown_in_the_visitors_language(client, home, language):
    from django.utils import translation

    with translation.override(language):
        skip = translation.gettext("Skip to content")
    assert skip != "Skip to content"
    html = client.get(f"/{language}/").content.decode()
    assert skip in html
