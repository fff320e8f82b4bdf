"""The example proves the plugin API only if it uses nothing a third party could not: its package imports
``wegweiser.plugin_api`` (docs/plugins.md §9) and nothing else of Wegweiser; its tests add the fixtures of
``wegweiser.plugin_api.testing``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import wegweiser_housing
from django.core.management import call_command

PUBLIC_CORE_MODULES = {"wegweiser.plugin_api"}
TEST_MODULES = {"wegweiser.plugin_api.testing"}
PACKAGE_DIR = Path(wegweiser_housing.__file__).parent
TESTS_DIR = Path(__file__).parent


def wegweiser_imports(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return {module for module in modules if module == "wegweiser" or module.startswith("wegweiser.")}


@pytest.mark.parametrize(
    "path", sorted(PACKAGE_DIR.rglob("*.py")), ids=lambda path: str(path.relative_to(PACKAGE_DIR))
)
def test_housing_plugin_imports_only_the_public_plugin_api(path):
    assert wegweiser_imports(path) <= PUBLIC_CORE_MODULES


@pytest.mark.parametrize("path", sorted(TESTS_DIR.glob("*.py")), ids=lambda path: path.name)
def test_housing_tests_import_only_the_plugin_api_and_its_fixtures(path):
    assert wegweiser_imports(path) <= PUBLIC_CORE_MODULES | TEST_MODULES


def test_guard_notices_an_import_of_core_internals(tmp_path):
    module = tmp_path / "shortcut.py"
    module.write_text(
        "from wegweiser.plugin_api import Listing\nfrom wegweiser.site.setup import ensure_portal\n"
        "from wegweiser.search import views\n"
    )
    assert wegweiser_imports(module) - PUBLIC_CORE_MODULES == {"wegweiser.site.setup", "wegweiser.search"}


def test_housing_migrations_match_the_models(db):
    call_command("makemigrations", "wegweiser_housing", check=True, dry_run=True, verbosity=0)
