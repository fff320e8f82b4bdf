from django.core.management.base import BaseCommand

from wegweiser.volunteers.models.applications import retention_days
from wegweiser.volunteers.privacy import anonymise_due_applications


class Command(BaseCommand):
    help = (
        "Anonymise volunteer sign-ups whose opportunity ended or that closed longer ago than "
        "WEGWEISER_VOLUNTEER_RETENTION_DAYS, and delete sign-ups that were never confirmed. Run daily."
    )

    def handle(self, *args, **options):
        result = anonymise_due_applications()
        self.stdout.write(
            f"{result['anonymised']} sign-up(s) anonymised (retention {retention_days()} days), "
            f"{result['deleted_unconfirmed']} unconfirmed sign-up(s) deleted."
        )
