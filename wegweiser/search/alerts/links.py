"""The purposes of the links in alert mails: each carries the alert's random token, signed for one purpose.

The token is 32 random bytes and is removed when the alert ends, so a link cannot be guessed and stops
working once the alert is over; the signature's purpose keeps an unsubscribe link from confirming. Signing
is the core's (``wegweiser.site.links``). Links of data requests sent before the core took them over carry
:data:`FORMER_DATA_REQUEST`.
"""

from __future__ import annotations

import secrets

from wegweiser.site import links as core_links

# "finder" was the search app's former label: the salts stay, so links in mails already sent keep working.
CONFIRM = "wegweiser.finder.alert-confirm"
STOP = "wegweiser.finder.alert-stop"
EXTEND = "wegweiser.finder.alert-extend"
FORMER_DATA_REQUEST = "wegweiser.finder.alert-data-request"
CONFIRM_MAX_AGE = 7 * 24 * 3600


def new_token() -> str:
    return secrets.token_urlsafe(32)


def sign(alert, purpose: str) -> str:
    return core_links.sign(alert.token, purpose)


def token_from(signed: str, purpose: str, max_age: int | None = None) -> str | None:
    """The alert token in a valid link of this purpose; ``None`` if too old. A link that is forged, of another
    purpose, or cut off by a mail program raises ``IncompleteLink`` (the core's ``unsign``)."""
    return core_links.unsign(signed, purpose, max_age=max_age)
