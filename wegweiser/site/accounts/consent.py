"""The consent given with an account request. The exact text shown and its version are stored with every
request; change the wording only together with a new :data:`CONSENT_VERSION`.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext

#: 2026-12-6: the Ukrainian text names the office "бюро інтеграції", as every other page does; the meaning is
#: unchanged.
CONSENT_VERSION = "2026-12-6"


def rejected_retention_days() -> int:
    """How long a rejected request is kept before the job ``core.delete_old_account_requests`` deletes it."""
    return int(getattr(settings, "WEGWEISER_REJECTED_ACCOUNT_REQUEST_RETENTION_DAYS", 90))


def consent_text() -> str:
    """The consent sentence in the active language, as shown next to the checkbox."""
    return gettext(
        "I agree that the integration office stores and uses the details I enter here to handle this "
        "request for an account. If the request is approved, the organisation's name, kind, website and "
        "description appear on the portal; my own contact details are not published. If it is rejected, the "
        "request is deleted after %(days)s days. I can ask for a copy or the deletion of my data at any time."
    ) % {"days": rejected_retention_days()}
