"""The events plugin's recurring jobs (registered in ``wagtail_hooks.py``, run by ``manage.py run_scheduled_jobs``)."""

from __future__ import annotations

import datetime
import logging

from django.db.models import Q
from django.utils import timezone

from wegweiser.events.models import EventPage, EventRegistration
from wegweiser.plugin_api import invalidate_public_pages

logger = logging.getLogger(__name__)

REGISTRATION_RETENTION_DAYS = 14


def delete_past_registrations(days: int = REGISTRATION_RETENTION_DAYS) -> dict[str, int]:
    """Data minimisation: registrations are deleted two weeks after their date."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    deleted, _details = EventRegistration.objects.filter(occurrence_start__lt=cutoff).delete()
    return {"deleted": deleted}


def move_on_next_dates(now: datetime.datetime | None = None) -> dict[str, int]:
    """Events whose next date has begun get the date after it (``EventPage.next_start``), so the finder keeps
    listing the next date first; so do events whose next date was never worked out (a portal from before the
    field) while their series runs. Cached public pages are renewed when any moved on."""
    now = now or timezone.now()
    runs = Q(series_end__isnull=True) | Q(series_end__gte=now)
    due = EventPage.objects.filter(
        Q(next_start__lt=now) | Q(next_start__isnull=True, start__isnull=False) & runs
    ).prefetch_related("exceptions")
    moved = 0
    for event in due.iterator(chunk_size=200):
        next_start = event.compute_next_start(now)
        if next_start != event.next_start:
            EventPage.objects.filter(pk=event.pk).update(next_start=next_start)
            moved += 1
    if moved:
        invalidate_public_pages()
    return {"moved_on": moved}
