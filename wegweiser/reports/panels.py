"""The office's dashboard: what needs doing this week, each item a link to where it gets done.

Plugins add their own items (a mail outbox with failed mails …) through the Wagtail hook
``register_office_attention_items``: a function taking the request and returning a list of
:class:`AttentionItem`. The core and the reports import no plugin.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation

from wegweiser.reports.demand import searches_in_period, searches_without_results
from wegweiser.reports.freshness import freshness_by_organisation
from wegweiser.reports.selection import ListingSelection
from wegweiser.reports.views.base import listings_url
from wegweiser.site.listings import language_name
from wegweiser.site.models import AccountRequest, OutgoingMail
from wegweiser.site.registry import listing_types
from wegweiser.site.scheduling import jobs_needing_attention
from wegweiser.site.translation_sync import (
    live_translations_with_untranslated_texts,
    translations_awaiting_publication,
)

OFFICE_ATTENTION_HOOK = "register_office_attention_items"
LIST_LENGTH = 5


@dataclass(frozen=True)
class AttentionRow:
    """One of the first few things an item counts: its name, a link to it, and a date or number beside it.
    ``counts``: how many of the counted things it stands for (an organisation's row for its 7 stale listings)."""

    text: str
    url: str
    detail: object = None
    counts: int = 1


@dataclass(frozen=True)
class AttentionItem:
    """One line of the office's panel: how many (``None``: not known), what, where it gets done, and the
    first few of them."""

    name: str
    label: str
    value: int | None
    url: str
    link_text: str
    rows: tuple[AttentionRow, ...] = ()

    @property
    def not_listed(self) -> int:
        """How many of those counted its rows do not show: "13 stale listings" above rows adding up to 11 read as
        a miscount without "2 more in the report"."""
        if not self.value or not self.rows:
            return 0
        return max(0, self.value - sum(row.counts for row in self.rows))

    @classmethod
    def counting(
        cls, name: str, label: str, objects, url: str, link_text: str, *, text, detail, row_url=None
    ) -> AttentionItem:
        """An item that counts a queryset, its rows the first :data:`LIST_LENGTH` of it (:func:`attention_rows`),
        each linking to ``row_url(obj)`` or else where the item itself links."""
        rows = attention_rows(objects[:LIST_LENGTH], text=text, detail=detail, url=row_url or url)
        return cls(name, label, objects.count(), url, link_text, rows)


def attention_rows(
    objects: Iterable,
    text: Callable,
    detail: Callable,
    url: Callable | str,
    counts: Callable | None = None,
    limit: int | None = LIST_LENGTH,
) -> tuple[AttentionRow, ...]:
    """The rows of an item: the first :data:`LIST_LENGTH` objects (``limit``; ``None``: all), each named by
    ``text(obj)`` with ``detail(obj)`` beside it and linking to ``url(obj)`` (or to the one address ``url``);
    ``counts(obj)``: how many of the item's things a row stands for (default one)."""
    return tuple(
        AttentionRow(
            text(obj), url if isinstance(url, str) else url(obj), detail(obj), counts(obj) if counts else 1
        )
        for obj in list(objects)[:limit]
    )


def translation_rows(
    translations: list[tuple[Page, Translation, tuple[int, int]]], limit: int | None = LIST_LENGTH
) -> tuple[AttentionRow, ...]:
    """The rows of an item of page translations (``(page, translation, (texts, texts translated))``), each the
    translated page's title, its language and progress beside it, linking to its editor: wagtail-localize's
    translation editor for a page it translates, where the texts still to translate are marked."""
    return attention_rows(
        translations,
        limit=limit,
        text=lambda found: found[0].title,
        detail=lambda found: (
            _("%(language)s, %(done)d of %(total)d texts translated")
            % {
                "language": language_name(found[1].target_locale.language_code),
                "done": found[2][1],
                "total": found[2][0],
            }
        ),
        url=lambda found: reverse("wagtailadmin_pages:edit", args=[found[0].pk]),
    )


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


def oldest_listings_awaiting_review(limit: int = LIST_LENGTH) -> tuple[AttentionRow, ...]:
    """The longest-waiting submissions first, each linking to its editor (where the office approves)."""
    states = _review_states().order_by("created_at", "pk")[:limit]
    pages = Page.objects.in_bulk([int(state.object_id) for state in states])
    waiting = [(pages[int(state.object_id)], state) for state in states if int(state.object_id) in pages]
    return attention_rows(
        waiting,
        text=lambda pair: pair[0].title,
        detail=lambda pair: pair[1].created_at,
        url=lambda pair: reverse("wagtailadmin_pages:edit", args=[pair[0].pk]),
    )


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
        no_results = searches_without_results(searches, limit=LIST_LENGTH) if searches is not None else []
        items = [
            AttentionItem.counting(
                "account_requests",
                _("Account requests waiting for a decision"),
                AccountRequest.objects.open().order_by("created_at"),
                reverse("account_requests:index"),
                _("Open the account requests"),
                text=lambda request: request.organisation_name,
                detail=lambda request: request.created_at,
                row_url=lambda request: reverse("account_requests:detail", args=[request.pk]),
            ),
            AttentionItem(
                "review",
                _("Listings awaiting review"),
                listings_awaiting_review(),
                reverse("wagtailadmin_reports:workflow"),
                _("Open the workflow report"),
                oldest_listings_awaiting_review(),
            ),
            AttentionItem(
                "stale",
                _("Stale listings"),
                sum(row.stale for row in stale_rows),
                reverse("reports:freshness"),
                _("Open the freshness report"),
                attention_rows(
                    stale_rows,
                    text=lambda row: row.organisation,
                    detail=lambda row: row.stale,
                    counts=lambda row: row.stale,
                    url=lambda row: listings_url(
                        ListingSelection(), organisation=row.organisation_id, stale=True
                    ),
                ),
            ),
            AttentionItem(
                "translations",
                _("Translations waiting to be published"),
                len(translations := translations_awaiting_publication()),
                reverse("wagtail_localize:translations_report"),
                _("Open the translations report"),
                translation_rows(translations),
            ),
            AttentionItem(
                "untranslated_texts",
                _("Published translations with texts still in German"),
                len(untranslated := live_translations_with_untranslated_texts()),
                reverse("wagtail_localize:translations_report") + "?waiting_for_translation=true",
                _("Open the translations report"),
                translation_rows(untranslated),
            ),
            AttentionItem(
                "failed_jobs",
                _("Scheduled jobs that failed or did not run"),
                len(jobs := jobs_needing_attention()),
                reverse("scheduled_jobs"),
                _("Open the scheduled jobs"),
                attention_rows(
                    jobs,
                    text=lambda pair: pair[0].description or pair[0].name,
                    detail=lambda pair: pair[1].last_started if pair[1] else _("never"),
                    url=reverse("scheduled_jobs"),
                ),
            ),
            AttentionItem.counting(
                "failed_mails",
                _("Mails the portal gave up sending"),
                OutgoingMail.objects.failed().order_by("-failed_at"),
                reverse("outbox"),
                _("Open the outbox"),
                text=lambda mail: mail.subject,
                detail=lambda mail: mail.failed_at,
            ),
            AttentionItem(
                "no_results",
                _("Searches that found nothing or only part in the last 7 days"),
                searches_without_results_this_week(today),
                demand_url,
                _("Open the demand report"),
                attention_rows(
                    no_results,
                    text=lambda row: row.query,
                    detail=lambda row: row.searches + row.weak,
                    url=demand_url,
                    counts=lambda row: row.searches + row.weak,
                ),
            ),
        ]
        for hook in hooks.get_hooks(OFFICE_ATTENTION_HOOK):
            items.extend(hook(self.request))
        return {"items": items}
