"""Data protection: what the "copy or delete my data" page gets about account requests (registered in the
core's ``wagtail_hooks.py``). Rejected requests are also deleted after their retention period
(:func:`delete_rejected_requests`, the scheduled job ``core.delete_old_account_requests``). The editor's
account an approval creates is not part of it: the office manages accounts under Settings › Users."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from wegweiser.site.accounts.consent import rejected_retention_days
from wegweiser.site.models import AccountRequest


def _requests(email: str):
    return AccountRequest.objects.filter(email__iexact=email.strip()).order_by("created_at")


def has_personal_data(email: str) -> bool:
    return _requests(email).exists()


def export_for_email(email: str) -> list[dict]:
    """Each request as it was sent, with how the office decided."""
    return [
        {
            "organisation": request.organisation_name,
            "kind": request.kind,
            "contact_name": request.contact_name,
            "email": request.email,
            "phone": request.phone,
            "website": request.website,
            "address": request.address,
            "offer_description": request.offer_description,
            "language": request.language,
            "consent_text": request.consent_text,
            "consent_version": request.consent_version,
            "received": request.created_at,
            "status": request.status,
            "decided": request.decided_at,
            "rejection_reason": request.rejection_reason,
        }
        for request in _requests(email)
    ]


def erase_for_email(email: str) -> int:
    """Delete the requests (GDPR Art. 17), with their mails not yet delivered; an organisation page an
    approval created stays, as the organisation's own."""
    requests = _requests(email)
    count = requests.count()
    requests.delete()
    return count


def delete_rejected_requests() -> dict[str, int]:
    """Rejected requests (with the personal data in them) decided longer ago than
    ``WEGWEISER_REJECTED_ACCOUNT_REQUEST_RETENTION_DAYS`` (default 90) are deleted."""
    days = rejected_retention_days()
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _by_model = AccountRequest.objects.filter(
        status=AccountRequest.Status.REJECTED, decided_at__lt=cutoff
    ).delete()
    return {"deleted": deleted, "retention_days": days}
