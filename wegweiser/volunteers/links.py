"""Signed links in mails: confirm a sign-up, withdraw it, and confirm a data export or deletion request.

The links carry no account and no password: a ``TimestampSigner`` signature with a purpose-specific salt
is the proof, and confirmation links expire.
"""

from __future__ import annotations

from django.core import signing
from django.urls import reverse
from django.utils import translation

from wegweiser.volunteers.models.applications import confirmation_days

CONFIRM_SALT = "wegweiser.volunteers.confirm"
WITHDRAW_SALT = "wegweiser.volunteers.withdraw"
DATA_REQUEST_SALT = "wegweiser.volunteers.data-request"
DATA_REQUEST_MAX_AGE = 2 * 24 * 3600


def _signer(salt: str) -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=salt)


def confirm_token(application) -> str:
    return _signer(CONFIRM_SALT).sign(str(application.pk))


def withdraw_token(application) -> str:
    return _signer(WITHDRAW_SALT).sign(str(application.pk))


def application_id_from(token: str, salt: str, max_age: int | None = None) -> int | None:
    """The application id in a valid token, ``None`` if tampered with or expired."""
    try:
        return int(_signer(salt).unsign(token, max_age=max_age))
    except (signing.BadSignature, ValueError):
        return None


def confirm_max_age() -> int:
    return confirmation_days() * 24 * 3600


def data_request_token(email: str, action: str) -> str:
    return _signer(DATA_REQUEST_SALT).sign_object({"email": email, "action": action})


def data_request_from(token: str) -> dict | None:
    try:
        value = _signer(DATA_REQUEST_SALT).unsign_object(token, max_age=DATA_REQUEST_MAX_AGE)
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
    """An absolute URL to one of the plugin's public pages, in the volunteer's language."""
    with translation.override(language):
        path = reverse(f"volunteers:{view_name}", kwargs=kwargs)
    return base_url.rstrip("/") + path
