"""Data protection for place alerts: what the core's "copy or delete my data" page gets about them
(GDPR Art. 15, 17 and 20; registered in ``wegweiser/search/wagtail_hooks.py``)."""

from __future__ import annotations

from django.db import transaction

from wegweiser.search.alerts import criteria as alert_criteria
from wegweiser.search.models import PlaceAlert
from wegweiser.site.models import OutgoingMail
from wegweiser.site.registry import listing_types


def personal_data(alert: PlaceAlert) -> dict:
    return {
        "email": alert.email,
        "language": alert.language,
        "criteria": alert_criteria.labels(alert.criteria, listing_types()),
        "status": alert.status,
        "created_at": alert.created_at,
        "confirmed_at": alert.confirmed_at,
        "expires_at": alert.expires_at,
        "last_mail_at": alert.last_sent_at,
        "mails_sent": alert.mails_sent,
        "consent_text": alert.consent_text,
        "consent_version": alert.consent_version,
    }


def has_personal_data(email: str) -> bool:
    return PlaceAlert.objects.for_email(email).exists()


def export_for_email(email: str) -> list[dict]:
    """Everything stored about ``email``'s alerts, for the core's copy on request."""
    return [personal_data(alert) for alert in PlaceAlert.objects.for_email(email).order_by("created_at")]


@transaction.atomic
def erase_for_email(email: str) -> int:
    """End every alert of ``email`` (the address goes, the anonymous count stays); delete unconfirmed
    ones and every alert mail still waiting for the address."""
    alerts = PlaceAlert.objects.for_email(email)
    alerts.filter(status=PlaceAlert.Status.PENDING).delete()
    erased = 0
    for alert in alerts:
        alert.end(PlaceAlert.EndReason.ERASED)
        erased += 1
    OutgoingMail.objects.filter(to__iexact=email.strip(), purpose__startswith="search.").delete()
    return erased
