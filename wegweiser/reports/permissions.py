"""Who may see the office's reports: the office group (given the permission by a data migration) and superusers."""

from __future__ import annotations

VIEW_OFFICE_REPORTS = "reports.view_office_reports"


def can_view_office_reports(user) -> bool:
    return bool(user and user.is_active and user.has_perm(VIEW_OFFICE_REPORTS))
