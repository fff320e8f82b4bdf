"""The volunteering report for the integration office: numbers only, never a name.

Sign-ups per opportunity and status, the waiting list, and how long organisations take to answer.
Anonymised sign-ups still count, since anonymisation keeps status and dates.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import median

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from wegweiser.volunteers.access import PERSONAL_DATA_PERMISSION
from wegweiser.volunteers.models import VolunteerApplication, VolunteerOpportunityPage

Status = VolunteerApplication.Status


# The office holds "manage_organisations"; the others may be granted to anyone who reports on volunteering.
REPORT_PERMISSIONS = (
    "core.manage_organisations",
    PERSONAL_DATA_PERMISSION,
    "volunteers.view_volunteering_report",
)


def may_see_report(user) -> bool:
    if not user.is_active:
        return False
    return any(user.has_perm(permission) for permission in REPORT_PERMISSIONS)


@dataclass
class ReportRow:
    title: str
    organisation: str
    places: int
    counts: dict = field(default_factory=dict)
    waiting_list: int = 0
    answer_days: list = field(default_factory=list)

    @property
    def reached(self) -> int:
        return sum(self.counts.get(status, 0) for status in Status.values if status != Status.NEW)

    @property
    def median_answer_days(self):
        return round(median(self.answer_days), 1) if self.answer_days else None

    def status_counts(self) -> list[int]:
        return [self.counts.get(status, 0) for status in Status.values]


def volunteering_numbers() -> tuple[list[ReportRow], list[ReportRow]]:
    """Rows per opportunity (all its translations together) and totals per organisation."""
    default_locale = Locale.get_default()
    opportunities = {
        page.translation_key: page
        for page in VolunteerOpportunityPage.objects.filter(locale=default_locale).select_related(
            "organisation"
        )
    }
    rows: dict = {}

    def row_for(key) -> ReportRow:
        if key not in rows:
            page = opportunities.get(key)
            rows[key] = ReportRow(
                title=page.title if page else "–",
                organisation=page.organisation.title if page and page.organisation else "–",
                places=page.places if page else 0,
            )
        return rows[key]

    for key in opportunities:
        row_for(key)
    counted = (
        VolunteerApplication.objects.values("opportunity__translation_key", "status", "waiting_list")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for item in counted:
        row = row_for(item["opportunity__translation_key"])
        row.counts[item["status"]] = row.counts.get(item["status"], 0) + item["n"]
        if item["waiting_list"] and item["status"] in (Status.CONFIRMED, Status.NEW):
            row.waiting_list += item["n"]
    answered = VolunteerApplication.objects.filter(
        answered_at__isnull=False, confirmed_at__isnull=False
    ).values_list("opportunity__translation_key", "confirmed_at", "answered_at")
    for key, confirmed_at, answered_at in answered:
        row_for(key).answer_days.append(max(0.0, (answered_at - confirmed_at).total_seconds() / 86400))

    per_opportunity = sorted(rows.values(), key=lambda row: (row.organisation.lower(), row.title.lower()))
    totals: dict[str, ReportRow] = defaultdict(lambda: ReportRow(title="", organisation="", places=0))
    for row in per_opportunity:
        total = totals[row.organisation]
        total.organisation = row.organisation
        total.places += row.places
        total.waiting_list += row.waiting_list
        total.answer_days.extend(row.answer_days)
        for status, n in row.counts.items():
            total.counts[status] = total.counts.get(status, 0) + n
    per_organisation = sorted(totals.values(), key=lambda row: row.organisation.lower())
    return per_opportunity, per_organisation


class VolunteeringReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "volunteers/admin/report.html"
    page_title = gettext_lazy("Volunteering")
    page_subtitle = gettext_lazy("sign-ups in numbers")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": gettext_lazy("Reports")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        per_opportunity, per_organisation = volunteering_numbers()
        context.update(
            per_opportunity=per_opportunity,
            per_organisation=per_organisation,
            status_labels=[label for _value, label in Status.choices],
        )
        return context
