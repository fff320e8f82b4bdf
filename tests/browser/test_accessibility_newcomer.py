"""axe-core finds no WCAG 2.1 A/AA violation where a newcomer starts on a phone.

The new home page in the languages the demo translates it into, the finder with its filter panel closed
(as a phone first shows it) and open, and right-to-left pages that show German content.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE, axe_violations
from tests.browser.test_accessibility import public_path
from wegweiser.site.models import ListingIndexPage
from wegweiser.site.registry import listing_types

pytestmark = pytest.mark.browser


@pytest.fixture
def page_on_phone(chromium, live_server):
    """A 360 px phone page into which axe-core may be injected.

    The shared ``axe_violations`` helper adds axe as an inline script, which the portal's
    Content-Security-Policy (``script-src 'self'``) rightly refuses; this context lets the test's own
    script in and changes nothing else about the page.
    """
    context = chromium.new_context(viewport=PHONE, locale="de-DE", service_workers="block", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(45_000)
    yield page
    context.close()


def german_only(key: str):
    """A current listing of this type that has no Arabic or Persian translation (shown in German there)."""
    listings = (
        listing_types()[key].model.objects.current().filter(locale__language_code="de").order_by("path")
    )
    listing = next(
        (
            listing
            for listing in listings
            if not {"ar", "fa"} & {page.locale.language_code for page in listing.get_translations()}
        ),
        None,
    )
    assert listing is not None, f"the demo town has a {key} listing only in German"
    return listing


@pytest.mark.parametrize("language", ["de", "ar", "fa", "uk"])
def test_home_page_has_no_accessibility_violations(page_on_phone, live_server, demo_town, language):
    response = page_on_phone.goto(f"{live_server.url}/{language}/")
    assert response.status == 200
    assert page_on_phone.locator("html").get_attribute("lang") == language
    assert axe_violations(page_on_phone) == []


@pytest.mark.parametrize("language", ["de", "ar"])
def test_finder_with_its_filter_panel_closed_and_open_has_no_accessibility_violations(
    page_on_phone, live_server, demo_town, language
):
    finder = ListingIndexPage.objects.get(listing_type="offer", locale__language_code="de")
    page = page_on_phone
    page.goto(f"{live_server.url}/{language}{public_path(finder)}?cost=free")
    panel = page.locator("details.filter-panel").first
    assert panel.get_attribute("open") is None, "a phone first shows the results, the filters closed"
    assert axe_violations(page) == []
    panel.locator("summary").click()
    assert panel.get_attribute("open") is not None
    assert panel.locator('input[name="cost"]').first.is_visible()
    assert axe_violations(page) == []

    # A screen reader hears the new count from a status line that stays on the page (the results' own live
    # region was swapped out with them, so nothing was said), while the focus stays on the box.
    box = panel.locator('input[type="checkbox"]').first
    box.focus()
    page.keyboard.press("Space")
    heading = page.locator("[data-finder-count]")
    status = page.locator('body > p[role="status"]')
    page.wait_for_function(
        "() => document.querySelector('body > p[role=status]').textContent !== ''", timeout=10_000
    )
    assert status.text_content() == heading.text_content().strip()
    assert page.evaluate("document.activeElement.type") == "checkbox"
    # Escape closes the panel and gives the focus back to its toggle
    page.keyboard.press("Escape")
    assert panel.get_attribute("open") is None
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    # "Show results" closes it and takes the focus past the filters to the count
    page.keyboard.press("Enter")
    page.locator("[data-show-results]").click()
    page.wait_for_function("() => document.activeElement.hasAttribute('data-finder-count')", timeout=10_000)
    assert page.locator("details.filter-panel").first.get_attribute("open") is None


@pytest.mark.parametrize("language", ["ar", "fa"])
@pytest.mark.parametrize("key", ["offer", "event"])
def test_right_to_left_page_with_german_content_has_no_accessibility_violations(
    page_on_phone, live_server, demo_town, language, key
):
    listing = german_only(key)
    page = page_on_phone
    response = page.goto(f"{live_server.url}/{language}{public_path(listing)}")
    assert response.status == 200
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator('main [lang="de"]').count() > 0, "the German content is marked as German"
    assert axe_violations(page) == []
