"""Every string the templates, the Python code and the scripts show is in all seven catalogues, translated.

The catalogue test checks the catalogues; this one checks the source against them: it runs ``makemessages``
(Python/templates and JavaScript) the way ``scripts/messages.sh extract`` does, on a copy of the tree in a
temporary folder, and compares what it finds with the committed catalogues, which it never touches.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "wegweiser"
EXAMPLE = ROOT / "examples" / "wegweiser-housing" / "wegweiser_housing"
DOMAINS = ("django", "djangojs")
SKIPPED = shutil.ignore_patterns("locale", "__pycache__", "vendor", "node_modules", "media")


def _source_trees() -> list[tuple[Path, set[str]]]:
    """``(folder with a locale/ of its own, its sub-folders that have their own)``, as messages.sh runs them.

    The apps are left out of the core's copy rather than ignored by name: ``-i search/*`` would also skip
    ``templates/search/``, whose strings belong to the core catalogue.
    """
    apps = sorted(path.parent for path in PACKAGE.glob("*/locale") if path.is_dir())
    return [(PACKAGE, {app.name for app in apps}), *((app, set()) for app in apps), (EXAMPLE, set())]


def _copy(tree: Path, apps: set[str], scratch: Path) -> Path:
    copy = scratch / tree.relative_to(ROOT)
    if copy.exists():
        shutil.rmtree(copy)

    def skipped(folder: str, names: list[str]) -> set[str]:
        own = {name for name in names if name in apps} if Path(folder) == tree else set()
        return own | set(SKIPPED(folder, names))

    shutil.copytree(tree, copy, ignore=skipped)
    (copy / "locale").mkdir(exist_ok=True)
    return copy


def _extract(domain: str) -> list[polib.POEntry]:
    """``makemessages`` in the current folder (a copy), into its own empty ``locale/``."""
    with override_settings(LOCALE_PATHS=[]):
        call_command(
            "makemessages",
            locale=["de"],
            domain=domain,
            ignore_patterns=["static/vendor/*"],
            no_location=True,
            no_obsolete=True,
            verbosity=0,
        )
    extracted = Path("locale") / "de" / "LC_MESSAGES" / f"{domain}.po"
    return list(polib.pofile(str(extracted))) if extracted.exists() else []


def _problems(tree: Path, entries: list[polib.POEntry], domain: str) -> list[str]:
    problems = []
    for language, _name in settings.LANGUAGES:
        path = tree / "locale" / language / "LC_MESSAGES" / f"{domain}.po"
        committed = {}
        if path.exists():
            committed = {(entry.msgctxt, entry.msgid): entry for entry in polib.pofile(str(path))}
        for entry in entries:
            found = committed.get((entry.msgctxt, entry.msgid))
            if found is None or found.obsolete:
                problems.append(f"{path.relative_to(ROOT)}: missing {entry.msgid!r}")
            elif not found.translated() or "fuzzy" in found.flags:
                problems.append(f"{path.relative_to(ROOT)}: untranslated {entry.msgid!r}")
    return problems


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_extracted_string_is_translated_in_every_language(domain, tmp_path, monkeypatch):
    problems = []
    for tree, apps in _source_trees():
        monkeypatch.chdir(_copy(tree, apps, tmp_path))
        problems += _problems(tree, _extract(domain), domain)
    assert problems == []
