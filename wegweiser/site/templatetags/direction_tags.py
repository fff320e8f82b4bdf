"""Language and text direction of what a public page shows, so German content reads right on rtl pages.

Untranslated content (a German listing, a term without translation) is marked with its language and
direction; numbers, times, phone numbers and e-mail addresses are isolated left-to-right, because inside
an Arabic or Persian sentence the bidi algorithm would otherwise reorder "05561 2210" into "2210 05561".
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from django import template
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from modelcluster.models import get_all_child_relations
from wagtail.models import Page

from wegweiser.site import listings
from wegweiser.site.taxonomy_labels import TermName, localized_label

register = template.Library()


def content_language(obj, text: str = "") -> str | None:
    """The language ``obj`` is written in: a term name's, a page's locale, the ``language`` code an item of
    a list carries for its listing (a calendar line), else None (unknown).

    With ``text`` (one of a translated page's texts): German if the text is still its German original's,
    as wagtail-localize publishes a segment nobody translated (a date's note, a cancellation reason).
    """
    if isinstance(obj, TermName):
        return obj.lang
    locale = getattr(obj, "locale", None)
    if locale is not None:
        language = getattr(locale, "language_code", None)
    else:
        language = getattr(obj, "language", None)
        language = language if isinstance(language, str) and language else None
    default = settings.LANGUAGE_CODE
    if text and language and language != default:
        page = obj if isinstance(obj, Page) else getattr(obj, "page", None)
        if isinstance(page, Page) and str(text) in original_texts(page):
            return default
    return language


def original_texts(page: Page) -> frozenset[str]:
    """The texts of ``page``'s German original and of its child objects (course dates, changed dates),
    read once per page instance."""
    if getattr(page, "_original_texts", None) is None:
        load_original_texts([page])
    return page._original_texts


def load_original_texts(pages: Iterable[Page]) -> None:
    """Read the German originals' texts of many pages at once: one query per page type and child relation,
    so that a list of translated items (the calendar) that marks their notes costs no query per item."""
    by_model: dict[type, dict] = {}
    for page in pages:
        if getattr(page, "_original_texts", None) is None:
            by_model.setdefault(type(page), {}).setdefault(page.translation_key, []).append(page)
    for model, by_key in by_model.items():
        relations = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
        originals = {
            original.translation_key: original
            for original in model.objects.filter(
                translation_key__in=list(by_key), locale__language_code=settings.LANGUAGE_CODE
            ).prefetch_related(*relations)
        }
        for key, group in by_key.items():
            original = originals.get(key)
            rows = [original] if original else []
            if original:
                for relation in relations:
                    rows += getattr(original, relation).all()
            texts = frozenset(
                value
                for row in rows
                for field in row._meta.concrete_fields
                if isinstance(field, models.CharField | models.TextField)
                and isinstance(value := getattr(row, field.attname), str)
                and value
            )
            for page in group:
                page._original_texts = texts


@register.filter("direction")
def direction_of(language: str) -> str:
    """``{{ locale.language_code|direction }}``: the ``dir`` of text in ``language``, "rtl" or "ltr"."""
    return "rtl" if language in settings.LANGUAGES_BIDI else "ltr"


#: Unicode's isolates: what ``<bdi>`` (first strong letter), ``<bdi dir="ltr">`` and ``<bdi dir="rtl">`` do
#: in text that cannot hold markup, then the mark that closes any of them.
ISOLATE_OPENINGS = {"": "\u2068", "ltr": "\u2066", "rtl": "\u2067"}
POP_ISOLATE = "\u2069"


def isolate_text(value, direction: str = "") -> str:
    """``value`` isolated inside a plain-text sentence (a form's message or label), as ``<bdi>`` does in HTML:
    in Arabic "e.g. 0171 2345678" read "2345678 0171" and "Caritasverband Neustadt e.V." ".Neustadt e.V"."""
    return f"{ISOLATE_OPENINGS[direction]}{value}{POP_ISOLATE}"


@register.filter
def isolated(value) -> str:
    """``{{ name|isolated }}``: :func:`isolate_text` in a plain-text template (a mail), where ``<bdi>`` cannot go."""
    if value in (None, ""):
        return ""
    return isolate_text(value)


def list_separator_text() -> str:
    """The comma between items of a list in the active language: "، " in Arabic and Persian, ", " elsewhere."""
    return translation.pgettext("list separator", ", ")


@register.simple_tag
def list_separator() -> str:
    """``{% list_separator %}`` between the items of a sentence-like list (weekday and date, terms, times)."""
    return list_separator_text()


@register.filter
def join_list(values) -> str:
    """``{{ words|join_list }}``: the items joined with the active language's list separator."""
    return list_separator_text().join(str(value) for value in values)


@register.simple_tag
def lang_attrs(obj, text: str = "", page_direction: bool = False) -> SafeString:
    """`` lang=".." dir=".."`` when ``obj`` is written in another language than the page, else nothing.

    Used on the element that holds a listing's own text: ``<p{% lang_attrs listing %}>``; with the text, for
    a translation's text that may still be German: ``<span{% lang_attrs page page.status_note %}>``. With
    ``page_direction=True`` only ``lang``: the element aligns with the page, a ``<bdi>`` inside isolates it.
    """
    language = content_language(obj, text)
    if not language or language == translation.get_language():
        return mark_safe("")
    if page_direction:
        return format_html(' lang="{}"', language)
    return format_html(' lang="{}" dir="{}"', language, direction_of(language))


@register.simple_tag
def language_name(obj) -> str:
    """ "Text in German" (in the page's language) when ``obj`` (a listing, a calendar line, a next date) is shown
    in another language than the page, as nobody translated it yet, else nothing: the title alone did not
    tell a newcomer before opening it."""
    language = content_language(obj)
    if not language or language == translation.get_language():
        return ""
    if language == settings.LANGUAGE_CODE:
        return translation.gettext("Text in German")
    return listings.language_name(language)


@register.simple_tag
def language_note(listing) -> SafeString:
    """``<li>In German</li>`` among a card's details (:func:`language_name`), else nothing."""
    name = language_name(listing)
    return format_html('<li class="tag--written-in">{}</li>', name) if name else mark_safe("")


@register.filter
def term(value) -> SafeString:
    """A taxonomy term (or its :class:`TermName`) in the visitor's language, marked if still German; any
    other label (a filter's choice: "free", "A1") as it is, so a list of choices shows every kind one way."""
    if not isinstance(value, TermName) and not hasattr(value, "slug"):
        return format_html("{}", value)
    name = value if isinstance(value, TermName) else localized_label(value)
    if name.lang == translation.get_language():
        return format_html("{}", name)
    return format_html('<span lang="{}" dir="{}">{}</span>', name.lang, direction_of(name.lang), name)


@register.filter
def written_in(value, source) -> SafeString:
    """``value`` (text of ``source``, e.g. a listing's title inside a sentence), marked if in another language."""
    attrs = lang_attrs(source)
    if not attrs:
        return format_html("<bdi>{}</bdi>", value)
    return format_html("<bdi{}>{}</bdi>", attrs, value)


def _isolated(html: str, value) -> SafeString:
    """``value`` in ``html`` (a ``<bdi>`` with its attributes), or nothing where there is no value."""
    if value in (None, ""):
        return mark_safe("")
    return format_html(html, value)


@register.filter
def ltr(value) -> SafeString:
    """Numbers, times and codes always run left to right, isolated from the sentence around them."""
    return _isolated('<bdi dir="ltr">{}</bdi>', value)


@register.filter
def bdi(value) -> SafeString:
    """A date or figure isolated in its own direction (from its first letter), so a range keeps its order."""
    return _isolated("<bdi>{}</bdi>", value)


@register.filter
def proper_name(value) -> SafeString:
    """A person's name: isolated in its own direction and marked as not to be translated."""
    return _isolated('<bdi translate="no">{}</bdi>', value)


@register.simple_tag
def phone_link(number: str) -> SafeString:
    """A tappable phone number, its digit groups kept in order on rtl pages."""
    if not number:
        return mark_safe("")
    dialable = "".join(char for char in number if char.isdigit() or char == "+")
    return format_html('<a href="tel:{}" dir="ltr" class="ltr-value">{}</a>', dialable, number)


@register.simple_tag
def email_link(address: str) -> SafeString:
    """A mailto link, the address isolated left to right and marked as not to be translated."""
    if not address:
        return mark_safe("")
    return format_html(
        '<a href="mailto:{}" dir="ltr" translate="no" class="ltr-value">{}</a>',
        quote(address, safe="@"),
        address,
    )


@register.simple_tag
def web_link(url: str, label: str = "") -> SafeString:
    """An external link; a bare URL as its text is isolated left to right and not to be translated."""
    if not url:
        return mark_safe("")
    if label:
        return format_html('<a href="{}" rel="noopener">{}</a>', url, label)
    return format_html(
        '<a href="{}" rel="noopener" dir="ltr" translate="no" class="ltr-value">{}</a>', url, url
    )
