"""A partner's dashboard: its organisation, the state of each of its listings, what to do next.

Listing types come from the registry. A plugin adds the numbers only it knows (open volunteer sign-ups,
event registrations) through the Wagtail hook ``register_partner_dashboard_items``: a function taking the
request and the user's organisations and returning a list of dicts with ``label``, ``value``, ``url`` and
``link_text``. The core and the reports import no plugin.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Site, WorkflowState

from wegweiser.reports.panels import AttentionItem, translation_rows
from wegweiser.site.freshness import stale_after_days
from wegweiser.site.registry import enabled_listing_types
from wegweiser.site.scoping import organisations_to_choose
from wegweiser.site.translation_sync import (
    live_translations_with_untranslated_texts,
    translations_awaiting_publication,
)

PARTNER_ITEMS_HOOK = "register_partner_dashboard_items"
EXPIRING_WITHIN_DAYS = 30
MAX_LISTINGS = 50

#: The headings of the table of a partner's listings (core/admin/includes/listing_table.html).
LISTING_COLUMNS = [_("Title"), _("Listing type"), _("State")]
STATE_LABELS = {
    "changes_requested": _("changes requested"),
    "live": _("live"),
    "draft": _("draft"),
    "in_review": _("in review"),
    "stale": _("stale"),
    "expiring": _("expiring"),
    "expired": _("expired"),
}


def partner_organisations(user):
    """The organisations a partner was made editor of, in the default language (the office has none)."""
    return organisations_to_choose(user, own_only=True)


def translation_items(organisations) -> list[AttentionItem]:
    """The organisations' page translations that need somebody, as the office's start page shows every
    organisation's: published with German texts (a German text changed since they were translated), or waiting to
    be published. Only the items with any; every translation of them listed, each opening its translation editor:
    a partner has no report of them to open (the translations report is the office's)."""
    found = (
        (
            "untranslated_texts",
            _("Published translations with texts still in German"),
            live_translations_with_untranslated_texts(organisations),
        ),
        (
            "translations",
            _("Translations waiting to be published"),
            translations_awaiting_publication(organisations),
        ),
    )
    return [
        AttentionItem(name, label, len(translations), "", "", translation_rows(translations, limit=None))
        for name, label, translations in found
        if translations
    ]


def listing_states(
    page, in_review: set[int], today: datetime.date, changes_requested: Collection[int] = ()
) -> list[str]:
    """What a partner needs to know about one listing, most urgent first."""
    states = []
    if page.pk in changes_requested:
        states.append("changes_requested")
    if page.pk in in_review:
        states.append("in_review")
    if not page.live:
        states.append("draft")
    if page.valid_until and page.valid_until < today:
        states.append("expired")
    elif page.valid_until and page.valid_until <= today + datetime.timedelta(days=EXPIRING_WITHIN_DAYS):
        states.append("expiring")
    if page.live and page.is_stale(stale_after_days(), today):
        states.append("stale")
    if page.live and not states:
        states.append("live")
    return states


class PartnerDashboardPanel(Component):
    name = "partner_dashboard"
    template_name = "reports/partner_dashboard_panel.html"
    order = 80

    def __init__(self, request, organisations):
        self.request = request
        self.organisations = list(organisations)

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        site = Site.find_for_request(self.request)
        types = enabled_listing_types(site)
        # A workflow's object is named by its id and its type: a snippet with a workflow may share a page's id.
        page_type = ContentType.objects.get_for_model(Page)
        sections = []
        for organisation in self.organisations:
            listings = []
            for listing_type in types.values():
                listings.extend(
                    listing_type.model.objects.filter(organisation=organisation).order_by("title")[
                        :MAX_LISTINGS
                    ]
                )
            active = (
                WorkflowState.objects.active()
                .filter(base_content_type=page_type, object_id__in=[str(page.pk) for page in listings])
                .select_related("current_task_state")
            )
            in_review, asked = set(), {}
            for state in active:
                if state.status == WorkflowState.STATUS_IN_PROGRESS:
                    in_review.add(int(state.object_id))
                else:  # the office asked for changes, often with a comment the partner must read
                    task = state.current_task_state
                    asked[int(state.object_id)] = (task.comment if task else "") or ""
            permissions = organisation.permissions_for_user(self.request.user)
            sections.append(
                {
                    "organisation": organisation,
                    "panel_id": f"partner-organisation-{organisation.pk}",
                    "listings": [
                        {
                            "page": page,
                            "type": page.listing_type.verbose_name if page.listing_type else "",
                            "states": [
                                (state, STATE_LABELS[state])
                                for state in listing_states(page, in_review, today, asked)
                            ],
                            "office_comment": asked.get(page.pk, ""),
                            "url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                        }
                        for page in listings
                    ],
                    "add_links": [
                        {
                            "label": listing_type.verbose_name,
                            "url": reverse(
                                "wagtailadmin_pages:add",
                                args=[
                                    listing_type.model._meta.app_label,
                                    listing_type.model._meta.model_name,
                                    organisation.pk,
                                ],
                            ),
                        }
                        for listing_type in types.values()
                        if permissions.can_add_subpage() and listing_type.model.can_create_at(organisation)
                    ],
                    "explore_url": reverse("wagtailadmin_explore", args=[organisation.pk]),
                }
            )
        items = []
        for hook in hooks.get_hooks(PARTNER_ITEMS_HOOK):
            items.extend(hook(self.request, self.organisations))
        return {
            "sections": sections,
            "items": items,
            "columns": LISTING_COLUMNS,
            "translations": translation_items(self.organisations),
        }
