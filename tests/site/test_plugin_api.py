"""The one module plugins import: every name it promises loads, and the plugin guide lists exactly those."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import wegweiser.plugin_api as plugin_api

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "plugins.md"


def documented_names() -> set[str]:
    """The names in the table of §9's `wegweiser.plugin_api` section (the first backticked word of a cell
    item, so ``localized(queryset, locale)`` counts as ``localized``)."""
    section = GUIDE.read_text().split("### `wegweiser.plugin_api`", 1)[1].split("\nTemplates:", 1)[0]
    names = set()
    for row in section.splitlines():
        if row.startswith("| ") and not row.startswith(("| group", "|---")):
            names |= {
                re.match(r"[A-Za-z_]+", code).group() for code in re.findall(r"`([^`]+)`", row.split("|")[2])
            }
    return names


def test_every_name_of_the_plugin_api_loads(db):
    missing = [name for name in plugin_api.__all__ if getattr(plugin_api, name, None) is None]
    assert missing == []


def test_the_plugin_guide_documents_exactly_the_plugin_api():
    assert documented_names() == set(plugin_api.__all__)


def test_an_unknown_name_says_where_the_api_is_documented():
    with pytest.raises(AttributeError, match="docs/plugins.md"):
        plugin_api.send_mail  # noqa: B018 - the attribute access is the test


def test_importing_the_plugin_api_loads_no_model():
    """``apps.py`` imports it while Django loads apps: importing it must not need the app registry."""
    code = "import wegweiser.plugin_api, sys; print(any(m.startswith('wegweiser.site') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
