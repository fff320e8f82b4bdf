"""Data protection for the accessibility statement's barrier reports: what the "copy or delete my data" page
gets about an address a visitor left for an answer (registered in ``wagtail_hooks.py``), and their deletion
after the retention period (the scheduled job ``core.delete_old_barrier_reports``)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from wegweiser.site.models import AccessibilityStatementPage


def _statement_reports():
    statements = ContentType.objects.get_for_model(AccessibilityStatementPage)
    return FormSubmission.objects.filter(page__content_type=statements)


def _reports(email: str):
    return _statement_reports().filter(form_data__email__iexact=email.strip()).order_by("submit_time")


def has_personal_data(email: str) -> bool:
    return _reports(email).exists()


def export_for_email(email: str) -> list[dict]:
    """Each report the address was left with: when, in which language, and what it said."""
    return [
        {
            "submitted": report.submit_time,
            "language": report.form_data.get("language", ""),
            "message": report.form_data.get("message", ""),
        }
        for report in _reports(email)
    ]


def erase_for_email(email: str) -> int:
    """Delete the reports (GDPR Art. 17): the message may say who wrote it, so none is kept."""
    return _reports(email).delete()[0]


def retention_days() -> int:
    """How long a report is kept: long enough for the office to fix the barrier and answer."""
    return int(getattr(settings, "WEGWEISER_BARRIER_REPORT_RETENTION_DAYS", 365))


def delete_old_reports(now: datetime.datetime | None = None) -> dict[str, int]:
    """The scheduled job: delete reports older than :func:`retention_days`, with any address in them."""
    days = retention_days()
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    deleted = _statement_reports().filter(submit_time__lt=cutoff).delete()[0]
    return {"deleted": deleted, "retention_days": days}
