"""The core's recurring jobs and the admin page that shows when each job last ran."""

from __future__ import annotations

import datetime

from django.shortcuts import render
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from wegweiser.site import barrier_reports, freshness, outbox
from wegweiser.site.accounts import privacy as account_request_privacy
from wegweiser.site.admin_menu import settings_page
from wegweiser.site.models import ScheduledJobRun
from wegweiser.site.scheduling import ScheduledJob, command_job, is_overdue, scheduled_jobs

VIEW_PERMISSION = "core.view_scheduledjobrun"


@hooks.register("register_scheduled_jobs")
def register_core_jobs():
    return [
        command_job(
            "core.publish_scheduled",
            datetime.timedelta(minutes=5),
            description=_("Publishes and unpublishes pages whose scheduled time has come."),
        ),
        ScheduledJob(
            "core.send_pending_mails",
            datetime.timedelta(minutes=5),
            outbox.send_pending_mails,
            _("Sends the mails in the outbox that could not be sent yet."),
        ),
        ScheduledJob(
            "core.delete_old_account_requests",
            datetime.timedelta(days=1),
            account_request_privacy.delete_rejected_requests,
            _("Deletes rejected account requests after their retention period."),
        ),
        ScheduledJob(
            "core.delete_old_barrier_reports",
            datetime.timedelta(days=1),
            barrier_reports.delete_old_reports,
            _("Deletes reports of barriers after their retention period."),
        ),
        ScheduledJob(
            "core.notify_stale_listings",
            datetime.timedelta(days=30),
            freshness.notify_stale_listings,
            _("Monthly mail to each organisation with its listings nobody has confirmed for a while."),
        ),
        command_job(
            "core.clear_sessions",
            datetime.timedelta(days=1),
            "clearsessions",
            _("Deletes expired admin sessions."),
        ),
    ]


#: The headings of the jobs' table (core/admin/includes/listing_table.html).
COLUMNS = [_("Job"), _("Every"), _("Last run"), _("Result")]


@settings_page("scheduled_jobs", _("Scheduled jobs"), VIEW_PERMISSION, icon_name="time", order=900)
def scheduled_jobs_view(request):
    records = {record.name: record for record in ScheduledJobRun.objects.all()}
    now = timezone.now()
    jobs = [
        {
            "job": job,
            "every": timesince(now - job.interval, now),
            "record": records.get(name),
            "overdue": is_overdue(job, records.get(name), now),
        }
        for name, job in scheduled_jobs().items()
    ]
    return render(
        request,
        "core/admin/scheduled_jobs.html",
        {"jobs": jobs, "columns": COLUMNS, "page_title": _("Scheduled jobs")},
    )
