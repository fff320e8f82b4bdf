"""The open-data licence on every API answer: a ``Link: <…>; rel="license"`` header (RFC 8288), and a
``licence`` field in the JSON export. The licence is the office's portal setting for the requested site."""

from __future__ import annotations

from functools import wraps
from urllib.parse import quote

from wegweiser.api.querying import request_site
from wegweiser.site.models import PortalSettings
from wegweiser.site.models.settings import (
    DEFAULT_OPEN_DATA_LICENCE_NAME,
    DEFAULT_OPEN_DATA_LICENCE_URL,
    OpenDataLicence,
)


def licence_for(request) -> OpenDataLicence:
    """The licence of the site the request is for (the default licence when no site matches)."""
    site = request_site(request)
    if site is None:
        return OpenDataLicence(DEFAULT_OPEN_DATA_LICENCE_NAME, DEFAULT_OPEN_DATA_LICENCE_URL)
    return PortalSettings.for_site(site).open_data_licence


def licence_link_header(licence: OpenDataLicence) -> str:
    """The ``Link`` header value; the name goes in ``title*`` (RFC 8187), since a header is not UTF-8."""
    return f"<{licence.url}>; rel=\"license\"; title*=UTF-8''{quote(licence.name, safe='')}"


def with_licence(view):
    """Add the licence header to a successful answer of ``view``."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if 200 <= response.status_code < 300:
            response["Link"] = licence_link_header(licence_for(request))
        return response

    return wrapped
