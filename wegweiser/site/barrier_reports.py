"""Data protection for the accessibility statement's barrier reports: what the "copy or delete my data" page
gets about an address a visitor left for an answer (registered in ``wagtail_hooks.py``)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.forms.models import FormSubmission

from wegweiser.site.models import AccessibilityStatementPage


def _reports(email: str):
    statements = ContentType.objects.get_for_model(AccessibilityStatementPage)
    return FormSubmission.objects.filter(
        page__content_type=statements, form_data__email__iexact=email.strip()
    ).order_by("submit_time")


def has_personal_data(email: str) -> bool:
    return _reports(email).exists()


def export_for_email(email: str) -> list[dict]:
    """Each report the address was left with: when, in which language, and what it said."""
    return [
        {
            "submitted": report.submit_time.isoformat(),
            "language": report.form_data.get("language", ""),
            "message": report.form_data.get("message", ""),
        }
        for report in _reports(email)
    ]


def erase_for_email(email: str) -> int:
    """Delete the reports (GDPR Art. 17): the message may say who wrote it, so none is kept."""
    return _reports(email).delete()[0]
