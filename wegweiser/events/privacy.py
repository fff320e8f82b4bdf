"""Data protection: what the core's "copy or delete my data" page gets about event registrations
(registered in ``wagtail_hooks.py``). Past registrations are deleted by :mod:`wegweiser.events.jobs`."""

from __future__ import annotations

from django.db import transaction

from wegweiser.events.models import EventRegistration
from wegweiser.events.registration_mails import withdraw_and_tell


def _registrations(email: str):
    return EventRegistration.objects.filter(email__iexact=email.strip())


def has_personal_data(email: str) -> bool:
    return _registrations(email).exists()


def export_for_email(email: str) -> list[dict]:
    """Everything stored about ``email``'s registrations, for the copy on request (GDPR Art. 15 and 20)."""
    return [registration.personal_data() for registration in _registrations(email).select_related("event")]


@transaction.atomic
def erase_for_email(email: str) -> int:
    """Delete every registration of ``email`` (GDPR Art. 17). A place one held goes to the waiting list,
    as if it had been withdrawn, and whoever moves up is told."""
    registrations = list(_registrations(email).select_related("event"))
    for registration in registrations:
        if registration.status != EventRegistration.Status.WITHDRAWN:
            withdraw_and_tell(registration)  # a mail to ``email`` itself goes with its registration
    _registrations(email).delete()
    return len(registrations)
