"""Import partners' own calendars (iCal URL or uploaded .ics) into event pages below their organisation.

Idempotent by ``UID``: a re-sync updates what changed, creates what is new and takes off the site what
the partner deleted (unpublished, never deleted once it was public). Rules, cancelled dates (``EXDATE``),
moved dates (``RECURRENCE-ID``), all-day events and time zones are kept. A broken feed is recorded on the
feed and mailed to the organisation once; it never stops the sync of the others. Addresses are fetched
through :mod:`wegweiser.site.safe_fetch` (public hosts only, at most 10 seconds). Events are published
only if whoever set the feed up may publish under the organisation at import time; otherwise every change
goes to the office for review.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from wagtail.models import Locale

from wegweiser.events.models import CalendarFeed, EventException, EventPage
from wegweiser.events.recurrence import BERLIN
from wegweiser.plugin_api import (
    FetchHTTPError,
    FetchRefused,
    FetchTooLarge,
    fetch_public_url,
    queue_mail,
    slug_for,
)

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10
MAX_FEED_BYTES = 5 * 1024 * 1024


class FeedError(Exception):
    """Something the partner can fix: the address, the file or its content."""


@dataclass
class SyncResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    error: str = ""
    uids: set[str] = field(default_factory=set)


def feed_address(url: str) -> str:
    """The http(s) address to fetch: ``webcal://`` is the same calendar over https."""
    url = url.strip()
    if url.lower().startswith("webcal://"):
        return "https://" + url[len("webcal://") :]
    return url


def unreachable_message() -> str:
    """One text for every address that cannot be used, so errors tell nothing about internal hosts."""
    return _(
        "The calendar could not be loaded from this address. "
        "Please check that it is the public internet address of your calendar."
    )


def fetch(feed: CalendarFeed) -> bytes:
    if feed.file:
        with feed.file.open("rb") as uploaded:
            data = uploaded.read(MAX_FEED_BYTES + 1)
    else:
        url = feed_address(feed.url)
        if not url.lower().startswith(("http://", "https://")):
            raise FeedError(_("The calendar address must start with https:// or http://."))
        try:
            data = fetch_public_url(
                url, max_bytes=MAX_FEED_BYTES, timeout=TIMEOUT_SECONDS, user_agent="Wegweiser calendar import"
            )
        except FetchTooLarge as error:
            raise FeedError(_("The calendar is larger than 5 MB.")) from error
        except FetchRefused as error:
            raise FeedError(unreachable_message()) from error
        except FetchHTTPError as error:
            raise FeedError(
                _("The calendar could not be loaded: %(reason)s") % {"reason": str(error)}
            ) from error
    if len(data) > MAX_FEED_BYTES:
        raise FeedError(_("The calendar is larger than 5 MB."))
    return data


def group_by_uid(data: bytes) -> dict[str, tuple]:
    """``UID -> (series or single event, [changed single dates])`` of every ``VEVENT``."""
    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as error:
        raise FeedError(_("The file is not a valid iCalendar (.ics) file.")) from error
    groups: dict[str, list] = {}
    for component in calendar.walk("VEVENT"):
        if component.get("dtstart") is None:
            continue
        uid = str(component.get("uid") or "") or _fallback_uid(component)
        master, overrides = groups.setdefault(uid, [None, []])
        if component.get("recurrence-id") is not None:
            overrides.append(component)
        else:
            groups[uid][0] = component
    return {uid: (master, overrides) for uid, (master, overrides) in groups.items() if master is not None}


def _fallback_uid(component) -> str:
    return hashlib.sha256(component.to_ical()).hexdigest()[:32]


def _fingerprint(master, overrides) -> str:
    digest = hashlib.sha256()
    for component in [master, *overrides]:
        for line in component.to_ical().splitlines():
            if not line.upper().startswith(b"DTSTAMP"):
                digest.update(line)
    return digest.hexdigest()


def _aware(value, tz) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    return datetime.datetime.combine(value, datetime.time.min, tzinfo=tz)


def _values(component, name: str) -> list:
    prop = component.get(name)
    if prop is None:
        return []
    lists = prop if isinstance(prop, list) else [prop]
    return [item.dt for value in lists for item in value.dts]


def _text(component, name: str, limit: int) -> str:
    return str(component.get(name) or "").strip()[:limit]


def apply_component(event: EventPage, master, overrides) -> None:
    """Copy an iCal series (with its changed dates) onto ``event``'s fields."""
    start_value = master.get("dtstart").dt
    all_day = not isinstance(start_value, datetime.datetime)
    tz = BERLIN
    if not all_day and getattr(start_value.tzinfo, "key", None):
        tz = start_value.tzinfo
    event.time_zone = getattr(tz, "key", "Europe/Berlin")
    event.all_day = all_day
    event.start = _aware(start_value, tz)
    end_value = master.get("dtend").dt if master.get("dtend") is not None else None
    if end_value is None and master.get("duration") is not None:
        end_value = start_value + master.get("duration").dt
    if all_day:
        last_day = (end_value - datetime.timedelta(days=1)) if end_value else start_value
        event.end = _aware(max(last_day, start_value), tz)
    else:
        event.end = _aware(end_value, tz) if end_value else None
    event.title = _text(master, "summary", 255) or _("Event")
    event.summary = _text(master, "description", 400) or event.title
    event.place_name = _text(master, "location", 200)
    status = str(master.get("status") or "").upper()
    event.status = EventPage.Status.CANCELLED if status == "CANCELLED" else EventPage.Status.SCHEDULED
    rule = master.get("rrule")
    event.set_rrule(rule.to_ical().decode() if rule is not None else "")
    exceptions = []
    for excluded in _values(master, "exdate"):
        exceptions.append(
            EventException(occurrence_date=_aware(excluded, tz).astimezone(tz).date(), action="cancel")
        )
    for override in overrides:
        original = _aware(override.get("recurrence-id").dt, tz).astimezone(tz).date()
        if str(override.get("status") or "").upper() == "CANCELLED":
            exceptions.append(EventException(occurrence_date=original, action="cancel"))
            continue
        new_start = _aware(override.get("dtstart").dt, tz)
        new_end = override.get("dtend")
        exceptions.append(
            EventException(
                occurrence_date=original,
                action="move",
                new_start=new_start,
                new_end=_aware(new_end.dt, tz) if new_end is not None else None,
                note=_text(override, "summary", 300)
                if _text(override, "summary", 300) != event.title
                else "",
            )
        )
    event.exceptions = exceptions


def _unique_slug(organisation, title: str, uid: str) -> str:
    base = slug_for(title, 60) or "termin"
    return f"{base}-{hashlib.sha1(uid.encode()).hexdigest()[:8]}"  # noqa: S324 - a name, not a secret


def may_publish(feed: CalendarFeed) -> bool:
    """Publish right away only if asked to and whoever set the feed up may still publish there."""
    if feed.publish_mode != CalendarFeed.PublishMode.PUBLISHED or feed.configured_by_id is None:
        return False
    user = get_user_model().objects.get(pk=feed.configured_by_id)  # fresh: no permissions cached on it
    return feed.organisation.permissions_for_user(user).can_publish_subpage()


def _submit_for_review(event: EventPage, user) -> None:
    """Put the latest revision in front of the office, as "submit for moderation" in the editor would."""
    workflow = event.get_workflow()
    if workflow is None:
        return
    state = event.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return
    if state is not None:
        state.cancel(user=user)
    workflow.start(event, user)


def _store(feed: CalendarFeed, event: EventPage, is_new: bool, publish: bool) -> None:
    organisation = feed.organisation
    user = feed.configured_by
    if is_new:
        event.slug = _unique_slug(organisation, event.title, event.ical_uid)
        event.live = False
        event.owner = user
        event.district = organisation.district
        event.city = organisation.city
        event.contact_email = organisation.email
        organisation.add_child(instance=event)
    elif event.live and not publish:
        # What visitors see stays as approved; the change waits in the revision below.
        EventPage.objects.filter(pk=event.pk).update(ical_fingerprint=event.ical_fingerprint)
    else:
        event.save()
    revision = event.save_revision(user=user)
    if publish:
        revision.publish(user=user)
    elif feed.publish_mode == CalendarFeed.PublishMode.PUBLISHED:
        _submit_for_review(event, user)


def import_events(feed: CalendarFeed, groups: dict[str, tuple]) -> SyncResult:
    result = SyncResult(uids=set(groups))
    publish = may_publish(feed)
    default_locale = Locale.get_default()
    existing = {
        event.ical_uid: event
        for event in EventPage.objects.filter(source_feed=feed, locale=default_locale).prefetch_related(
            "exceptions"
        )
    }
    for uid, (master, overrides) in groups.items():
        fingerprint = _fingerprint(master, overrides)
        event = existing.get(uid)
        if event is not None and event.ical_fingerprint == fingerprint:
            result.unchanged += 1
            continue
        is_new = event is None
        if is_new:
            event = EventPage(source_feed=feed, ical_uid=uid, locale=default_locale)
        apply_component(event, master, overrides)
        event.ical_fingerprint = fingerprint
        _store(feed, event, is_new, publish)
        if is_new:
            result.created += 1
        else:
            result.updated += 1
    if groups or not existing:
        result.removed = _withdraw_removed(feed, set(groups))
    else:
        # A calendar that suddenly holds nothing is far more often a broken export than a partner who
        # cancelled everything: keep the events, and let the partner switch the feed off to end them.
        logger.warning("Calendar feed %s returned no events; %s kept", feed.pk, len(existing))
    return result


def _withdraw_removed(feed: CalendarFeed, uids: set[str]) -> int:
    """Events the partner deleted from the calendar leave the site: a draft never published is deleted;
    a published event is unpublished (in every language) and stays in the admin with its history, so
    nothing the office approved disappears without a trace. Should it come back, it is imported again."""
    removed = 0
    user = feed.configured_by
    for gone in EventPage.objects.filter(source_feed=feed).exclude(ical_uid__in=list(uids)):
        if gone.first_published_at is None:
            gone.delete()
            removed += 1
            continue
        if gone.live:
            gone.unpublish(user=user)
            removed += 1
        if gone.ical_fingerprint:
            EventPage.objects.filter(pk=gone.pk).update(ical_fingerprint="")  # re-imported if it returns
    return removed


def sync_feed(feed: CalendarFeed) -> SyncResult:
    """Fetch, parse and import one feed; problems end up in ``feed.last_error``, not in an exception."""
    try:
        groups = group_by_uid(fetch(feed))
        with transaction.atomic():
            result = import_events(feed, groups)
    except FeedError as error:
        return _record_error(feed, str(error))
    feed.last_synced = timezone.now()
    feed.last_error = ""
    feed.save(update_fields=["last_synced", "last_error"])
    logger.info("Calendar feed %s synced: %s", feed.pk, result)
    return result


def _record_error(feed: CalendarFeed, message: str) -> SyncResult:
    """Keep the error on the feed; tell the organisation once, not on every hourly retry."""
    logger.warning("Calendar feed %s failed: %s", feed.pk, message)
    first_failure = not feed.last_error
    feed.last_error = message
    feed.save(update_fields=["last_error"])
    email = feed.organisation.email
    if first_failure and email:
        queue_mail(
            to=email,
            subject=_("Calendar import failed: %(name)s") % {"name": feed.name},
            body=_(
                "The portal could not import your calendar “%(name)s”.\n\n%(message)s\n\n"
                "Your events already on the portal stay as they are. Please check the calendar address or file."
            )
            % {"name": feed.name, "message": message},
            purpose="events.calendar_import_failed",
        )
    return SyncResult(error=message)


def sync_all_feeds() -> dict[str, int]:
    totals = {"feeds": 0, "failed": 0, "created": 0, "updated": 0, "removed": 0}
    for feed in CalendarFeed.objects.filter(active=True).select_related("organisation", "configured_by"):
        totals["feeds"] += 1
        try:
            result = sync_feed(feed)
        except Exception as error:  # noqa: BLE001 - one partner's surprise must not stop the others
            logger.exception("Calendar feed %s crashed", feed.pk)
            result = _record_error(feed, _("Unexpected error while importing: %(error)s") % {"error": error})
        if result.error:
            totals["failed"] += 1
        totals["created"] += result.created
        totals["updated"] += result.updated
        totals["removed"] += result.removed
    return totals
