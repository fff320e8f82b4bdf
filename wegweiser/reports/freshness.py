"""Freshness: which partners' listings have not been confirmed for a long time.

A listing is stale when its ``last_reviewed`` date is older than ``WEGWEISER_STALE_AFTER_DAYS``; the
office calls the organisations at the top of this list first.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wegweiser.reports.selection import ListingSelection, stale_cutoff
from wegweiser.site.freshness import stale_after_days

# Age bands for the "last reviewed" chart: (upper bound in days or None, label).
AGE_BANDS = (
    (90, _("up to 3 months")),
    (183, _("3 to 6 months")),
    (365, _("6 to 12 months")),
    (730, _("1 to 2 years")),
    (None, _("more than 2 years")),
)


@dataclass
class OrganisationFreshness:
    organisation_id: int
    organisation: str
    listings: int
    stale: int
    oldest_review: datetime.date | None

    @property
    def fresh(self) -> int:
        return self.listings - self.stale

    @property
    def stale_percent(self) -> int:
        return round(100 * self.stale / self.listings) if self.listings else 0


def freshness_by_organisation(
    selection: ListingSelection, today: datetime.date | None = None
) -> list[OrganisationFreshness]:
    """Organisations with their listing and stale counts, the most stale listings first."""
    cutoff = stale_cutoff(today)
    stale_q = Q(last_reviewed__lt=cutoff) | Q(last_reviewed__isnull=True)
    totals: Counter = Counter()
    stale: Counter = Counter()
    oldest: dict[int, datetime.date] = {}
    names: dict[int, str] = {}
    for _listing_type, queryset in selection.querysets():
        groups = (
            queryset.filter(organisation__isnull=False)
            .order_by()
            .values("organisation_id", "organisation__title")
            .annotate(listings=Count("pk"), stale=Count("pk", filter=stale_q), oldest=Min("last_reviewed"))
        )
        for group in groups:
            organisation_id = group["organisation_id"]
            names[organisation_id] = group["organisation__title"]
            totals[organisation_id] += group["listings"]
            stale[organisation_id] += group["stale"]
            if group["oldest"] and (
                organisation_id not in oldest or group["oldest"] < oldest[organisation_id]
            ):
                oldest[organisation_id] = group["oldest"]
    rows = [
        OrganisationFreshness(
            organisation_id,
            names[organisation_id],
            totals[organisation_id],
            stale[organisation_id],
            oldest.get(organisation_id),
        )
        for organisation_id in totals
    ]
    rows.sort(key=lambda row: (-row.stale, -row.stale_percent, row.organisation.lower()))
    return rows


def review_age_bands(
    selection: ListingSelection, today: datetime.date | None = None
) -> list[tuple[str, int, bool]]:
    """How many listings were last reviewed within each age band: ``(label, count, is_stale_band)``."""
    today = today or timezone.localdate()
    counts: Counter = Counter()
    for _listing_type, queryset in selection.querysets():
        for last_reviewed, number in queryset.order_by().values_list("last_reviewed").annotate(n=Count("pk")):
            counts[_band_of(today, last_reviewed)] += number
    bands = []
    lower = 0
    for index, (upper, label) in enumerate(AGE_BANDS):
        # A band is stale when all of it lies beyond the stale limit.
        bands.append((str(label), counts[index], lower >= stale_after_days()))
        lower = upper or lower
    return bands


def _band_of(today: datetime.date, last_reviewed: datetime.date | None) -> int:
    if last_reviewed is None:
        return len(AGE_BANDS) - 1
    age = (today - last_reviewed).days
    for index, (upper, _label) in enumerate(AGE_BANDS):
        if upper is None or age <= upper:
            return index
    return len(AGE_BANDS) - 1
