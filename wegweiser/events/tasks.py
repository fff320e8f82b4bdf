"""Background work of the events plugin, run by the task worker (``manage.py db_worker``)."""

from __future__ import annotations

import datetime
import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from wegweiser.site.links import public_base_url

logger = logging.getLogger(__name__)

REGISTRATION_RETENTION_DAYS = 14


@task()
def send_registration_mail(registration_id: int, language: str = "de") -> None:
    """Confirmation (or waiting-list notice) with the link to withdraw; retried by the worker if mail is down."""
    from wegweiser.events.models import EventRegistration

    registration = EventRegistration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None:
        return
    event = registration.event
    root = public_base_url(event.get_site())
    with translation.override(language):
        path = reverse("events:withdraw-registration", kwargs={"token": registration.token})
        context = {
            "registration": registration,
            "event": event,
            "when": registration.occurrence_start.astimezone(event.tz),
            "withdraw_url": f"{root}{path}",
        }
        subject = render_to_string("events/mail/registration_subject.txt", context).strip()
        body = render_to_string("events/mail/registration_body.txt", context)
    send_mail(subject, body, None, [registration.email])


@task()
def sync_calendar_feeds() -> dict[str, int]:
    """Import every active partner calendar; one broken feed never stops the others."""
    from wegweiser.events.ical_import import sync_all_feeds

    return sync_all_feeds()


@task()
def sync_calendar_feed(feed_id: int) -> None:
    from wegweiser.events.ical_import import sync_feed
    from wegweiser.events.models import CalendarFeed

    feed = CalendarFeed.objects.filter(pk=feed_id).first()
    if feed is not None:
        sync_feed(feed)


@task()
def delete_past_registrations(days: int = REGISTRATION_RETENTION_DAYS) -> int:
    """Data minimisation: registrations are deleted two weeks after their date."""
    from wegweiser.events.models import EventRegistration

    cutoff = timezone.now() - datetime.timedelta(days=days)
    deleted, _details = EventRegistration.objects.filter(occurrence_start__lt=cutoff).delete()
    return deleted
