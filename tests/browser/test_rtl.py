"""On an Arabic or Persian page, German phone numbers and clock times keep their visual order.

Checked where the glyphs land on the screen (the first digit of "05561 2210" left of the last), not in
the markup: without isolation the bidi algorithm shows "2210 05561" and "12:00–10:00" inside rtl text.
"""

from __future__ import annotations

import pytest

from tests.browser.test_accessibility import public_path
from wegweiser.events.recurrence import BERLIN
from wegweiser.site.registry import listing_types

pytestmark = pytest.mark.browser

GLYPH_POSITIONS = """
needle => {
    const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(needle);
        if (at < 0) continue;
        const left = offset => {
            const range = document.createRange();
            range.setStart(node, at + offset);
            range.setEnd(node, at + offset + 1);
            return range.getClientRects()[0].left;
        };
        return {first: left(0), last: left(needle.length - 1)};
    }
    return null;
}
"""


def reads_left_to_right(page, text: str) -> bool:
    positions = page.evaluate(GLYPH_POSITIONS, text)
    assert positions is not None, f"{text!r} is not on {page.url}"
    return positions["first"] < positions["last"]


def test_phone_number_and_time_range_keep_their_order_on_arabic_and_persian_pages(
    page_on_phone, live_server, demo_town
):
    offer = (
        listing_types()["offer"]
        .model.objects.current()
        .filter(locale__language_code="de")
        .exclude(contact_phone="")
        .order_by("-contact_phone")
        .first()
    )
    event = next(
        event
        for event in listing_types()["event"]
        .model.objects.current()
        .filter(locale__language_code="de", all_day=False)
        .order_by("path")
        if event.next_occurrence is not None and event.next_occurrence.end is not None
    )
    occurrence = event.next_occurrence
    clock = f"{occurrence.start.astimezone(BERLIN):%H:%M}–{occurrence.end.astimezone(BERLIN):%H:%M}"
    page = page_on_phone
    for language in ("ar", "fa"):
        page.goto(f"{live_server.url}/{language}{public_path(offer)}")
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert reads_left_to_right(page, offer.contact_phone), f"phone number reversed in {language}"
        page.goto(f"{live_server.url}/{language}{public_path(event)}")
        assert reads_left_to_right(page, clock), f"time range reversed in {language}"
