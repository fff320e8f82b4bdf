"""Locale handling that leaves the non-localised parts of the portal alone."""

from __future__ import annotations

from django.middleware.locale import LocaleMiddleware

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
