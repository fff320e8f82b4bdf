from django.core.management.base import BaseCommand

from wegweiser.site.setup import ensure_portal


class Command(BaseCommand):
    help = "Create the languages, home page, office group and review workflow if missing. Safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument("--title", default="Willkommen", help="Title of the home page if it is created.")
        parser.add_argument("--hostname", default="localhost")
        parser.add_argument(
            "--scheme",
            choices=["http", "https"],
            help="How the portal is reached; https makes page links in mails, feeds and the API https "
            "(default: the scheme of WAGTAILADMIN_BASE_URL when the site is created).",
        )

    def handle(self, *args, **options):
        home = ensure_portal(
            home_title=options["title"], hostname=options["hostname"], scheme=options["scheme"]
        )
        self.stdout.write(self.style.SUCCESS(f"Portal ready; home page: {home.title}"))
