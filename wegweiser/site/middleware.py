"""Locale handling that leaves the non-localised parts of the portal alone; security headers on HTML."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.translation import gettext, gettext_noop

from wegweiser.site.views import incomplete_form

NUL_MESSAGE = gettext_noop(
    "The address contains a character that is not allowed (NUL). Please check the link."
)

UNPREFIXED_PATHS = ("/api/", "/admin/", "/documents/", "/healthz", "/sitemap.xml", "/static/", "/media/")


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its 404 → "/de/<path>" redirect for the API, admin and files.

    The page tree's catch-all makes every path look valid under a language prefix, so without this an
    unknown API URL would be redirected into the public site instead of answering 404.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


class RejectNulCharactersMiddleware:
    """Answer 400 to a URL or query string containing a NUL character.

    PostgreSQL cannot store or compare text containing NUL, so such a value would otherwise reach a
    query and fail as a server error. No person types one; it only comes from broken or probing clients.
    The API answers in its JSON error shape, every other path with the portal's "bad request" page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        bad = [
            key for key, values in request.GET.lists() if "\x00" in key or any("\x00" in v for v in values)
        ]
        if "\x00" in request.path_info:
            bad.append("path")
        if not bad:
            return self.get_response(request)
        if request.path_info.startswith("/api/"):
            # The API's language comes from ?locale= (as in its views), not from a URL prefix.
            locale = request.GET.get("locale", "")
            language = locale if locale in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
            with translation.override(language):
                message = gettext(NUL_MESSAGE)
            errors = {key.replace("\x00", ""): [message] for key in bad}
            return JsonResponse({"detail": message, "errors": errors}, status=400)
        raise BadRequest(gettext(NUL_MESSAGE))


PERMISSIONS_POLICY = (
    "accelerometer=(), browsing-topics=(), camera=(), geolocation=(self), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=()"
)
ADMIN_PATHS = ("/admin/",)


def content_security_policy(path: str) -> str:
    """Only the portal's own origin; the admin also gets the inline scripts and styles Wagtail uses.

    Public pages load nothing from other hosts (design rule), except map tiles from the configured
    server. Wagtail's admin still writes inline ``<script>`` (inline panels, date pickers) and
    ``style`` attributes, and previews images from ``blob:``/``data:``.
    """
    images = ["'self'", "data:"]
    tiles = getattr(settings, "WEGWEISER_MAP_TILE_URL", "")
    if tiles:
        parts = urlsplit(tiles)
        if parts.scheme in ("http", "https") and parts.netloc:
            images.append(f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}")  # Leaflet's subdomains
    if path.startswith(ADMIN_PATHS):
        scripts = "'self' 'unsafe-inline'"
        images.append("blob:")
    else:
        scripts = "'self'"
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            f"img-src {' '.join(images)}",
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every HTML answer (Django 5.2 has neither)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", content_security_policy(request.path_info))
            response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class OverflowNotFoundMiddleware:
    """A number in a URL too large for the database (``/anmelden/99999999999999999999/``) is a 404.

    Django's ``<int:…>`` matches any length; SQLite raises OverflowError on ids beyond 64 bits, which
    would otherwise answer 500 on every URL that looks an object up by number.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OverflowError):
            raise Http404
        return None


class IncompleteFormMiddleware:
    """A POST that lacks a field every real form sends is answered 400, not 500.

    Wagtail's and Django's forms read their management fields (a StreamField's ``body-count``, the copy
    form's parent page) with ``request.POST[…]``; only a broken or hand-made request omits them, and the
    person gets a page that says to reload the form, in their language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method == "POST" and isinstance(exception, MultiValueDictKeyError):
            return incomplete_form(request)
        return None
