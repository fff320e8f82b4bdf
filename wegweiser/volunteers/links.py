"""The purposes of the volunteers' signed links: confirm a sign-up, withdraw it.

Signing and absolute URLs are the core's (``sign``, ``unsign``, ``public_url``); this module only names the
purposes and how long a confirmation link is valid. Links of data requests sent before the core took them
over carry :data:`FORMER_DATA_REQUEST`.
"""

from __future__ import annotations

from wegweiser.plugin_api import sign, unsign
from wegweiser.volunteers.models.applications import confirmation_days

CONFIRM_SALT = "wegweiser.volunteers.confirm"
WITHDRAW_SALT = "wegweiser.volunteers.withdraw"
FORMER_DATA_REQUEST = "wegweiser.volunteers.data-request"


def confirm_token(application) -> str:
    return sign(str(application.pk), CONFIRM_SALT)


def withdraw_token(application) -> str:
    return sign(str(application.pk), WITHDRAW_SALT)


def application_id_from(token: str, salt: str, max_age: int | None = None) -> int | None:
    """The application id in a valid token, ``None`` if expired; an incomplete token raises ``IncompleteLink``."""
    value = unsign(token, salt, max_age=max_age)
    return int(value) if value is not None and value.isdecimal() else None


def confirm_max_age() -> int:
    return confirmation_days() * 24 * 3600
