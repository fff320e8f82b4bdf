"""Data protection: what the core's "copy or delete my data" page gets about sign-ups (registered in
``wagtail_hooks.py``), and anonymisation after the retention period."""

from __future__ import annotations

from django.db import transaction
from wagtail.log_actions import log

from wegweiser.volunteers.models import VolunteerApplication


def has_personal_data(email: str) -> bool:
    return VolunteerApplication.objects.for_email(email).exists()


def export_for_email(email: str) -> list[dict]:
    """Everything stored about ``email``'s sign-ups, for the core's copy on request (GDPR Art. 15 and 20)."""
    applications = list(
        VolunteerApplication.objects.for_email(email)
        .select_related("opportunity", "opportunity__organisation")
        .prefetch_related("languages_spoken")
    )
    for application in applications:
        log(application, "volunteers.export_on_request")
    return [application.personal_data() for application in applications]


@transaction.atomic
def erase_for_email(email: str) -> int:
    """Delete every sign-up of ``email`` and the mails still waiting for them (GDPR Art. 17)."""
    applications = list(VolunteerApplication.objects.filter(email__iexact=email.strip()))
    for application in applications:
        log(application, "volunteers.delete_on_request")
    VolunteerApplication.objects.filter(pk__in=[application.pk for application in applications]).delete()
    return len(applications)


def anonymise_due_applications(now=None) -> dict:
    """Anonymise closed sign-ups past the retention period; delete sign-ups that were never confirmed."""
    anonymised = 0
    for application in VolunteerApplication.objects.due_for_anonymisation(now).iterator():
        with transaction.atomic():
            application.anonymise()
            log(application, "volunteers.anonymise")
        anonymised += 1
    unconfirmed = VolunteerApplication.objects.unconfirmed_expired(now)
    deleted = unconfirmed.count()
    unconfirmed.delete()
    return {"anonymised": anonymised, "deleted_unconfirmed": deleted}
