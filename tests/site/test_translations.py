"""Every interface string is translated into every portal language (issue: newcomers' languages)."""

from __future__ import annotations

import re
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


@pytest.mark.parametrize("language", ["ar", "fa", "uk", "ru", "tr", "de"])
def test_interface_is_shown_in_the_visitors_language(client, home, language):
    from django.utils import translation

    with translation.override(language):
        skip = translation.gettext("Skip to content")
    assert skip != "Skip to content"
    html = client.get(f"/{language}/").content.decode()
    assert skip in html
