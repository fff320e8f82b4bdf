"""The office's dashboard panel: the three numbers that need attention this week."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from wegweiser.reports.demand import searches_in_period
from wegweiser.reports.selection import ListingSelection
from wegweiser.site.registry import listing_types


def listings_awaiting_review() -> int:
    """Listings a partner submitted that are waiting in the office's approval workflow."""
    content_types = ContentType.objects.get_for_models(*(t.model for t in listing_types().values())).values()
    return (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
            content_type__in=list(content_types),
        ).count()
        if content_types
        else 0
    )


def searches_without_results_this_week(today: datetime.date | None = None) -> int | None:
    today = today or timezone.localdate()
    searches = searches_in_period(today - datetime.timedelta(days=6), today)
    return None if searches is None else searches.filter(result_count=0).count()


class OfficeAttentionPanel(Component):
    name = "office_attention"
    template_name = "reports/office_attention_panel.html"
    order = 90

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        return {
            "items": [
                {
                    "label": _("Listings awaiting review"),
                    "value": listings_awaiting_review(),
                    "url": reverse("wagtailadmin_reports:workflow"),
                    "link_text": _("Open the workflow report"),
                },
                {
                    "label": _("Stale listings"),
                    "value": ListingSelection(stale_only=True).count(),
                    "url": reverse("reports:freshness"),
                    "link_text": _("Open the freshness report"),
                },
                {
                    "label": _("Searches without results in the last 7 days"),
                    "value": searches_without_results_this_week(today),
                    "url": reverse("reports:demand")
                    + f"?table=no_results&start={today - datetime.timedelta(days=6)}",
                    "link_text": _("Open the demand report"),
                },
            ]
        }
