"""Partners' calendars are imported: from a file or a URL, idempotently, with rules, exceptions and time zones."""

from __future__ import annotations

import datetime
import http.server
import threading

import pytest
import recurring_ical_events
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from icalendar import Calendar

from tests.events.conftest import berlin
from wegweiser.events.ical_import import sync_all_feeds, sync_feed
from wegweiser.events.models import CalendarFeed, EventPage
from wegweiser.events.recurrence import BERLIN
from wegweiser.events.tasks import sync_calendar_feeds

pytestmark = pytest.mark.django_db

VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""

SERIES = """BEGIN:VEVENT
UID:sprachcafe@partner.example
DTSTAMP:{stamp}
SUMMARY:{title}
DESCRIPTION:Deutsch üben bei Kaffee und Tee.
LOCATION:Gemeindehaus\\, Kirchweg 3
DTSTART;TZID=Europe/Berlin:20270302T190000
DTEND;TZID=Europe/Berlin:20270302T210000
RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20271102T225959Z
EXDATE;TZID=Europe/Berlin:20270330T190000
END:VEVENT
BEGIN:VEVENT
UID:sprachcafe@partner.example
DTSTAMP:{stamp}
RECURRENCE-ID;TZID=Europe/Berlin:20271026T190000
SUMMARY:{title}
DTSTART;TZID=Europe/Berlin:20271027T180000
DTEND;TZID=Europe/Berlin:20271027T200000
END:VEVENT
"""

FESTIVAL = """BEGIN:VEVENT
UID:fest@partner.example
DTSTAMP:{stamp}
SUMMARY:Fest der Kulturen
DTSTART;VALUE=DATE:20270918
DTEND;VALUE=DATE:20270920
END:VEVENT
"""

NEW_YORK = """BEGIN:VEVENT
UID:webinar@partner.example
DTSTAMP:{stamp}
SUMMARY:Webinar
DTSTART;TZID=America/New_York:20270315T130000
DTEND;TZID=America/New_York:20270315T140000
END:VEVENT
"""


def ics(*events: str, stamp: str = "20270101T000000Z", title: str = "Sprachcafé") -> bytes:
    body = "".join(event.format(stamp=stamp, title=title) for event in events)
    text = f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Partner//DE\n{VTIMEZONE}{body}END:VCALENDAR\n"
    return text.replace("\n", "\r\n").encode()


class FeedServer:
    """A partner's calendar server on 127.0.0.1, serving whatever the test puts in ``content``."""

    def __init__(self):
        self.content = b""
        self.status = 200
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(server.status)
                self.send_header("Content-Type", "text/calendar")
                self.end_headers()
                self.wfile.write(server.content)

            def log_message(self, *args):
                pass

        self.httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "/kalender.ics") -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}{path}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def feed_server():
    server = FeedServer()
    yield server
    server.close()


def local(moment: datetime.datetime) -> str:
    return moment.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M")


def portal_dates(event, start, end) -> list[str]:
    return [
        local(occurrence.start) for occurrence in event.occurrences(start, end) if not occurrence.cancelled
    ]


def source_dates(data: bytes, uid: str, start, end) -> list[str]:
    events = recurring_ical_events.of(Calendar.from_ical(data)).between(start, end)
    return sorted(local(event.decoded("DTSTART")) for event in events if str(event["UID"]) == uid)


def test_import_from_uploaded_file_keeps_rules_exceptions_all_day_and_time_zones(organisation_a):
    data = ics(SERIES, FESTIVAL, NEW_YORK)
    feed = CalendarFeed.objects.create(
        organisation=organisation_a,
        name="Kalender",
        file=ContentFile(data, name="kalender.ics"),
        publish_mode="published",
    )
    result = sync_feed(feed)
    assert (result.created, result.error) == (3, "")
    cafe = EventPage.objects.get(ical_uid="sprachcafe@partner.example")
    assert cafe.live and cafe.organisation_id == organisation_a.pk
    assert cafe.place_name == "Gemeindehaus, Kirchweg 3"
    window = (berlin(2027, 1, 1), berlin(2027, 12, 31))
    assert portal_dates(cafe, *window) == source_dates(data, "sprachcafe@partner.example", *window)
    assert "2027-10-27 18:00" in portal_dates(cafe, *window)
    assert "2027-03-30 19:00" not in portal_dates(cafe, *window)
    assert "2027-11-02 19:00" in portal_dates(cafe, *window)

    festival = EventPage.objects.get(ical_uid="fest@partner.example")
    assert festival.all_day and festival.start == berlin(2027, 9, 18)
    assert festival.end.astimezone(BERLIN).date() == datetime.date(2027, 9, 19)

    webinar = EventPage.objects.get(ical_uid="webinar@partner.example")
    assert webinar.time_zone == "America/New_York"
    assert local(webinar.start) == "2027-03-15 18:00"


def test_resync_from_a_local_server_updates_rather_than_duplicates_and_removes_deleted(
    organisation_a, feed_server
):
    feed_server.content = ics(SERIES, FESTIVAL)
    feed = CalendarFeed.objects.create(organisation=organisation_a, name="Kalender", url=feed_server.url())
    assert sync_feed(feed).created == 2
    assert not EventPage.objects.get(ical_uid="fest@partner.example").live  # draft mode: for review

    feed_server.content = ics(SERIES, FESTIVAL, stamp="20270202T000000Z")
    again = sync_feed(feed)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert EventPage.objects.count() == 2

    feed_server.content = ics(SERIES, title="Sprachcafé International")
    changed = sync_feed(feed)
    assert (changed.updated, changed.removed) == (1, 1)
    cafe = EventPage.objects.get(ical_uid="sprachcafe@partner.example")
    assert cafe.get_latest_revision_as_object().title == "Sprachcafé International"
    assert list(EventPage.objects.values_list("ical_uid", flat=True)) == ["sprachcafe@partner.example"]
    feed.refresh_from_db()
    assert feed.last_synced is not None and feed.last_error == ""


def test_broken_feed_is_reported_and_does_not_stop_the_others(organisation_a, organisation_b, feed_server):
    organisation_b.email = "kalender@verein-b.example"
    organisation_b.save_revision().publish()
    feed_server.content = ics(FESTIVAL)
    good = CalendarFeed.objects.create(
        organisation=organisation_a, name="Gut", url=feed_server.url(), publish_mode="published"
    )
    broken = CalendarFeed.objects.create(
        organisation=organisation_b, name="Kaputt", url="http://127.0.0.1:9/none.ics"
    )
    garbage = CalendarFeed.objects.create(
        organisation=organisation_b,
        name="Unsinn",
        file=ContentFile(b"<html>not a calendar</html>", name="x.ics"),
    )
    totals = sync_all_feeds()
    assert totals["feeds"] == 3 and totals["failed"] == 2 and totals["created"] == 1
    broken.refresh_from_db()
    garbage.refresh_from_db()
    assert "could not be loaded" in broken.last_error or "konnte nicht" in broken.last_error
    assert garbage.last_error
    assert [message.to for message in mail.outbox] == [
        ["kalender@verein-b.example"],
        ["kalender@verein-b.example"],
    ]
    sync_all_feeds()
    assert len(mail.outbox) == 2  # told once, not on every retry
    assert EventPage.objects.filter(source_feed=good).count() == 1


def test_http_error_is_recorded(organisation_a, feed_server):
    feed_server.status = 404
    feed = CalendarFeed.objects.create(organisation=organisation_a, name="Weg", url=feed_server.url())
    assert sync_feed(feed).error
    feed.refresh_from_db()
    assert "404" in feed.last_error


def test_task_and_management_command_sync_all_feeds(organisation_a, feed_server):
    feed_server.content = ics(FESTIVAL)
    CalendarFeed.objects.create(organisation=organisation_a, name="Kalender", url=feed_server.url())
    result = sync_calendar_feeds.enqueue()
    assert result.return_value["created"] == 1
    call_command("sync_calendar_feeds")
    assert EventPage.objects.count() == 1


def test_a_feed_that_never_answers_times_out_and_is_recorded(organisation_a, monkeypatch):
    import socket

    from wegweiser.events import ical_import

    assert ical_import.TIMEOUT_SECONDS <= 10
    monkeypatch.setattr(ical_import, "TIMEOUT_SECONDS", 0.5)
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts the connection, never sends a byte
    try:
        feed = CalendarFeed.objects.create(
            organisation=organisation_a, name="Stumm", url=f"http://127.0.0.1:{silent.getsockname()[1]}/k.ics"
        )
        assert sync_feed(feed).error
    finally:
        silent.close()
    feed.refresh_from_db()
    assert "timed out" in feed.last_error
