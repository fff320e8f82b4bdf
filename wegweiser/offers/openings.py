"""A fully booked course date with free seats again tells the portal (place alerts wait for it)."""

from __future__ import annotations

from django.db.models.signals import pre_save
from django.dispatch import receiver

from wegweiser.offers.models import CourseDate
from wegweiser.plugin_api import announce_places_opened


@receiver(pre_save, sender=CourseDate)
def course_date_has_seats_again(sender, instance: CourseDate, raw: bool = False, **kwargs) -> None:
    """Full (so marked, or no free seat) before this save, open with seats (or an unknown number) after it."""
    if raw or instance.pk is None:
        return
    before = CourseDate.objects.filter(pk=instance.pk).only("status", "seats_free").first()
    if before is None or not before.is_full or instance.is_full or instance.status != CourseDate.Status.OPEN:
        return
    page = instance.page
    if page.live:
        announce_places_opened(page)
