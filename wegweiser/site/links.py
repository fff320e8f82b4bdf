"""Links in mails: absolute, and — where a link is its own proof — signed for one purpose.

Absolute links start at the configured address of the installation, not the placeholder host name of the
page tree's default site (``localhost``), so a mail from ``make run`` opens the running portal.

A link that confirms, withdraws or hands out personal data carries no account and no password: a
``TimestampSigner`` signature whose salt names the link's purpose is the proof, so a link of one purpose
(unsubscribe) never works for another (confirm), and a ``max_age`` lets it expire. :func:`unsign` tells the two
ways a link fails apart: one that has expired asks for a new one, one whose signature does not check out (cut off
by a mail program, mistyped) raises :class:`IncompleteLink`, which ``mail_link`` answers.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from wagtail.models import Site

#: The purpose of the link in the "copy or delete my data" mail, and how long it is valid.
DATA_REQUEST = "wegweiser.data-request"
DATA_REQUEST_MAX_AGE = 2 * 24 * 3600
DATA_REQUEST_ACTIONS = ("export", "delete")


class IncompleteLink(Http404):
    """A link from a mail whose token does not check out: cut off or mistyped (mail programs split long links),
    forged, or of another purpose. Nothing may happen; the view's ``mail_link`` decorator says what did not.
    A view without it answers "not found"."""


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
    """The value of a valid link of this purpose; ``None`` once it is older than ``max_age``. A signature that
    does not check out (cut off, mistyped, forged, of another purpose) raises :class:`IncompleteLink`."""
    return _unsigned(signed, purpose, max_age)


def _unsigned(signed: str, purpose: str, max_age: int | None, *, as_object: bool = False):
    """The one place that tells an expired link (``None``: "please ask again") from an incomplete one
    (:class:`IncompleteLink`: "open the whole link"). Both had read "expired, please sign up again"."""
    signer = signing.TimestampSigner(salt=purpose)
    try:
        if as_object:
            return signer.unsign_object(signed, max_age=max_age)
        return signer.unsign(signed, max_age=max_age)
    except signing.SignatureExpired:
        return None
    except signing.BadSignature:
        raise IncompleteLink from None


def data_request_token(email: str, action: str, purpose: str = DATA_REQUEST) -> str:
    """The proof in a data-request mail that the owner of ``email`` asked for ``action``."""
    return signing.TimestampSigner(salt=purpose).sign_object({"email": email, "action": action})


def data_request_from(signed: str, purpose: str = DATA_REQUEST) -> dict | None:
    """``{"email": ..., "action": "export" | "delete"}`` of a valid, unexpired data-request link, else ``None``;
    an incomplete one raises :class:`IncompleteLink` (:func:`unsign`).

    ``purpose`` other than the default reads the links of mails sent before the core took the requests over.
    """
    value = _unsigned(signed, purpose, DATA_REQUEST_MAX_AGE, as_object=True)
    if (
        not isinstance(value, dict)
        or value.get("action") not in DATA_REQUEST_ACTIONS
        or not isinstance(value.get("email"), str)
        or not value["email"]
    ):
        return None
    return value
