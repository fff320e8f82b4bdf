"""wagtail-localize's translation editor, a React app drawn in the browser, as the office uses it in Arabic.

The server-side test (tests/site/test_translation_walkthrough.py) reads the languages the page gives its
script; only a browser shows that the script finds the app's texts (and finds them again after an upgrade of
wagtail-localize): Arabic typed and shown right to left, the German source left to right, German headings.
"""

from __future__ import annotations

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from wegweiser.site.registry import listing_types

pytestmark = pytest.mark.browser

TRANSLATED_SUMMARY = "استشارة للمهاجرين (MBE) في Neustadt."

#: Where the first and the last letter of ``text`` land on the screen, in the translated text that shows it.
LETTER_POSITIONS = """
text => {
    const shown = [...document.querySelectorAll('.js-translation-editor p')].find(p => p.textContent === text);
    if (!shown) return null;
    const left = offset => {
        const range = document.createRange();
        range.setStart(shown.firstChild, offset);
        range.setEnd(shown.firstChild, offset + 1);
        return range.getClientRects()[0].left;
    };
    return {first: left(0), last: left(text.length - 1)};
}
"""


def test_the_office_types_and_reads_an_arabic_translation_right_to_left_under_german_headings(
    office_in_german, live_server
):
    offer = (
        listing_types()["offer"]
        .model.objects.current()
        .filter(locale__language_code="de")
        .order_by("path")
        .first()
    )
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    source, _created = TranslationSource.get_or_create_from_instance(offer)
    Translation.objects.create(source=source, target_locale=arabic).save_target()
    page = office_in_german

    page.goto(f"{live_server.url}/admin/pages/{offer.get_translation(arabic).pk}/edit/")
    summary = page.locator(".js-translation-editor li", has_text=offer.summary).last
    summary.get_by_role("button", name="Übersetzen").click()
    text_box = summary.locator("textarea")
    text_box.fill(TRANSLATED_SUMMARY)

    # Typed right to left, in Arabic; the German it translates stays left to right.
    assert text_box.evaluate("box => getComputedStyle(box).direction") == "rtl"
    assert text_box.evaluate("box => box.closest('[lang]').lang") == "ar"
    german = summary.get_by_text(offer.summary, exact=True)
    assert (german.get_attribute("lang"), german.get_attribute("dir")) == ("de", "ltr")

    # Saved, it is shown right to left: the full stop at its end is its leftmost letter.
    text_box.press("Enter")
    page.get_by_text(TRANSLATED_SUMMARY, exact=True).wait_for()
    positions = page.evaluate(LETTER_POSITIONS, TRANSLATED_SUMMARY)
    assert positions["last"] < positions["first"]

    headings = page.locator(".js-translation-editor section h3").all_inner_texts()
    assert "Übersetzung Deutsch → العربية" in headings
    assert not [heading for heading in headings if "translation" in heading]
    assert page.locator(".js-translation-editor .w-sr-only").all_text_contents() == ["Mehr Aktionen"]
