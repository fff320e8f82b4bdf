from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from wegweiser.search.models import SearchQueryLog


class Command(BaseCommand):
    help = (
        "Delete logged searches older than WEGWEISER_SEARCH_LOG_RETENTION_DAYS (default 90): the "
        "office's reports need recent demand, not a growing record of what people looked for. Run daily."
    )

    def handle(self, *args, **options):
        days = int(getattr(settings, "WEGWEISER_SEARCH_LOG_RETENTION_DAYS", 90))
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _by_model = SearchQueryLog.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(f"{deleted} logged search(es) deleted (retention {days} days).")
