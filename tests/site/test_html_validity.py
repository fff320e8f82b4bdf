"""The public pages are valid HTML5, so browsers and assistive technology read them the same way.

Each page is parsed with html5lib (the HTML5 parsing algorithm, which reports misnested and unclosed
elements) and fails on a parse error, an attribute HTML5 does not define for its element (``data-*``,
``aria-*`` and ``role`` are allowed), an empty ``action=""`` and a duplicate id.
"""

from __future__ import annotations

import html5lib
import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.test_accessibility import public_path
from wegweiser.site.models import HomePage, ListingIndexPage, OrganisationPage
from wegweiser.site.registry import listing_types

GLOBAL = {
    "accesskey", "autocapitalize", "autofocus", "class", "contenteditable", "dir", "draggable",
    "enterkeyhint", "hidden", "id", "inert", "inputmode", "is", "itemid", "itemprop", "itemref",
    "itemscope", "itemtype", "lang", "nonce", "popover", "role", "slot", "spellcheck", "style",
    "tabindex", "title", "translate", "xmlns",
}  # fmt: skip
INPUT = {
    "accept", "alt", "autocomplete", "checked", "dirname", "disabled", "form", "formaction",
    "formenctype", "formmethod", "formnovalidate", "formtarget", "height", "list", "max", "maxlength",
    "min", "minlength", "multiple", "name", "pattern", "placeholder", "readonly", "required", "size",
    "src", "step", "type", "value", "width",
}  # fmt: skip
ELEMENT = {
    "a": {"href", "target", "download", "ping", "rel", "hreflang", "type", "referrerpolicy"},
    "area": {"alt", "coords", "shape", "href", "target", "download", "ping", "rel", "referrerpolicy"},
    "audio": {"src", "crossorigin", "preload", "autoplay", "loop", "muted", "controls"},
    "base": {"href", "target"},
    "blockquote": {"cite"},
    "button": {"disabled", "form", "formaction", "formenctype", "formmethod", "formnovalidate",
               "formtarget", "name", "popovertarget", "popovertargetaction", "type", "value"},
    "col": {"span"},
    "colgroup": {"span"},
    "data": {"value"},
    "del": {"cite", "datetime"},
    "details": {"name", "open"},
    "dialog": {"open"},
    "embed": {"src", "type", "width", "height"},
    "fieldset": {"disabled", "form", "name"},
    "form": {"accept-charset", "action", "autocomplete", "enctype", "method", "name", "novalidate",
             "rel", "target"},
    "html": {"manifest"},
    "iframe": {"src", "srcdoc", "name", "sandbox", "allow", "allowfullscreen", "width", "height",
               "referrerpolicy", "loading"},
    "img": {"alt", "src", "srcset", "sizes", "crossorigin", "usemap", "ismap", "width", "height",
            "referrerpolicy", "decoding", "loading", "fetchpriority"},
    "input": INPUT,
    "ins": {"cite", "datetime"},
    "label": {"for"},
    "li": {"value"},
    "link": {"href", "crossorigin", "rel", "media", "integrity", "hreflang", "type", "referrerpolicy",
             "sizes", "imagesrcset", "imagesizes", "as", "blocking", "color", "disabled",
             "fetchpriority"},
    "map": {"name"},
    "meta": {"name", "http-equiv", "content", "charset", "media"},
    "meter": {"value", "min", "max", "low", "high", "optimum"},
    "object": {"data", "type", "name", "form", "width", "height"},
    "ol": {"reversed", "start", "type"},
    "optgroup": {"disabled", "label"},
    "option": {"disabled", "label", "selected", "value"},
    "output": {"for", "form", "name"},
    "progress": {"value", "max"},
    "q": {"cite"},
    "script": {"src", "type", "nomodule", "async", "defer", "crossorigin", "integrity",
               "referrerpolicy", "blocking", "fetchpriority"},
    "select": {"autocomplete", "disabled", "form", "multiple", "name", "required", "size"},
    "slot": {"name"},
    "source": {"type", "media", "src", "srcset", "sizes", "width", "height"},
    "style": {"media", "blocking"},
    "td": {"colspan", "rowspan", "headers"},
    "template": {"shadowrootmode", "shadowrootdelegatesfocus", "shadowrootclonable",
                 "shadowrootserializable"},
    "textarea": {"autocomplete", "cols", "dirname", "disabled", "form", "maxlength", "minlength",
                 "name", "placeholder", "readonly", "required", "rows", "wrap"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "time": {"datetime"},
    "track": {"default", "kind", "label", "src", "srclang"},
    "video": {"src", "crossorigin", "poster", "preload", "autoplay", "playsinline", "loop", "muted",
              "controls", "width", "height"},
}  # fmt: skip
HTML_NAMESPACE = "{http://www.w3.org/1999/xhtml}"


def _first_current(key: str):
    listing = listing_types()[key].model.objects.current().filter(locale__language_code="de").order_by("path")
    return listing.first()


def sample_paths() -> dict[str, str]:
    """One German page of each type the issue names, as paths without the language prefix."""
    home = HomePage.objects.get(locale__language_code="de")
    offer_finder = ListingIndexPage.objects.get(listing_type="offer", locale__language_code="de")
    registering = next(
        event
        for event in listing_types()["event"].model.objects.current().filter(locale__language_code="de")
        if event.takes_registrations
    )
    organisation = OrganisationPage.objects.descendant_of(home).filter(locale__language_code="de").first()
    return {
        "home": "/",
        "offer finder": public_path(offer_finder) + "?cost=free",
        "search": "/search/?q=deutsch",
        "offer": public_path(_first_current("offer")),
        "event": public_path(_first_current("event")),
        "event taking registrations": public_path(registering),
        "volunteer opportunity": public_path(_first_current("volunteer")),
        "organisation": public_path(organisation),
        "event list by day": "/kalender/",
        "event month calendar": "/kalender/monat/",
    }


def problems_in(html: str) -> list[str]:
    """Parse errors, non-standard attributes, empty form actions and duplicate ids of one page."""
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=True)
    document = parser.parse(html)
    lines = html.splitlines()
    problems = []
    for (line, column), code, data in parser.errors:
        source = lines[line - 1][max(column - 60, 0) : column + 20] if 0 < line <= len(lines) else ""
        problems.append(f"line {line}: {code} {data or ''} near {source.strip()!r}")
    seen_ids: set[str] = set()
    for element in document.iter():
        if not isinstance(element.tag, str) or not element.tag.startswith(HTML_NAMESPACE):
            continue  # comments, and SVG/MathML, whose attributes HTML does not define
        tag = element.tag.removeprefix(HTML_NAMESPACE)
        allowed = GLOBAL | ELEMENT.get(tag, set())
        for name, value in element.attrib.items():
            plain = name if isinstance(name, str) else name[1]
            if plain.startswith(("data-", "aria-")) or plain in allowed:
                continue
            problems.append(f"<{tag}> has the non-standard attribute {plain}={value!r}")
        if tag == "form" and "action" in element.attrib and not element.attrib["action"].strip():
            problems.append(f"<form> has an empty action: {element.attrib}")
        element_id = element.attrib.get("id")
        if element_id is not None:
            if element_id in seen_ids:
                problems.append(f'duplicate id="{element_id}" on <{tag}>')
            seen_ids.add(element_id)
    return problems


@pytest.fixture
def demo(demo_town, db):
    """The demo town, each test in its own savepoint."""


@pytest.mark.parametrize("language", ["de", "ar"])
def test_public_pages_are_valid_html5(client, demo, language):
    failures = {}
    for name, path in sample_paths().items():
        response = client.get(f"/{language}{path}", follow=True)
        assert response.status_code == 200, (name, path, response.status_code)
        problems = problems_in(response.content.decode())
        if problems:
            failures[name] = problems
    assert failures == {}


def test_the_event_registration_form_is_valid_html5(client, demo):
    event = next(
        event
        for event in listing_types()["event"].model.objects.current().filter(locale__language_code="de")
        if event.takes_registrations
    )
    for language in ("de", "ar"):
        with translation.override(language):
            form_url = reverse("events:register", kwargs={"pk": event.pk})
        response = client.get(form_url)
        assert response.status_code == 200, form_url
        assert problems_in(response.content.decode()) == []


def test_the_checker_catches_what_it_is_meant_to():
    """The checker itself: a misnested element, an hx- attribute, an empty action and a duplicate id."""
    html = (
        '<!DOCTYPE html><html lang="de"><head><title>t</title></head><body>'
        '<form action="" hx-get="/x"><p id="a"><b>bold<i>both</b></i></p><p id="a"></p></form>'
        "</body></html>"
    )
    problems = problems_in(html)
    assert any("hx-get" in problem for problem in problems)
    assert any("empty action" in problem for problem in problems)
    assert any('duplicate id="a"' in problem for problem in problems)
    assert any("end-tag" in problem or "adoption" in problem for problem in problems)
