"""Recurring jobs (reminders, calendar imports, data-protection clean-ups) behind one command.

Operators add a single line to cron or a systemd timer::

    */5 * * * *  cd /srv/wegweiser && .venv/bin/python manage.py run_scheduled_jobs

and every job of every installed plugin runs at its own interval. A plugin registers its jobs from its
``wagtail_hooks.py``::

    @hooks.register("register_scheduled_jobs")
    def register_jobs():
        return [ScheduledJob("events.sync_calendar_feeds", timedelta(hours=1), sync_all_feeds, _("..."))]

The last start, end and result of every job are stored (:class:`~wegweiser.site.models.ScheduledJobRun`),
so a job is due when its interval has passed since its last start, whatever the cron frequency, and the
office can see in the admin whether the clean-ups really run. A failing job is recorded and never stops
the others.
"""

from __future__ import annotations

import datetime
import logging
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from io import StringIO
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wegweiser.site.models import ScheduledJobRun
from wegweiser.site.registered import collect_registered

logger = logging.getLogger(__name__)

HOOK_NAME = "register_scheduled_jobs"


@dataclass(frozen=True)
class ScheduledJob:
    """``run`` is called without arguments; what it returns is stored as the run's summary. ``labels`` names
    the counts it returns (``{"moved_on": _("dates moved on")}``) where :data:`COUNT_LABELS` does not."""

    name: str
    interval: datetime.timedelta
    run: Callable[[], Any]
    description: Any = ""
    labels: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)


def command_job(
    name: str, interval: datetime.timedelta, command: str | None = None, description: Any = "", *args
) -> ScheduledJob:
    """A job that runs a management command of Django's or Wagtail's (its output becomes the summary).

    The command is by default the one the job is named after: ``core.publish_scheduled`` runs Wagtail's
    ``publish_scheduled``. Wegweiser's own jobs are functions (:class:`ScheduledJob`), run by hand with
    ``manage.py run_scheduled_jobs <name> --force``, not a management command each.
    """
    command = command or name.partition(".")[2]

    def run() -> str:
        out = StringIO()
        call_command(command, *args, stdout=out)
        return out.getvalue().strip()

    return ScheduledJob(name, interval, run, description)


def scheduled_jobs() -> dict[str, ScheduledJob]:
    jobs = collect_registered(HOOK_NAME, lambda job: job.name, "Scheduled job")
    return dict(sorted(jobs.items()))


def is_due(job: ScheduledJob, last_started: datetime.datetime | None, now: datetime.datetime) -> bool:
    # A small tolerance, so a job every hour run by a cron line every hour is not skipped by seconds.
    return last_started is None or now - last_started >= job.interval - datetime.timedelta(minutes=1)


def is_overdue(job: ScheduledJob, record, now: datetime.datetime | None = None) -> bool:
    """Not started for three intervals (at least a day), or never: cron is probably not set up."""
    if record is None or record.last_started is None:
        return True
    return (now or timezone.now()) - record.last_started > max(job.interval * 3, datetime.timedelta(days=1))


def jobs_needing_attention() -> list[tuple[ScheduledJob, Any]]:
    """``(job, its ScheduledJobRun or None)`` of every job whose last run failed or that is overdue
    (:func:`is_overdue`), those that failed first, else in the order of their names: what the office must see
    before anyone misses the mails and clean-ups those jobs do."""
    records = {record.name: record for record in ScheduledJobRun.objects.all()}
    now = timezone.now()
    found = [
        (job, record, bool(record and record.failures_in_a_row))
        for name, job in scheduled_jobs().items()
        if (record := records.get(name)) is None or record.failures_in_a_row or is_overdue(job, record, now)
    ]
    return [(job, record) for job, record, _failed in sorted(found, key=lambda item: not item[2])]


@dataclass
class Outcome:
    name: str
    status: str  # "ok", "failed", "not due", "running elsewhere"
    summary: str = ""


def run_jobs(*, only: list[str] | None = None, force: bool = False, now=None) -> list[Outcome]:
    """Run the due jobs (or the named ones; ``force`` ignores the interval). Never raises for a job's error."""
    jobs = scheduled_jobs()
    unknown = sorted(set(only or []) - set(jobs))
    if unknown:
        raise KeyError(", ".join(unknown))
    outcomes = []
    for name, job in jobs.items():
        if only and name not in only:
            continue
        now = now or timezone.now()
        with transaction.atomic():
            ScheduledJobRun.objects.get_or_create(name=name)
            # The row lock makes two overlapping cron runs (or two servers) skip rather than double-run a job.
            record = ScheduledJobRun.objects.select_for_update(skip_locked=True).filter(name=name).first()
            if record is None:
                outcomes.append(Outcome(name, "running elsewhere"))
                continue
            if record.running_since and now - record.running_since < datetime.timedelta(hours=6):
                outcomes.append(Outcome(name, "running elsewhere"))
                continue
            if not force and not is_due(job, record.last_started, now):
                outcomes.append(Outcome(name, "not due"))
                continue
            record.running_since = now
            record.save(update_fields=["running_since"])
        outcomes.append(_run_one(job, record))
        now = None
    return outcomes


#: How the scheduled-jobs page names the counts many jobs return (the keys of the dict or named tuple); a job
#: names its own with ``ScheduledJob(labels=...)``.
COUNT_LABELS = {
    "deleted": _("deleted"),
    "deleted_unconfirmed": _("unconfirmed deleted"),
    "retention_days": _("days kept"),
    "sent": _("sent"),
    "waiting": _("waiting"),
    "failed": _("failed"),
}


def _summary(result: Any, labels: Mapping[str, Any]) -> str:
    """What a job returned, for the admin's list, in the portal's language: counts as ``gesendet: 3, wartend:
    0`` (the office read "sent: 3, waiting: 0", English keys in the German admin)."""
    if result is None:
        return ""
    if hasattr(result, "_asdict"):
        result = result._asdict()
    if isinstance(result, dict):
        names = {**COUNT_LABELS, **labels}
        with translation.override(settings.LANGUAGE_CODE):
            return ", ".join(f"{names.get(key, key)}: {value}" for key, value in result.items())
    return str(result)


def _run_one(job: ScheduledJob, record) -> Outcome:
    started = timezone.now()
    try:
        result = job.run()
    except Exception as error:  # noqa: BLE001 - one broken job must not stop the others
        logger.exception("Scheduled job %s failed", job.name)
        status, summary = "failed", f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=5)}"
    else:
        status, summary = "ok", _summary(result, job.labels)
    record.last_started = started
    record.last_finished = timezone.now()
    record.last_status = status
    record.last_summary = summary[:4000]
    record.running_since = None
    if status == "failed":
        record.failures_in_a_row += 1
    else:
        record.failures_in_a_row = 0
    record.save()
    return Outcome(job.name, status, summary)
