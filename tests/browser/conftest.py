"""Browser tests: Playwright for Python drives Debian's Chromium against the live test server."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from wagtail.users.models import UserProfile

from wegweiser.plugin_api.testing import forget_cached_rows
from wegweiser.plugin_api.testing.databases import alone_on_the_database
from wegweiser.site.models.pages import office_group_name

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
#: The password of the users the tests log in with.
PASSWORD = "correct horse battery"

# Playwright's sync API runs an event loop in this thread; the Django test database calls are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install_browser.sh (make test does).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class NetworkLog:
    """Every request the page makes, so a test can assert none left the portal's own host."""

    def __init__(self, allowed_host: str):
        self.allowed_host = allowed_host
        self.urls: list[str] = []

    def record(self, request) -> None:
        self.urls.append(request.url)

    def foreign(self) -> list[str]:
        foreign = []
        for url in self.urls:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.hostname != self.allowed_host:
                foreign.append(url)
        return foreign


@pytest.fixture
def page_on_phone(chromium, live_server):
    context = chromium.new_context(viewport=PHONE, locale="de-DE", service_workers="block")
    page = context.new_page()
    network = NetworkLog(urlsplit(live_server.url).hostname)
    page.on("request", network.record)
    page.network = network
    page.set_default_timeout(45_000)
    yield page
    context.close()
    assert network.foreign() == [], f"requests left {network.allowed_host}: {network.foreign()}"


@pytest.fixture
def office_in_german(chromium, live_server, demo_town):
    """A member of the office, German admin, logged in on a desktop-wide page of the demo town."""
    office = get_user_model().objects.create_user("buero", "buero@example.org", PASSWORD)
    office.groups.add(Group.objects.get(name=office_group_name()))
    profile = UserProfile.get_for_user(office)
    profile.preferred_language = "de"
    profile.save()
    context = chromium.new_context(viewport=DESKTOP, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(45_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.locator('input[name="username"]').fill("buero")
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('form button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/admin/$"))
    yield page
    context.close()


@pytest.fixture
def demo_town(demo_rows, transactional_db):
    """The demo town, committed so the live server's threads see it; the flush after the test removes it.

    Every table is written back (the previous browser test's flush emptied them), from the session's copy.
    """
    with transaction.atomic():
        demo_rows.complete.restore(connection)
    forget_cached_rows()
    yield
    forget_cached_rows()
    # A request the browser left running (a save, the editor's ping) held locks the flush waited for: deadlock.
    alone_on_the_database()


def axe_violations(page) -> list[dict]:
    # By URL from the portal itself: the Content-Security-Policy (own origin only) refuses inline scripts.
    page.add_script_tag(url=urljoin(page.url, "/static/vendor/axe-core/axe.min.js"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
