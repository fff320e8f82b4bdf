"""Counting what clients do, in the database, so that every worker process and every server shares one count.

One mechanism for every limit of the portal: the public forms (per client and hour), the login
throttle (per account and per client, with a cool-off) and the API (per client and period). A count
lives in a :class:`~wegweiser.site.models.RateLimitCounter` row under a keyed hash of what is counted,
so no user name or address is ever stored; the row expires with its window. The database is shared by
every app server of an installation whatever cache it configures, so a limit holds however many
gunicorn workers or servers answer.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone


@dataclass(frozen=True)
class Count:
    """How often something happened in the current window, and when that window ends."""

    count: int
    resets_at: datetime.datetime


def counter_key(bucket: str, subject: str) -> str:
    """A keyed hash of what is counted (``bucket``) and for whom (``subject``: a client, an account)."""
    message = f"{bucket}:{subject}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _counters():
    from wegweiser.site.models import RateLimitCounter  # models import the public forms, which import this

    return RateLimitCounter.objects


def hit(bucket: str, subject: str, window: datetime.timedelta) -> Count:
    """Count one event; the number of events in the window that the first of them opened.

    In a running window this is one ``UPDATE … SET count = count + 1`` (parallel requests are not lost)
    and one read; opening a new window also deletes every expired counter.
    """
    now = timezone.now()
    key = counter_key(bucket, subject)
    counters = _counters()
    with transaction.atomic():
        if not counters.filter(key=key, expires_at__gt=now).update(count=F("count") + 1):
            counters.filter(expires_at__lte=now).delete()
            try:
                with transaction.atomic():
                    counters.create(key=key, count=1, expires_at=now + window)
                return Count(1, now + window)
            except IntegrityError:  # another request opened the window meanwhile
                counters.filter(key=key).update(count=F("count") + 1)
        row = counters.filter(key=key).values_list("count", "expires_at").first()
    return Count(*row) if row else Count(1, now + window)


def take_back(bucket: str, subject: str) -> None:
    """Uncount one event of the running window (it turned out not to count)."""
    _counters().filter(key=counter_key(bucket, subject), expires_at__gt=timezone.now(), count__gt=0).update(
        count=F("count") - 1
    )


def clear(bucket: str, subject: str) -> None:
    """Forget the count (a correct password clears an account's failures)."""
    _counters().filter(key=counter_key(bucket, subject)).delete()


def hold(bucket: str, subject: str, duration: datetime.timedelta) -> None:
    """Start (or restart) a cool-off of ``duration`` for ``subject``."""
    until = timezone.now() + duration
    _counters().update_or_create(
        key=counter_key(f"{bucket}:hold", subject), defaults={"count": 1, "expires_at": until}
    )


def held(bucket: str, subject: str) -> bool:
    """Whether ``subject`` is in a cool-off started by :func:`hold`."""
    return (
        _counters().filter(key=counter_key(f"{bucket}:hold", subject), expires_at__gt=timezone.now()).exists()
    )
