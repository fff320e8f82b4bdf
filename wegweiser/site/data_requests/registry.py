"""Who stores what about an email address, registered through the Wagtail hook ``register_personal_data``::

    @hooks.register("register_personal_data")
    def register_sign_ups():
        return PersonalData(
            key="volunteer_sign_ups",
            label=_("Volunteer sign-ups"),
            exists=lambda email: ...,  # is anything stored for the address?
            export=lambda email: [...],  # the records, as dicts of JSON values, dates and times
            erase=lambda email: 0,  # delete (or anonymise) them; the number of records
        )

Like the listing-type registry it is read from the hook on every use, never at import time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from wegweiser.site.models import OutgoingMail
from wegweiser.site.registered import collect_registered

HOOK_NAME = "register_personal_data"


@dataclass(frozen=True)
class PersonalData:
    """One kind of record the portal keeps about an email address.

    ``key`` names the records in the JSON copy; ``label`` is shown to the visitor. ``exists``, ``export``
    and ``erase`` take the address (any case). ``erase`` keeps at most anonymous counts.
    ``former_link_purpose`` is the signing purpose of data-request links the owner mailed before the core
    took the requests over, so those links keep working (for the owner's records only) until they expire.
    """

    key: str
    label: Any
    exists: Callable[[str], bool]
    export: Callable[[str], list[dict]]
    erase: Callable[[str], int]
    former_link_purpose: str = ""

    @classmethod
    def from_module(cls, module, key: str, label, former_link_purpose: str = "") -> PersonalData:
        """The three functions from a plugin's privacy module, by their usual names: ``has_personal_data``,
        ``export_for_email`` and ``erase_for_email``."""
        return cls(
            key=key,
            label=label,
            exists=module.has_personal_data,
            export=module.export_for_email,
            erase=module.erase_for_email,
            former_link_purpose=former_link_purpose,
        )


def personal_data() -> dict[str, PersonalData]:
    """Every registered kind of personal data, by key, in a stable order."""
    kinds = collect_registered(HOOK_NAME, lambda kind: kind.key, "Personal data")
    return dict(sorted(kinds.items()))


def _kinds(only: str = "") -> list[PersonalData]:
    kinds = personal_data()
    return [kinds[only]] if only else list(kinds.values())


def stored_for(email: str, only: str = "") -> list[PersonalData]:
    """The kinds of personal data stored for ``email``."""
    return [kind for kind in _kinds(only) if kind.exists(email)]


def export(email: str, only: str = "") -> dict:
    """Everything stored about ``email`` (GDPR Art. 15 and 20), one list of records per kind."""
    data: dict[str, Any] = {"email": email, "exported": timezone.now()}
    for kind in _kinds(only):
        data[kind.key] = kind.export(email)
    return data


@transaction.atomic
def erase(email: str, only: str = "") -> dict[str, int]:
    """Erase everything stored about ``email`` (GDPR Art. 17): each kind's records, and for a request of
    everything also every mail still waiting in the outbox for the address."""
    erased = {kind.key: kind.erase(email) for kind in _kinds(only)}
    if not only:
        OutgoingMail.objects.filter(to__iexact=email.strip()).delete()
    return erased
