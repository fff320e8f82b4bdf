"""Links in mails: absolute, and — where a link is its own proof — signed for one purpose.

Absolute links start at the configured address of the installation, not the placeholder host name of the
page tree's default site (``localhost``), so a mail from ``make run`` opens the running portal.

A link that confirms, withdraws or hands out personal data carries no account and no password: a
``TimestampSigner`` signature whose salt names the link's purpose is the proof, so a link of one purpose
(unsubscribe) never works for another (confirm), and a ``max_age`` lets it expire.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from wagtail.models import Site

#: The purpose of the link in the "copy or delete my data" mail, and how long it is valid.
DATA_REQUEST = "wegweiser.data-request"
DATA_REQUEST_MAX_AGE = 2 * 24 * 3600
DATA_REQUEST_ACTIONS = ("export", "delete")


def slug_for(text: str, max_length: int = 80) -> str:
    """The web address part a title gets, as the page editor makes it while typing (unicode slugs are off):
    ``"Straßenfest am Fluss"`` -> ``"strassenfest-am-fluss"``. Empty for a title without Latin letters or
    digits; the caller then needs a name of its own."""
    return slugify(text.replace("ß", "ss").replace("ẞ", "SS"))[:max_length].strip("-")


def on_this_site(request, url: str) -> str:
    """``url`` if it leads to a page of this portal (a path, or an address on the request's host), else ``""``:
    where a form or a button may send the visitor back to without becoming a way to another site."""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=False):
        return url
    return ""


def public_base_url(site: Site | None = None) -> str:
    """The start of every absolute link in a mail, without a trailing slash.

    ``WAGTAILADMIN_BASE_URL`` for the portal's main site; another town's site (a Wagtail Site that is not
    the default) has its own address.
    """
    if site is not None and not site.is_default_site:
        return site.root_url.rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def public_url(view_name: str, language: str, base_url: str, **kwargs: Any) -> str:
    """An absolute URL of a public page (``"volunteers:withdraw"``), with the prefix of ``language``."""
    with translation.override(language):
        path = reverse(view_name, kwargs=kwargs)
    return base_url.rstrip("/") + path


def admin_url(view_name: str, *args: Any) -> str:
    """An absolute URL of an admin page (``"volunteers_inbox:detail"``), for a mail to the office or a partner."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(view_name, args=args)


def sign(value: str, purpose: str) -> str:
    """``value`` signed for one purpose, with the time of signing (for :func:`unsign`'s ``max_age``)."""
    return signing.TimestampSigner(salt=purpose).sign(str(value))


def unsign(signed: str, purpose: str, max_age: int | None = None) -> str | None:
    """The value of a valid link of this purpose; ``None`` if forged, of another purpose or too old."""
    try:
        return signing.TimestampSigner(salt=purpose).unsign(signed, max_age=max_age)
    except signing.BadSignature:
        return None


def data_request_token(email: str, action: str, purpose: str = DATA_REQUEST) -> str:
    """The proof in a data-request mail that the owner of ``email`` asked for ``action``."""
    return signing.TimestampSigner(salt=purpose).sign_object({"email": email, "action": action})


def data_request_from(signed: str, purpose: str = DATA_REQUEST) -> dict | None:
    """``{"email": ..., "action": "export" | "delete"}`` of a valid, unexpired data-request link, else ``None``.

    ``purpose`` other than the default reads the links of mails sent before the core took the requests over.
    """
    try:
        value = signing.TimestampSigner(salt=purpose).unsign_object(signed, max_age=DATA_REQUEST_MAX_AGE)
    except (signing.BadSignature, ValueError):
        return None
    if (
        not isinstance(value, dict)
        or value.get("action") not in DATA_REQUEST_ACTIONS
        or not isinstance(value.get("email"), str)
        or not value["email"]
    ):
        return None
    return value
