"""Recording openings: a listing published for the first time, or one whose plugin says it has places again."""

from __future__ import annotations

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published

from wegweiser.search.models import ListingOpening
from wegweiser.site.models import Listing
from wegweiser.site.openings import places_opened
from wegweiser.site.registry import listing_type_for_model


def _is_listing(page) -> bool:
    return isinstance(page, Listing) and listing_type_for_model(type(page)) is not None


def _is_new(page) -> bool:
    """Live for the first time, and not merely a new language version of a listing published before."""
    return not (
        Page.objects.filter(translation_key=page.translation_key, first_published_at__isnull=False)
        .exclude(pk=page.pk)
        .filter(first_published_at__lt=page.first_published_at or timezone.now())
        .exists()
    )


def record(page, reason: str) -> None:
    ListingOpening.objects.create(page_id=page.pk, reason=reason, at=timezone.now())


@receiver(page_published)
def listing_published(sender, instance, **kwargs) -> None:
    first = instance.first_published_at and instance.last_published_at == instance.first_published_at
    if _is_listing(instance) and first and _is_new(instance):
        record(instance, ListingOpening.Reason.PUBLISHED)


@receiver(post_save)
def listing_created_live(sender, instance, created, raw=False, **kwargs) -> None:
    """A listing created live without Wagtail's publishing (a spreadsheet import, say) is new too."""
    if (
        created
        and not raw
        and getattr(instance, "live", False)
        and _is_listing(instance)
        and _is_new(instance)
    ):
        record(instance, ListingOpening.Reason.PUBLISHED)


@receiver(places_opened)
def listing_has_places(sender, page, **kwargs) -> None:
    if _is_listing(page):
        record(page, ListingOpening.Reason.PLACES)
