"""One cron line runs every plugin's recurring jobs at their own interval, records how they went, and
keeps going when one of them fails; the office sees in the admin whether the clean-ups really run."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from wegweiser.site.models import ScheduledJobRun, StandardPage
from wegweiser.site.scheduling import HOOK_NAME, ScheduledJob, run_jobs, scheduled_jobs

pytestmark = pytest.mark.django_db


def test_every_plugins_recurring_work_is_scheduled():
    assert {
        "core.publish_scheduled",
        "core.delete_old_account_requests",
        "search.delete_old_search_logs",
        "core.notify_stale_listings",
        "events.sync_calendar_feeds",
        "events.delete_past_registrations",
        "core.send_pending_mails",
        "volunteers.anonymise_volunteer_data",
    } <= set(scheduled_jobs())


def test_a_page_scheduled_for_publication_goes_live_when_the_jobs_run(home):
    page = StandardPage(title="Sprechstunde im Dezember", slug="dezember", intro="Neue Zeiten.")
    home.add_child(instance=page)
    page.unpublish()
    revision = page.save_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()

    call_command("run_scheduled_jobs", "core.publish_scheduled")

    page.refresh_from_db()
    assert page.live
    record = ScheduledJobRun.objects.get(name="core.publish_scheduled")
    assert record.last_status == "ok" and record.last_finished >= record.last_started


def test_a_job_runs_again_only_after_its_interval():
    calls = []

    def register():
        return ScheduledJob("test.count", datetime.timedelta(hours=1), lambda: calls.append(1) or "counted")

    with hooks.register_temporarily(HOOK_NAME, register):
        start = timezone.now()
        assert [o.status for o in run_jobs(only=["test.count"], now=start)] == ["ok"]
        assert [
            o.status for o in run_jobs(only=["test.count"], now=start + datetime.timedelta(minutes=20))
        ] == ["not due"]
        assert [o.status for o in run_jobs(only=["test.count"], now=start + datetime.timedelta(hours=1))] == [
            "ok"
        ]
        assert [o.status for o in run_jobs(only=["test.count"], force=True)] == ["ok"]
    assert len(calls) == 3
    assert ScheduledJobRun.objects.get(name="test.count").last_summary == "counted"


def test_a_failing_job_is_recorded_and_does_not_stop_the_others():
    ran = []

    def register():
        return [
            ScheduledJob("test.a_broken", datetime.timedelta(hours=1), lambda: 1 / 0),
            ScheduledJob("test.b_fine", datetime.timedelta(hours=1), lambda: ran.append("b")),
        ]

    with hooks.register_temporarily(HOOK_NAME, register):
        with pytest.raises(CommandError, match="1 job"):
            call_command("run_scheduled_jobs", "test.a_broken", "test.b_fine")
        with pytest.raises(CommandError):
            call_command("run_scheduled_jobs", "test.a_broken", "--force")
    assert ran == ["b"]
    broken = ScheduledJobRun.objects.get(name="test.a_broken")
    assert broken.last_status == "failed" and "ZeroDivisionError" in broken.last_summary
    assert broken.failures_in_a_row == 2 and broken.running_since is None
    assert ScheduledJobRun.objects.get(name="test.b_fine").last_status == "ok"


def test_an_unknown_job_name_is_refused_and_runs_nothing():
    with pytest.raises(CommandError, match="Unknown job"):
        call_command("run_scheduled_jobs", "core.publish_scheduled", "no.such_job")
    assert not ScheduledJobRun.objects.exists()


def test_the_office_sees_which_jobs_ran_and_which_never_did(client, office_user):
    call_command("run_scheduled_jobs", "core.clear_sessions")
    client.force_login(office_user)
    response = client.get("/admin/scheduled-jobs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "core.clear_sessions" in html and "volunteers.anonymise_volunteer_data" in html
    assert "Überfällig" in html  # the jobs that never ran are flagged


def test_partner_editors_do_not_see_the_jobs_page(client, editor_a):
    client.force_login(editor_a)
    assert client.get("/admin/scheduled-jobs/").status_code in (302, 403)


def test_the_jobs_page_names_what_each_job_counted_in_german(client, office_user):
    """The office read "sent: 0, waiting: 0" and "deleted: 3, retention_days: 90": English keys in the German
    admin. The core names the counts many jobs share, a plugin's job its own."""
    import collections

    Sending = collections.namedtuple("Sending", ["sent", "waiting"])

    def register():
        return [
            ScheduledJob("test.outbox", datetime.timedelta(hours=1), lambda: Sending(2, 1)),
            ScheduledJob(
                "test.clean_up", datetime.timedelta(days=1), lambda: {"deleted": 3, "retention_days": 90}
            ),
            ScheduledJob(
                "test.calendar",
                datetime.timedelta(hours=1),
                lambda: {"moved_on": 4, "failed": 0},
                labels={"moved_on": _("events moved on")},
            ),
        ]

    client.force_login(office_user)
    with hooks.register_temporarily(HOOK_NAME, register):
        with translation.override("en"):  # as cron may run: the summary is kept in the portal's language
            run_jobs(only=["test.outbox", "test.clean_up", "test.calendar"])
        html = client.get("/admin/scheduled-jobs/").content.decode()
    assert "gesendet: 2, wartend: 1" in html
    assert "gelöscht: 3, Tage aufbewahrt: 90" in html
    assert "Veranstaltungen auf den nächsten Termin gesetzt: 4, fehlgeschlagen: 0" in html
    assert "retention_days" not in html and "sent:" not in html
