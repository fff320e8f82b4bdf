"""Background work of the events plugin, run by the task worker (``manage.py db_worker``)."""

from __future__ import annotations

import datetime
import logging

from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from wegweiser.events.ical_import import sync_all_feeds, sync_feed
from wegweiser.events.models import CalendarFeed, EventPage, EventRegistration
from wegweiser.plugin_api import invalidate_public_pages

logger = logging.getLogger(__name__)

REGISTRATION_RETENTION_DAYS = 14


@task()
def sync_calendar_feeds() -> dict[str, int]:
    """Import every active partner calendar; one broken feed never stops the others."""
    return sync_all_feeds()


@task()
def sync_calendar_feed(feed_id: int) -> None:
    feed = CalendarFeed.objects.filter(pk=feed_id).first()
    if feed is not None:
        sync_feed(feed)


@task()
def delete_past_registrations(days: int = REGISTRATION_RETENTION_DAYS) -> int:
    """Data minimisation: registrations are deleted two weeks after their date."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    deleted, _details = EventRegistration.objects.filter(occurrence_start__lt=cutoff).delete()
    return deleted


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
