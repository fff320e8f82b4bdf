"""The links in alert mails: each carries the alert's random token, signed for one purpose.

The token is 32 random bytes and is removed when the alert ends, so a link cannot be guessed and stops
working once the alert is over; the signature's purpose keeps an unsubscribe link from confirming.
"""

from __future__ import annotations

import secrets

from django.core import signing
from django.urls import reverse
from django.utils import translation

CONFIRM = "wegweiser.finder.alert-confirm"
STOP = "wegweiser.finder.alert-stop"
EXTEND = "wegweiser.finder.alert-extend"
DATA_REQUEST = "wegweiser.finder.alert-data-request"
CONFIRM_MAX_AGE = 7 * 24 * 3600
DATA_REQUEST_MAX_AGE = 2 * 24 * 3600


def new_token() -> str:
    return secrets.token_urlsafe(32)


def sign(alert, purpose: str) -> str:
    return signing.TimestampSigner(salt=purpose).sign(alert.token)


def token_from(signed: str, purpose: str, max_age: int | None = None) -> str | None:
    """The alert token in a valid link of this purpose; ``None`` if forged, of another purpose or too old."""
    try:
        return signing.TimestampSigner(salt=purpose).unsign(signed, max_age=max_age)
    except signing.BadSignature:
        return None


def data_request_token(email: str, action: str) -> str:
    return signing.TimestampSigner(salt=DATA_REQUEST).sign_object({"email": email, "action": action})


def data_request_from(signed: str) -> dict | None:
    try:
        value = signing.TimestampSigner(salt=DATA_REQUEST).unsign_object(signed, max_age=DATA_REQUEST_MAX_AGE)
    except (signing.BadSignature, ValueError):
        return None
    if (
        not isinstance(value, dict)
        or value.get("action") not in ("export", "delete")
        or not value.get("email")
    ):
        return None
    return value


def public_url(view_name: str, language: str, base_url: str, **kwargs) -> str:
    """An absolute URL of one of the alert pages, in the visitor's language."""
    with translation.override(language):
        path = reverse(f"search:{view_name}", kwargs=kwargs)
    return base_url.rstrip("/") + path
