"""Fixtures for the events plugin: event pages below the shared test organisations."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from wegweiser.events.models import EventException, EventPage
from wegweiser.events.recurrence import BERLIN


def berlin(year, month, day, hour=0, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def soon(days: int, hour: int = 19) -> datetime.datetime:
    """``hour`` o'clock in Berlin, ``days`` from today."""
    return datetime.datetime.combine(
        timezone.localdate() + datetime.timedelta(days=days), datetime.time(hour), BERLIN
    )


def weekly_elterncafe(organisation, start, **more) -> EventPage:
    """The "Elterncafé", every week on the weekday of ``start``."""
    weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][start.weekday()]
    return make_event(
        organisation,
        title="Elterncafé",
        slug="elterncafe",
        start=start,
        recurrence_frequency="WEEKLY",
        recurrence_weekdays=[weekday],
        **more,
    )


def make_event(
    parent, title="Sprachcafé", exceptions=(), topics=(), languages=(), publish=True, **fields
) -> EventPage:
    fields.setdefault("slug", title.lower().replace(" ", "-").replace("é", "e"))
    fields.setdefault("summary", f"{title}: kommen Sie vorbei.")
    fields.setdefault("start", berlin(2026, 3, 3, 19))
    fields.setdefault("end", fields["start"] + datetime.timedelta(hours=2))
    event = EventPage(title=title, **fields)
    event.exceptions = [EventException(**exception) for exception in exceptions]
    event.clean()
    parent.add_child(instance=event)
    if topics:
        event.topics.set(topics)
    if languages:
        event.languages.set(languages)
    revision = event.save_revision()
    if publish:
        revision.publish()
    event.refresh_from_db()
    return event


@pytest.fixture
def event_factory(organisation_a):
    def factory(**fields):
        parent = fields.pop("parent", organisation_a)
        return make_event(parent, **fields)

    return factory
