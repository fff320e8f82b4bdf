"""Data protection: copies and deletion on request, and anonymisation after the retention period."""

from __future__ import annotations

from django.db import transaction
from wagtail.log_actions import log

from wegweiser.plugin_api import OutgoingMail
from wegweiser.volunteers.mails import send_data_export
from wegweiser.volunteers.models import VolunteerApplication


def export_for_email(email: str, language: str) -> OutgoingMail:
    """Mail everything stored about ``email`` to that address, as JSON (GDPR Art. 15 and 20)."""
    applications = list(
        VolunteerApplication.objects.for_email(email)
        .select_related("opportunity", "opportunity__organisation")
        .prefetch_related("languages_spoken")
    )
    for application in applications:
        log(application, "volunteers.export_on_request")
    return send_data_export(email, language, applications)


@transaction.atomic
def delete_for_email(email: str) -> int:
    """Delete every sign-up of ``email`` and any mail still waiting for it (GDPR Art. 17)."""
    applications = list(VolunteerApplication.objects.filter(email__iexact=email.strip()))
    for application in applications:
        log(application, "volunteers.delete_on_request")
    OutgoingMail.objects.filter(to__iexact=email.strip()).delete()
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
