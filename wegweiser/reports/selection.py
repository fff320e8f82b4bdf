"""Which listings a report looks at: every registered listing type, narrowed by the report's filters.

Reports learn listing types from the registry only (never by importing a plugin) and count each listing
once: in its original (default-language) version, not once per translation.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Locale

from wegweiser.site.freshness import stale_after_days
from wegweiser.site.models import current_listing_q
from wegweiser.site.registry import ListingType, listing_types

KIND_FACET = "kind"


def stale_cutoff(today: datetime.date | None = None) -> datetime.date:
    """Listings last reviewed before this day are stale."""
    return (today or timezone.localdate()) - datetime.timedelta(days=stale_after_days())


def kind_facet(listing_type: ListingType):
    return next((facet for facet in listing_type.all_facets() if facet.name == KIND_FACET), None)


def kind_choices(keys: list[str] | None = None) -> list[tuple[str, str]]:
    """The "kind" values of the listing types that have such a facet (offers: course, counselling …)."""
    choices: dict[str, str] = {}
    for key, listing_type in listing_types().items():
        facet = kind_facet(listing_type)
        if facet is None or (keys and key not in keys):
            continue
        for value, label in facet.get_choices():
            choices.setdefault(value, label)
    return list(choices.items())


@dataclass
class ListingSelection:
    """The filters a report applies; empty values mean "all".

    Reports look at current listings: published, public and visible on ``current_on`` (default: today).
    """

    types: list[str] = field(default_factory=list)
    target_group: str = ""
    kind: str = ""
    current_on: datetime.date | None = None
    topic: str = ""
    district: str = ""
    language: str = ""
    organisation: int | None = None
    stale_only: bool = False

    def listing_types(self) -> dict[str, ListingType]:
        registered = listing_types()
        if self.types:
            return {key: value for key, value in registered.items() if key in self.types}
        return registered

    def querysets(self) -> Iterator[tuple[ListingType, QuerySet]]:
        """One filtered queryset per listing type; types that cannot match the filters are left out."""
        default_locale = Locale.get_default()
        for listing_type in self.listing_types().values():
            model = listing_type.model
            queryset = model.objects.filter(locale=default_locale)
            queryset = queryset.filter(current_listing_q(self.current_on)).public()
            if self.kind:
                facet = kind_facet(listing_type)
                if facet is None:
                    continue
                queryset = queryset.filter(**{facet.field: self.kind})
            conditions = Q()
            if self.target_group:
                conditions &= Q(
                    pk__in=model.objects.filter(target_groups__slug=self.target_group).values("pk")
                )
            if self.topic:
                conditions &= Q(pk__in=model.objects.filter(topics__slug=self.topic).values("pk"))
            if self.language:
                conditions &= Q(pk__in=model.objects.filter(languages__slug=self.language).values("pk"))
            if self.district:
                conditions &= Q(district__slug=self.district)
            if self.organisation:
                conditions &= Q(organisation_id=self.organisation)
            if self.stale_only:
                conditions &= Q(last_reviewed__lt=stale_cutoff()) | Q(last_reviewed__isnull=True)
            yield listing_type, queryset.filter(conditions)

    def count(self) -> int:
        return sum(queryset.count() for _listing_type, queryset in self.querysets())
