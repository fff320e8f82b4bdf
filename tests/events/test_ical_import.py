"""Partners' calendars are imported: from a file or a URL, idempotently, with rules, exceptions and time zones."""

from __future__ import annotations

import datetime
import http.server
import io
import threading

import pytest
import recurring_ical_events
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from icalendar import Calendar
from wagtail.models import TaskState, WorkflowState

from tests.events.conftest import berlin
from wegweiser.events.ical_import import sync_all_feeds, sync_feed, unreachable_message
from wegweiser.events.models import CalendarFeed, EventPage
from wegweiser.events.recurrence import BERLIN
from wegweiser.plugin_api.testing import make_user
from wegweiser.site.models import ScheduledJobRun

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

    def __init__(self, host: str = "127.0.0.1"):
        self.content = b""
        self.status = 200
        self.redirect_to = ""
        self.requests = 0
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests += 1
                if server.redirect_to:
                    self.send_response(302)
                    self.send_header("Location", server.redirect_to)
                    self.end_headers()
                    return
                self.send_response(server.status)
                self.send_header("Content-Type", "text/calendar")
                self.end_headers()
                self.wfile.write(server.content)

            def log_message(self, *args):
                pass

        self.host = host
        self.httpd = http.server.HTTPServer((host, 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "/kalender.ics") -> str:
        return f"http://{self.host}:{self.httpd.server_port}{path}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def feed_server(settings):
    """A partner's server on the internet: on 127.0.0.1 here, so the test allows that one address."""
    settings.WEGWEISER_FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    server = FeedServer()
    yield server
    server.close()


@pytest.fixture
def internal_server():
    """A service on the portal's own machine (127.0.0.2, never allowed) that serves a valid calendar."""
    server = FeedServer(host="127.0.0.2")
    server.content = ics(FESTIVAL)
    yield server
    server.close()


@pytest.fixture
def publishing_editor(organisation_a):
    """An editor of organisation A, which the office allows to publish without review."""
    organisation_a.may_publish_directly = True
    organisation_a.save_revision().publish()
    return make_user("editor-publishing", organisation_a.editors_group)


def local(moment: datetime.datetime) -> str:
    return moment.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M")


def portal_dates(event, start, end) -> list[str]:
    return [
        local(occurrence.start) for occurrence in event.occurrences(start, end) if not occurrence.cancelled
    ]


def source_dates(data: bytes, uid: str, start, end) -> list[str]:
    events = recurring_ical_events.of(Calendar.from_ical(data)).between(start, end)
    return sorted(local(event.decoded("DTSTART")) for event in events if str(event["UID"]) == uid)


def test_import_from_uploaded_file_keeps_rules_exceptions_all_day_and_time_zones(
    organisation_a, publishing_editor
):
    data = ics(SERIES, FESTIVAL, NEW_YORK)
    feed = CalendarFeed.objects.create(
        organisation=organisation_a,
        name="Kalender",
        file=ContentFile(data, name="kalender.ics"),
        publish_mode="published",
        configured_by=publishing_editor,
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


def test_an_event_deleted_from_a_published_calendar_is_unpublished_not_destroyed_and_can_come_back(
    organisation_a, feed_server, publishing_editor, client
):
    feed_server.content = ics(SERIES, FESTIVAL)
    feed = CalendarFeed.objects.create(
        organisation=organisation_a,
        name="Kalender",
        url=feed_server.url(),
        publish_mode="published",
        configured_by=publishing_editor,
    )
    assert sync_feed(feed).created == 2
    festival = EventPage.objects.get(ical_uid="fest@partner.example")
    assert festival.live and client.get(festival.url).status_code == 200

    feed_server.content = ics(SERIES)
    assert sync_feed(feed).removed == 1
    festival.refresh_from_db()
    assert not festival.live  # visitors no longer see it …
    assert client.get(festival.url).status_code == 404
    assert festival.revisions.exists()  # … and the office still finds it, with its history

    feed_server.content = ics()  # a broken export with no events at all removes nothing
    assert sync_feed(feed).removed == 0
    assert EventPage.objects.get(ical_uid="sprachcafe@partner.example").live

    feed_server.content = ics(SERIES, FESTIVAL)
    assert sync_feed(feed).updated == 1
    festival.refresh_from_db()
    assert festival.live


def test_broken_feed_is_reported_and_does_not_stop_the_others(
    organisation_a, organisation_b, feed_server, publishing_editor
):
    organisation_b.email = "kalender@verein-b.example"
    organisation_b.save_revision().publish()
    feed_server.content = ics(FESTIVAL)
    good = CalendarFeed.objects.create(
        organisation=organisation_a,
        name="Gut",
        url=feed_server.url(),
        publish_mode="published",
        configured_by=publishing_editor,
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
    assert broken.last_error == unreachable_message()
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


def test_the_scheduled_job_imports_every_feed_and_records_what_it_did(organisation_a, feed_server):
    """Run by hand as every job is: ``run_scheduled_jobs events.sync_calendar_feeds --force``."""
    feed_server.content = ics(FESTIVAL)
    CalendarFeed.objects.create(organisation=organisation_a, name="Kalender", url=feed_server.url())
    call_command("run_scheduled_jobs", "events.sync_calendar_feeds", "--force", stdout=io.StringIO())
    summary = ScheduledJobRun.objects.get(name="events.sync_calendar_feeds").last_summary
    assert "Veranstaltungen angelegt: 1" in summary and "fehlgeschlagen: 0" in summary
    call_command("run_scheduled_jobs", "events.sync_calendar_feeds", "--force", stdout=io.StringIO())
    assert EventPage.objects.count() == 1


def test_a_feed_that_never_answers_times_out_and_is_recorded(organisation_a, feed_server, monkeypatch):
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
    assert feed.last_error == unreachable_message()


def test_calendar_on_the_portals_own_machine_is_never_imported_and_reads_like_an_unreachable_host(
    organisation_a, internal_server
):
    on_loopback = FeedServer()  # 127.0.0.1, not allowed in this test
    on_loopback.content = ics(FESTIVAL)
    port = on_loopback.httpd.server_port
    try:
        addresses = [
            on_loopback.url(),
            f"http://localhost:{port}/kalender.ics",
            f"http://[::ffff:127.0.0.1]:{port}/kalender.ics",
            internal_server.url(),
            "http://127.0.0.1:9/closed-port.ics",
            "http://kalender.does-not-exist.invalid/kalender.ics",
        ]
        feeds = [
            CalendarFeed.objects.create(organisation=organisation_a, name=f"Intern {n}", url=url)
            for n, url in enumerate(addresses)
        ]
        errors = {sync_feed(feed).error for feed in feeds}
    finally:
        on_loopback.close()
    assert errors == {unreachable_message()}
    assert on_loopback.requests == internal_server.requests == 0
    assert not EventPage.objects.exists()
    assert set(CalendarFeed.objects.values_list("last_error", flat=True)) == {unreachable_message()}


def test_a_public_calendar_that_redirects_to_an_internal_host_is_refused(
    organisation_a, feed_server, internal_server
):
    feed_server.redirect_to = internal_server.url()
    feed = CalendarFeed.objects.create(organisation=organisation_a, name="Umleitung", url=feed_server.url())
    assert sync_feed(feed).error == unreachable_message()
    assert feed_server.requests == 1 and internal_server.requests == 0
    assert not EventPage.objects.exists()


def test_a_public_calendar_may_redirect_to_another_public_address(organisation_a, feed_server):
    feed_server.content = ics(FESTIVAL)
    target = FeedServer()
    target.content = ics(FESTIVAL)
    feed_server.redirect_to = target.url()
    try:
        feed = CalendarFeed.objects.create(organisation=organisation_a, name="Umzug", url=feed_server.url())
        assert sync_feed(feed).created == 1
    finally:
        target.close()


def test_endless_redirects_stop(organisation_a, feed_server):
    feed_server.redirect_to = feed_server.url()
    feed = CalendarFeed.objects.create(organisation=organisation_a, name="Kreis", url=feed_server.url())
    assert sync_feed(feed).error == unreachable_message()
    assert feed_server.requests == 6


def test_published_feed_of_a_partner_without_publish_right_goes_to_the_office_for_review(
    organisation_a, editor_a, feed_server
):
    feed_server.content = ics(FESTIVAL)
    feed = CalendarFeed.objects.create(
        organisation=organisation_a,
        name="Kalender",
        url=feed_server.url(),
        publish_mode="published",
        configured_by=editor_a,
    )
    assert sync_feed(feed).created == 1
    event = EventPage.objects.get(ical_uid="fest@partner.example")
    assert not event.live
    assert event.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert event.current_workflow_state.requested_by == editor_a

    feed_server.content = ics(FESTIVAL.replace("Fest der Kulturen", "Fest der Kulturen 2027"))
    assert sync_feed(feed).updated == 1
    event.refresh_from_db()
    assert not event.live
    review = event.current_workflow_state
    assert review.status == WorkflowState.STATUS_IN_PROGRESS
    assert review.current_task_state.revision.as_object().title == "Fest der Kulturen 2027"
    assert TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).count() == 1


def test_feed_without_a_known_creator_never_publishes(organisation_a, feed_server):
    feed_server.content = ics(FESTIVAL)
    feed = CalendarFeed.objects.create(
        organisation=organisation_a, name="Alt", url=feed_server.url(), publish_mode="published"
    )
    sync_feed(feed)
    event = EventPage.objects.get()
    assert not event.live and event.workflow_in_progress


def test_publish_right_is_checked_at_every_import(organisation_a, publishing_editor, feed_server):
    feed_server.content = ics(FESTIVAL)
    feed = CalendarFeed.objects.create(
        organisation=organisation_a,
        name="Kalender",
        url=feed_server.url(),
        publish_mode="published",
        configured_by=publishing_editor,
    )
    sync_feed(feed)
    assert EventPage.objects.get(ical_uid="fest@partner.example").live

    organisation_a.may_publish_directly = False
    organisation_a.save_revision().publish()
    feed_server.content = ics(FESTIVAL.replace("Fest der Kulturen", "Fest ohne Freigabe"), NEW_YORK)
    sync_feed(feed)
    webinar = EventPage.objects.get(ical_uid="webinar@partner.example")
    assert not webinar.live and webinar.workflow_in_progress
    festival = EventPage.objects.get(ical_uid="fest@partner.example")
    assert festival.live and festival.title == "Fest der Kulturen"  # visitors still see the approved one
    assert festival.workflow_in_progress
    assert festival.get_latest_revision_as_object().title == "Fest ohne Freigabe"
    assert sync_feed(feed).unchanged == 2  # the pending change is not submitted again every hour


def feed_form(client, user, **fields) -> dict:
    client.force_login(user)
    data = {"name": "Kalender", "url": "", "publish_mode": "draft", "active": "on", **fields}
    return client.post(reverse("calendar_feeds:add"), data)


def test_partner_without_publish_right_is_not_offered_publishing_and_cannot_post_it(
    client, organisation_a, editor_a
):
    client.force_login(editor_a)
    form_page = client.get(reverse("calendar_feeds:add")).content.decode()
    assert 'value="published"' not in form_page
    response = feed_form(
        client,
        editor_a,
        organisation=organisation_a.pk,
        url="https://kalender.example.org/k.ics",
        publish_mode="published",
    )
    assert response.status_code == 200
    assert "vom Integrationsbüro geprüft" in response.content.decode()
    assert not CalendarFeed.objects.exists()


def test_partner_with_publish_right_sets_up_a_published_feed_and_answers_for_it(
    client, organisation_a, publishing_editor, settings
):
    settings.WEGWEISER_FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    response = feed_form(
        client,
        publishing_editor,
        organisation=organisation_a.pk,
        url="http://127.0.0.1:8080/k.ics",
        publish_mode="published",
    )
    assert response.status_code == 302
    feed = CalendarFeed.objects.get()
    assert (feed.publish_mode, feed.configured_by) == ("published", publishing_editor)


def test_feed_form_refuses_internal_addresses_with_a_clear_message(client, organisation_a, editor_a):
    for address in (
        "http://127.0.0.1:6379/",
        "http://localhost/k.ics",
        "http://[::1]/k.ics",
        "http://10.0.0.5/",
    ):
        response = feed_form(client, editor_a, organisation=organisation_a.pk, url=address)
        assert response.status_code == 200
        assert "öffentliche Internetadresse" in response.content.decode()
    assert not CalendarFeed.objects.exists()
