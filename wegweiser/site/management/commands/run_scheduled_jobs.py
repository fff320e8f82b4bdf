"""Run the recurring jobs that are due; meant for one cron line or systemd timer every few minutes."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from wegweiser.site.models import ScheduledJobRun
from wegweiser.site.scheduling import run_jobs, scheduled_jobs


class Command(BaseCommand):
    help = (
        "Run every registered recurring job whose interval has passed (stale-listing reminders, calendar "
        "imports, mail retries, data-protection clean-ups). Call it every 5 minutes from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("jobs", nargs="*", help="Only these jobs (default: all that are due).")
        parser.add_argument("--force", action="store_true", help="Run the jobs even if they are not due.")
        parser.add_argument(
            "--list", action="store_true", help="List the jobs, their intervals and last runs."
        )

    def handle(self, *args, jobs=(), force=False, list=False, **options):
        if list:
            records = {record.name: record for record in ScheduledJobRun.objects.all()}
            for name, job in scheduled_jobs().items():
                record = records.get(name)
                last = (
                    f"{timezone.localtime(record.last_started):%Y-%m-%d %H:%M} {record.last_status}"
                    if record and record.last_started
                    else "never"
                )
                self.stdout.write(f"{name:40} every {job.interval}  last: {last}")
            return
        try:
            outcomes = run_jobs(only=list_or_none(jobs), force=force)
        except KeyError as error:
            raise CommandError(f"Unknown job(s): {error.args[0]}. See --list.") from error
        failed = 0
        for outcome in outcomes:
            if outcome.status == "not due":
                continue
            first_line = outcome.summary.splitlines()[0] if outcome.summary else ""
            self.stdout.write(f"{outcome.name}: {outcome.status} {first_line}".rstrip())
            failed += outcome.status == "failed"
        if failed:
            raise CommandError(f"{failed} job(s) failed; see the log and the admin's scheduled jobs page.")


def list_or_none(jobs):
    return [*jobs] or None
