"""The scheduled jobs of place alerts: send the matches, remind before the end, end and clean up.

``send_place_alerts`` reads the due alerts in batches of :data:`BATCH_SIZE`. Its queries do not grow with
the number of alerts in a batch: one for the batch, the openings pool's few (once per run), one insert of
the batch's mails, and two updates. An address has one alert per criteria and site (the constraint
``search_alert_once_per_address``; migration 0020 removed the twins stored before it), so it is told of
an opening once.
"""

from __future__ import annotations

import datetime

from django.db.models import F, Min, Q
from django.utils import timezone

from wegweiser.search.alerts import mails
from wegweiser.search.alerts.matching import OpeningPool
from wegweiser.search.models import ListingOpening, PlaceAlert
from wegweiser.site.outbox import queue_many

BATCH_SIZE = 500
#: At most one mail a day per alert.
MAIL_INTERVAL = datetime.timedelta(days=1)
#: Openings younger than this are left for the next run: a publishing transaction may not have committed.
SETTLE = datetime.timedelta(minutes=1)
REMINDER_BEFORE = datetime.timedelta(days=7)
#: Unconfirmed alerts are deleted after the confirmation link has expired.
UNCONFIRMED_KEPT = datetime.timedelta(days=7)
OPENINGS_KEPT = datetime.timedelta(days=7)


def due_alerts(now: datetime.datetime):
    return PlaceAlert.objects.active(now).filter(
        Q(last_sent_at__isnull=True) | Q(last_sent_at__lte=now - MAIL_INTERVAL)
    )


def send_place_alerts(now: datetime.datetime | None = None, batch_size: int = BATCH_SIZE) -> dict:
    """Mail every due alert the listings that opened for it since it was last checked."""
    now = now or timezone.now()
    until = now - SETTLE
    due = due_alerts(now).filter(checked_until__lt=until)
    since = due.aggregate(since=Min("checked_until"))["since"]
    if since is None:
        return {"alerts": 0, "mails": 0}
    openings = list(
        ListingOpening.objects.filter(at__gt=since, at__lte=until).values_list("page_id", "at", "reason")
    )
    pool = OpeningPool(openings)
    checked = mailed = 0
    last_pk = 0
    shared: dict = {}  # criteria in words and search links, per language and criteria
    while True:
        batch = list(due.filter(pk__gt=last_pk).select_related("site").order_by("pk")[:batch_size])
        if not batch:
            break
        last_pk = batch[-1].pk
        outgoing, sent_ids = [], []
        for alert in batch:
            found = pool.matches(alert) if openings else []
            if found:
                outgoing.append(mails.compose_alert(alert, found, shared))
                sent_ids.append(alert.pk)
        queue_many(outgoing)
        batch_ids = [alert.pk for alert in batch]
        if sent_ids:
            PlaceAlert.objects.filter(pk__in=sent_ids).update(
                last_sent_at=now, checked_until=until, mails_sent=F("mails_sent") + 1
            )
        PlaceAlert.objects.filter(pk__in=[pk for pk in batch_ids if pk not in set(sent_ids)]).update(
            checked_until=until
        )
        checked += len(batch)
        mailed += len(sent_ids)
    return {"alerts": checked, "mails": mailed, "openings": len(openings)}


def remind_and_end_alerts(now: datetime.datetime | None = None) -> dict:
    """A reminder a week before the end; then the end (only anonymous counts stay); stale rows removed."""
    now = now or timezone.now()
    reminded = 0
    for alert in PlaceAlert.objects.active(now).filter(
        reminded_at__isnull=True, expires_at__lte=now + REMINDER_BEFORE
    ):
        mails.send_reminder(alert)
        PlaceAlert.objects.filter(pk=alert.pk).update(reminded_at=now)
        reminded += 1
    expired = 0
    for alert in PlaceAlert.objects.filter(status=PlaceAlert.Status.ACTIVE, expires_at__lte=now):
        alert.end(PlaceAlert.EndReason.EXPIRED, now)
        expired += 1
    unconfirmed, _detail = PlaceAlert.objects.filter(
        status=PlaceAlert.Status.PENDING, created_at__lte=now - UNCONFIRMED_KEPT
    ).delete()
    ListingOpening.objects.filter(at__lte=now - OPENINGS_KEPT).delete()
    return {"reminded": reminded, "ended": expired, "deleted_unconfirmed": unconfirmed}
