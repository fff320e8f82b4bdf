"""Freshness: published listings nobody has confirmed for a while are flagged to their organisation.

Part of the core, for every registered listing type (offers, events, volunteer opportunities, housing,
...) through the registry, whichever plugins are installed: a partner sees all of its stale listings on
its dashboard with a "still valid" button each, and gets one monthly mail
(``manage.py notify_stale_listings``, a scheduled job). How long a listing stays fresh is
``WEGWEISER_STALE_AFTER_DAYS`` (environment ``WEGWEISER_STALE_AFTER_DAYS``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from wegweiser.site.links import on_this_site
from wegweiser.site.models import Listing, OrganisationPage
from wegweiser.site.outbox import queue_mails
from wegweiser.site.registry import listing_types
from wegweiser.site.scoping import organisations_for


def stale_after_days() -> int:
    """Days after its last review a listing counts as stale (the setting, 183 by default)."""
    return int(settings.WEGWEISER_STALE_AFTER_DAYS)


def stale_listings(organisations: Iterable[OrganisationPage] | None = None) -> list:
    """Live, unexpired listings of every type not reviewed within the configured time, oldest first."""
    today = timezone.localdate()
    found = []
    for listing_type in listing_types().values():
        queryset = listing_type.model.objects.filter(live=True).exclude(valid_until__lt=today)
        if organisations is not None:
            queryset = queryset.filter(organisation__in=list(organisations))
        found.extend(queryset.stale(stale_after_days(), today).select_related("organisation", "locale"))
    found.sort(key=lambda listing: (listing.last_reviewed or today, listing.title))
    return found


class StaleListingsPanel(Component):
    """Dashboard panel: the user's organisations' stale listings, each with a "still valid" button."""

    name = "stale_listings"
    template_name = "core/admin/stale_listings_panel.html"
    order = 120

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        organisations = list(organisations_for(self.request.user, own_only=True))
        listings = stale_listings(organisations) if organisations else []
        return {
            "listings": listings,
            "stale_after_days": stale_after_days(),
            "next_url": reverse("wagtailadmin_home"),
        }


def editors_of(organisation: OrganisationPage) -> list:
    if organisation.editors_group_id is None:
        return []
    users = get_user_model().objects.filter(groups=organisation.editors_group_id, is_active=True)
    return [user for user in users.exclude(email="").order_by("pk")]


def notify_stale_listings(base_url: str | None = None) -> dict[str, int]:
    """Mail each organisation's editors the list of its stale listings; returns mails sent per organisation."""
    base_url = (base_url or getattr(settings, "WAGTAILADMIN_BASE_URL", "")).rstrip("/")
    by_organisation = defaultdict(list)
    for listing in stale_listings():
        if listing.organisation_id is not None:
            by_organisation[listing.organisation].append(listing)
    sent = {}
    with translation.override(settings.LANGUAGE_CODE):
        for organisation, listings in sorted(by_organisation.items(), key=lambda item: item[0].title):
            recipients = [user.email for user in editors_of(organisation)]
            if not recipients:
                continue
            context = {
                "organisation": organisation,
                "listings": [
                    (listing, base_url + reverse("wagtailadmin_pages:edit", args=[listing.pk]))
                    for listing in listings
                ],
                "dashboard_url": base_url + reverse("wagtailadmin_home"),
                "stale_after_days": stale_after_days(),
            }
            queue_mails(
                recipients,
                subject=ngettext(
                    "%(organisation)s: please check %(count)d listing on the portal",
                    "%(organisation)s: please check %(count)d listings on the portal",
                    len(listings),
                )
                % {"organisation": organisation.title, "count": len(listings)},
                body=render_to_string("core/mail/stale_listings.txt", context),
                purpose="core.stale_listings",
            )
            sent[organisation.slug] = len(recipients)
    return sent


@require_POST
def still_valid(request, page_id: int):
    """The "still valid" button: whoever may edit the listing (Wagtail's page permissions) may confirm it."""
    page = Page.objects.filter(pk=page_id).specific().first()
    if page is None or not isinstance(page, Listing):
        raise Http404
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    page.mark_reviewed()
    messages.success(request, _("Thank you: “%(title)s” is marked as still valid.") % {"title": page.title})
    return redirect(on_this_site(request, request.POST.get("next", "")) or reverse("wagtailadmin_home"))
