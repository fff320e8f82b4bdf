"""Public views about one page without being it (an event's registration form): the language switcher leads
to the same view for the page in the chosen language, not to the same page id under another prefix."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.models import Page

#: The template context's name for the page a view is about.
ABOUT_PAGE = "about_page"


@dataclass(frozen=True)
class PageView:
    """The page a view is about and the name of the URL argument that holds its id."""

    page: Page
    url_argument: str = "pk"


def about_page(page: Page, url_argument: str = "pk") -> dict:
    """Context for the template of a view about ``page`` (its id in the URL argument ``url_argument``):
    ``{**about_page(event), "form": form}``. The language switcher then links the same view for the page's
    translation into each language, else for its German original under that language's prefix."""
    return {ABOUT_PAGE: PageView(page, url_argument)}


def same_view_urls(request: HttpRequest, page_view: PageView) -> dict[str, str]:
    """``{language: URL}`` of the request's view about ``page_view.page`` in each language, with the same
    query string (``?termin=…``)."""
    match = request.resolver_match
    if match is None or not match.view_name:
        return {}
    versions = {
        version.locale.language_code: version
        for version in Page.objects.filter(translation_key=page_view.page.translation_key, live=True)
        .select_related("locale")
        .only("id", "locale__language_code")
    }
    original = versions.get(settings.LANGUAGE_CODE, page_view.page)
    query = request.GET.urlencode()
    urls = {}
    for code, _name in settings.LANGUAGES:
        kwargs = {**match.kwargs, page_view.url_argument: versions.get(code, original).pk}
        try:
            with translation.override(code):
                url = reverse(match.view_name, kwargs=kwargs)
        except NoReverseMatch:
            continue
        urls[code] = f"{url}?{query}" if query else url
    return urls
