"""An account request as the office receives it, for the tests of every page that shows one."""

from __future__ import annotations

from wegweiser.site.models import AccountRequest
from wegweiser.site.organisations import OrganisationKind


def make_request(**fields) -> AccountRequest:
    values = {
        "organisation_name": "Frauencafé Nordstadt e. V.",
        "kind": OrganisationKind.ASSOCIATION,
        "contact_name": "Amina Yilmaz",
        "email": "amina@frauencafe.example",
        "offer_description": "Deutschkurs für Frauen.",
        "consent_text": "Ich bin einverstanden.",
        "consent_version": "2026-11-1",
    }
    values.update(fields)
    return AccountRequest.objects.create(**values)
