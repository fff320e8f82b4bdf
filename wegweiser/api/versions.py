"""Version 1 of the API, rebuilt whenever the set of registered listing types changes.

The listing types come from plugins through the registry; each gets its own endpoints and schemas, so
the OpenAPI document names a plugin's type as soon as the plugin is installed.
"""

from __future__ import annotations

from django.http import JsonResponse
from django.urls import URLPattern, URLResolver, path
from django.urls.resolvers import RoutePattern
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.renderers import JSONRenderer

from wegweiser.api.catalogue import organisations, pages, taxonomies
from wegweiser.api.licence import with_licence
from wegweiser.api.listings import FilterError, filter_error_response, listing_router
from wegweiser.api.opendata import export_router
from wegweiser.api.policy import api_view
from wegweiser.site.registry import ListingType, listing_types

NAMESPACE = "api-v1"
DESCRIPTION = """\
The public read API of the Wegweiser portal: current listings of every kind, partner organisations,
taxonomies and content pages, in any of the portal's languages (`?locale=ar`), with the public finder's
filters. Only published, current and public content; never personal data.

Responses carry `ETag` and `Last-Modified`; revalidate with `If-None-Match` / `If-Modified-Since`
to get `304 Not Modified`. Clients are rate-limited per IP address (`429` with `Retry-After`).
A change that breaks clients gets a new version in the URL.

The data is open data under the licence the town chose (by default "Datenlizenz Deutschland –
Namensnennung – Version 2.0"): every answer names it in a `Link` header with `rel="license"`, and the
JSON export in its `licence` field.
"""


def validation_error_response(api: NinjaAPI):
    def handler(request, exc: ValidationError):
        errors: dict[str, list[str]] = {}
        for error in exc.errors:
            location = [
                str(part)
                for part in error.get("loc", ())
                if part not in ("query", "path", "filters", "params")
            ]
            errors.setdefault(".".join(location) or "request", []).append(str(error.get("msg", "")))
        return api.create_response(
            request,
            {"detail": _("Some query parameters are not valid. See errors."), "errors": errors},
            status=400,
        )

    return handler


class ReadableJSONRenderer(JSONRenderer):
    """Arabic, Farsi or Ukrainian text as itself rather than ``\\uXXXX`` escapes: smaller and readable."""

    json_dumps_params = {"ensure_ascii": False}


def no_such_endpoint(request, unknown: str):
    return JsonResponse({"detail": _("There is no such API endpoint."), "errors": {}}, status=404)


def build_api(types: list[ListingType]) -> NinjaAPI:
    api = NinjaAPI(
        title="Wegweiser API",
        version="1",
        description=DESCRIPTION,
        urls_namespace=NAMESPACE,
        openapi_url=None,
        docs_url=None,
        renderer=ReadableJSONRenderer(),
    )
    api.add_exception_handler(ValidationError, validation_error_response(api))
    api.add_exception_handler(FilterError, filter_error_response)
    for listing_type in types:
        api.add_router(f"/listings/{listing_type.key}/", listing_router(listing_type))
    api.add_router("/organisations/", organisations)
    api.add_router("/taxonomies/", taxonomies)
    api.add_router("/pages/", pages)
    api.add_router("/export/", export_router(types))
    return api


_built: dict[tuple, tuple[NinjaAPI, list]] = {}


def current_api() -> tuple[NinjaAPI, list]:
    """The API for the listing types registered now, and its URL patterns (built once per registry)."""
    types = tuple(listing_types().values())
    cached = _built.get(types)
    if cached is None:
        # reference.py imports current_api from here
        from wegweiser.api.reference import openapi_document, reference_page

        api = build_api(list(types))
        patterns = [
            path("", api_view(reference_page, data_language=False), name="reference"),
            path("openapi.json", api_view(openapi_document), name="openapi-json"),
        ]
        for pattern in api.urls[0]:
            if isinstance(pattern, URLPattern) and pattern.name != "api-root":
                patterns.append(
                    URLPattern(
                        pattern.pattern,
                        api_view(with_licence(pattern.callback)),
                        pattern.default_args,
                        pattern.name,
                    )
                )
            elif isinstance(pattern, URLPattern):
                patterns.append(pattern)
        patterns.append(path("<path:unknown>", api_view(no_such_endpoint), name="unknown"))
        _built.clear()
        cached = _built[types] = (api, patterns)
    return cached


class CurrentApiResolver(URLResolver):
    """Resolves ``/api/v1/...`` against :func:`current_api`, so that a newly registered listing type
    (a plugin, or a test's ``hooks.register_temporarily``) gets its endpoints without a restart."""

    def __init__(self, route: str):
        super().__init__(RoutePattern(route), urlconf_name=[], namespace=NAMESPACE, app_name="ninja")

    @property
    def url_patterns(self):
        return current_api()[1]

    @property
    def urlconf_module(self):
        return self.url_patterns
