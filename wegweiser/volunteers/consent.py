"""The consent a volunteer gives when signing up. The exact text shown and its version are stored with
every sign-up; change the wording only together with a new :data:`CONSENT_VERSION`.
"""

from __future__ import annotations

from django.utils.translation import ngettext

from wegweiser.plugin_api import isolate_text

#: 2026-12-1: the number of months in the language's plural ("6 أشهر", not "6 شهر"); the meaning is unchanged.
#: 2026-12-6: the Ukrainian text names the office "бюро інтеграції", as every other page does; likewise.
CONSENT_VERSION = "2026-12-6"


def consent_text(organisation_name: str, retention_months: int) -> str:
    """The consent sentence in the active language, as shown next to the checkbox."""
    return ngettext(
        "I agree that %(organisation)s and the integration office store and use the details I enter here to "
        "handle my sign-up for this volunteer opportunity. My details are not passed on to anyone else. They are "
        "deleted at the latest %(months)s month after my sign-up is closed. I can withdraw at any time with the "
        "link in every mail, and request a copy or the deletion of my data.",
        "I agree that %(organisation)s and the integration office store and use the details I enter here to "
        "handle my sign-up for this volunteer opportunity. My details are not passed on to anyone else. They are "
        "deleted at the latest %(months)s months after my sign-up is closed. I can withdraw at any time with the "
        "link in every mail, and request a copy or the deletion of my data.",
        retention_months,
    ) % {"organisation": isolate_text(organisation_name), "months": retention_months}
