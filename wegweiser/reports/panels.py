"""The office's dashboard: what needs doing this week, each item a link to where it gets done.

Plugins add their own items (a mail outbox with failed mails …) through the Wagtail hook
``register_office_attention_items``: a function taking the request and returning a list of
:class:`AttentionItem`-like dicts. The core and the reports import no plugin.
"""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from wegweiser.reports.demand import searches_in_period, searches_without_results
from wegweiser.reports.freshness import freshness_by_organisation
from wegweiser.reports.selection import ListingSelection
from wegweiser.reports.views.base import listings_url
from wegweiser.site.models import AccountRequest, OutgoingMail, ScheduledJobRun
from wegweiser.site.registry import listing_types

OFFICE_ATTENTION_HOOK = "register_office_attention_items"
LIST_LENGTH = 5


def _review_states():
    content_types = ContentType.objects.get_for_models(*(t.model for t in listing_types().values())).values()
    if not content_types:
        return WorkflowState.objects.none()
    return WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type=ContentType.objects.get_for_model(Page),
        content_type__in=list(content_types),
    )


def listings_awaiting_review() -> int:
    """Listings a partner submitted that are waiting in the office's approval workflow."""
    return _review_states().count()


def oldest_listings_awaiting_review(limit: int = LIST_LENGTH) -> list[dict]:
    """The longest-waiting submissions first, each linking to its editor (where the office approves)."""
    states = _review_states().order_by("created_at", "pk")[:limit]
    pages = Page.objects.in_bulk([int(state.object_id) for state in states])
    rows = []
    for state in states:
        page = pages.get(int(state.object_id))
        if page is not None:
            rows.append(
                {
                    "text": page.title,
                    "detail": state.created_at,
                    "url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                }
            )
    return rows


def searches_without_results_this_week(today: datetime.date | None = None) -> int | None:
    today = today or timezone.localdate()
    searches = searches_in_period(today - datetime.timedelta(days=6), today)
    return None if searches is None else searches.filter(Q(result_count=0) | Q(weak=True)).count()


class OfficeAttentionPanel(Component):
    name = "office_attention"
    template_name = "reports/office_attention_panel.html"
    order = 90

    def __init__(self, request=None):
        self.request = request

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        week_start = today - datetime.timedelta(days=6)
        demand_url = reverse("reports:demand") + f"?table=no_results&start={week_start}"
        searches = searches_in_period(week_start, today)
        stale_rows = [row for row in freshness_by_organisation(ListingSelection()) if row.stale]
        pending = AccountRequest.objects.open().order_by("created_at")
        failed_jobs = ScheduledJobRun.objects.filter(failures_in_a_row__gt=0)
        failed_mails = OutgoingMail.objects.failed().order_by("-failed_at")
        items = [
            {
                "name": "account_requests",
                "label": _("Account requests waiting for a decision"),
                "value": pending.count(),
                "url": reverse("account_requests:index"),
                "link_text": _("Open the account requests"),
                "rows": [
                    {
                        "text": request.organisation_name,
                        "detail": request.created_at,
                        "url": reverse("account_requests:detail", args=[request.pk]),
                    }
                    for request in pending[:LIST_LENGTH]
                ],
            },
            {
                "name": "review",
                "label": _("Listings awaiting review"),
                "value": listings_awaiting_review(),
                "url": reverse("wagtailadmin_reports:workflow"),
                "link_text": _("Open the workflow report"),
                "rows": oldest_listings_awaiting_review(),
            },
            {
                "name": "stale",
                "label": _("Stale listings"),
                "value": sum(row.stale for row in stale_rows),
                "url": reverse("reports:freshness"),
                "link_text": _("Open the freshness report"),
                "rows": [
                    {
                        "text": row.organisation,
                        "detail": row.stale,
                        "url": listings_url(ListingSelection(), organisation=row.organisation_id, stale=True),
                    }
                    for row in stale_rows[:LIST_LENGTH]
                ],
            },
            {
                "name": "failed_jobs",
                "label": _("Scheduled jobs that failed"),
                "value": failed_jobs.count(),
                "url": reverse("scheduled_jobs"),
                "link_text": _("Open the scheduled jobs"),
                "rows": [
                    {"text": job.name, "detail": job.last_finished, "url": reverse("scheduled_jobs")}
                    for job in failed_jobs[:LIST_LENGTH]
                ],
            },
            {
                "name": "failed_mails",
                "label": _("Mails the portal gave up sending"),
                "value": failed_mails.count(),
                "url": reverse("outbox"),
                "link_text": _("Open the outbox"),
                "rows": [
                    {"text": mail.subject, "detail": mail.failed_at, "url": reverse("outbox")}
                    for mail in failed_mails[:LIST_LENGTH]
                ],
            },
            {
                "name": "no_results",
                "label": _("Searches that found nothing or only part in the last 7 days"),
                "value": searches_without_results_this_week(today),
                "url": demand_url,
                "link_text": _("Open the demand report"),
                "rows": [
                    {"text": row.query, "detail": row.searches + row.weak, "url": demand_url}
                    for row in (
                        searches_without_results(searches, limit=LIST_LENGTH) if searches is not None else []
                    )
                ],
            },
        ]
        for hook in hooks.get_hooks(OFFICE_ATTENTION_HOOK):
            items.extend(hook(self.request))
        return {"items": items}
