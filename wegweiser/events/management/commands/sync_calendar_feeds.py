"""Import partners' calendars now (cron this, or use ``--enqueue`` to hand it to the task worker)."""

from django.core.management.base import BaseCommand

from wegweiser.events.ical_import import sync_all_feeds
from wegweiser.events.tasks import sync_calendar_feeds


class Command(BaseCommand):
    help = "Synchronise every active calendar feed of the partner organisations into events."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Run in the task worker instead of here.")

    def handle(self, *args, enqueue: bool = False, **options):
        if enqueue:
            result = sync_calendar_feeds.enqueue()
            self.stdout.write(f"Enqueued task {result.id}.")
            return
        totals = sync_all_feeds()
        self.stdout.write(
            "{feeds} feeds, {failed} failed: {created} created, {updated} updated, {removed} removed.".format(
                **totals
            )
        )
