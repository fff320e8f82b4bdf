from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from wegweiser.site.accounts.consent import rejected_retention_days
from wegweiser.site.models import AccountRequest


class Command(BaseCommand):
    help = (
        "Delete rejected account requests (with the personal data in them) decided longer ago than "
        "WEGWEISER_REJECTED_ACCOUNT_REQUEST_RETENTION_DAYS (default 90). Run daily."
    )

    def handle(self, *args, **options):
        days = rejected_retention_days()
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _by_model = AccountRequest.objects.filter(
            status=AccountRequest.Status.REJECTED, decided_at__lt=cutoff
        ).delete()
        self.stdout.write(f"{deleted} rejected account request(s) deleted (retention {days} days).")
