"""Monthly reminder (run from cron or the task scheduler): mail each organisation its stale listings."""

from django.core.management.base import BaseCommand

from wegweiser.site.freshness import notify_stale_listings


class Command(BaseCommand):
    help = "Mail every partner organisation's editors the listings nobody has confirmed for a while."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url", help="Admin address used in the links (default: WAGTAILADMIN_BASE_URL)."
        )

    def handle(self, *args, base_url=None, **options):
        sent = notify_stale_listings(base_url)
        for organisation, recipients in sent.items():
            self.stdout.write(f"{organisation}: {recipients}")
        self.stdout.write(self.style.SUCCESS(f"Reminders sent to {len(sent)} organisations."))
