"""The parts of the day a listing meets in, kept for the ``time_of_day`` facet of every listing type."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wegweiser.site.schedules import DayPart


class ListingDayPart(models.Model):
    """One part of the day (mornings, evenings, weekends …) a listing has a time slot in.

    Written by ``Listing.save()`` from the type's ``time_slots()``, so the finder, both search backends and
    the API filter and count it like any other many-valued facet (``schedule_day_parts__value``).
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="schedule_day_parts", editable=False
    )
    value = models.CharField(_("time of day"), max_length=10, choices=DayPart.choices)

    class Meta:
        verbose_name = _("time of day of a listing")
        verbose_name_plural = _("times of day of listings")
        constraints = [models.UniqueConstraint(fields=["page", "value"], name="unique_listing_day_part")]

    def __str__(self) -> str:
        return self.value


def store_day_parts(page, parts: set[str]) -> None:
    """Keep exactly ``parts`` for ``page``, writing only what changed."""
    stored = set(ListingDayPart.objects.filter(page_id=page.pk).values_list("value", flat=True))
    if stored - parts:
        ListingDayPart.objects.filter(page_id=page.pk, value__in=stored - parts).delete()
    if parts - stored:
        ListingDayPart.objects.bulk_create(
            [ListingDayPart(page_id=page.pk, value=value) for value in sorted(parts - stored)]
        )
