from django.core.management.base import BaseCommand

from wegweiser.site.outbox import send_pending_mails


class Command(BaseCommand):
    help = "Send the mails waiting in the outbox (e.g. after the mail server was down)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Also try mails whose next attempt is not yet due."
        )

    def handle(self, *args, **options):
        sent, waiting = send_pending_mails(force=options["all"])
        self.stdout.write(f"{sent} mail(s) sent, {waiting} still waiting.")
