"""What a public page's ``<head>`` tells browsers and search engines: its description and its URLs.

Search engines show the description under the page's title and take the canonical and ``hreflang`` URLs
as they are, so those are absolute (scheme and host of the request, which a proxy's
``X-Forwarded-Proto`` sets in production).
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Locale, Page

from wegweiser.site.page_tree_cache import cached_navigation
from wegweiser.site.templatetags.portal_tags import home_for_language

register = template.Library()

# Search engines show about this many characters of a description; a longer one is cut after a word.
DESCRIPTION_LENGTH = 160
# The page fields that describe a page in a sentence or two, in the order they are asked.
DESCRIPTION_FIELDS = ("search_description", "summary", "intro")


def plain_description(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """``text`` as one line of plain text of at most ``limit`` characters, cut after a word (with "…")."""
    text = " ".join(strip_tags(text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    last_space = cut.rfind(" ")
    if last_space > limit // 2:
        cut = cut[:last_space]
    return cut.rstrip(" ,;:–—-") + "…"


def _own_description(page) -> str:
    for field in DESCRIPTION_FIELDS:
        text = plain_description(getattr(page, field, "") or "")
        if text:
            return text
    return ""


@register.simple_tag(takes_context=True)
def page_description(context, page=None) -> dict:
    """The page's ``<meta name="description">``: its search description, else its summary or introduction.

    A page that has none (and a view that is no page, such as the search) is described by the home page
    in the visitor's language. ``lang`` is set when the text's language is not the visitor's (a page not
    translated yet is shown in German under every language's address).
    """
    current = translation.get_language() or settings.LANGUAGE_CODE
    if isinstance(page, Page):
        text = _own_description(page)
        if text:
            language = page.locale.language_code if page.locale_id else current
            return {"text": text, "lang": "" if language == current else language}
    request = context.get("request")
    return cached_navigation("description", request, lambda: _home_description(request, current))


def _home_description(request, current: str) -> dict:
    for language in dict.fromkeys([current, Locale.get_default().language_code]):
        home = home_for_language(request, language)
        if home is not None and home.live:
            text = _own_description(home.specific)
            if text:
                return {"text": text, "lang": "" if language == current else language}
    return {"text": "", "lang": ""}


def _absolute(request, url: str) -> str:
    # Wagtail gives a page of another site as an absolute URL already; build_absolute_uri keeps it.
    return request.build_absolute_uri(url) if request is not None else url


@register.simple_tag(takes_context=True)
def canonical_url(context, page=None) -> str:
    """The page's own absolute URL, without filters; a later page of a paginated list keeps its number.

    A page shown under another language's address because it is not translated yet names its own
    (German) address, so search engines index it once.
    """
    if not isinstance(page, Page) or not page.pk:
        return ""
    request = context.get("request")
    url = page.get_url(request=request)
    if not url:
        return ""
    number = getattr(context.get("page_obj"), "number", 1)
    if isinstance(number, int) and number > 1:
        url = f"{url}?page={number}"
    return _absolute(request, url)


@register.simple_tag(takes_context=True)
def translation_links(context, page) -> list[dict]:
    """Absolute ``hreflang`` alternates: only real translations of this page, and ``x-default``.

    ``x-default`` (for a visitor whose language the portal does not speak) is the German version.
    """
    if not isinstance(page, Page) or not page.pk:
        return []
    request = context.get("request")
    links = [
        {"code": code, "url": _absolute(request, url)}
        for code, url in cached_navigation(
            "hreflang", request, lambda: _translation_urls(request, page), page.pk
        )
    ]
    default = next((link for link in links if link["code"] == settings.LANGUAGE_CODE), None)
    if default is not None:
        links.append({"code": "x-default", "url": default["url"]})
    return links


def _translation_urls(request, page: Page) -> list[tuple[str, str]]:
    pages = Page.objects.filter(translation_key=page.translation_key, live=True).select_related("locale")
    return [(other.locale.language_code, url) for other in pages if (url := other.get_url(request=request))]
