"""Background work of the events plugin, run by the task worker (``manage.py db_worker``)."""

from __future__ import annotations

import datetime
import logging

from django.utils import timezone
from django_tasks import task

from wegweiser.events.ical_import import sync_all_feeds, sync_feed
from wegweiser.events.models import CalendarFeed, EventRegistration

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
