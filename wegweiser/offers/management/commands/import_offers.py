"""Import offers from a CSV or XLSX file into one organisation, e.g. for the first data migration."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm
from wagtail.models import Locale

from wegweiser.offers.offer_import import import_offers
from wegweiser.offers.spreadsheets import MAX_FILE_BYTES
from wegweiser.plugin_api import OrganisationPage


class Command(BaseCommand):
    help = (
        "Import offers from a spreadsheet (see docs/import-offers.md). A file with any error imports nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV or XLSX file")
        parser.add_argument("--organisation", required=True, help="Slug of the organisation page")
        parser.add_argument("--dry-run", action="store_true", help="Only check the file; save nothing")
        parser.add_argument("--user", help="Username recorded as the author of the new offers")

    def handle(self, *args, file, organisation, dry_run=False, user=None, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CommandError(f"{path} is larger than {MAX_FILE_BYTES // 1024 // 1024} MB.")
        target = OrganisationPage.objects.filter(slug=organisation, locale=Locale.get_default()).first()
        if target is None:
            raise CommandError(f"No organisation with the slug {organisation!r}.")
        author = None
        if user:
            author = get_user_model().objects.filter(username=user).first()
            if author is None:
                raise CommandError(f"No user {user!r}.")

        def progress(items):
            return tqdm(items, desc="Importing offers", unit="offer", file=self.stderr._out)

        report = import_offers(
            path.read_bytes(), target, user=author, dry_run=dry_run, filename=path.name, progress=progress
        )
        if not report.ok:
            for problem in report.problems:
                where = ", ".join(
                    part
                    for part in (f"row {problem.row}" if problem.row else "", problem.column or "")
                    if part
                )
                self.stderr.write(f"{where}: {problem.message}" if where else problem.message)
            raise CommandError(f"{len(report.problems)} problems; nothing was imported.")
        if dry_run:
            self.stdout.write(
                self.style.SUCCESS(
                    f"No problems: {len(report.offers)} offers with {report.course_dates} course dates would be imported."
                )
            )
            return
        state = "published" if report.published else "submitted for review"
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {len(report.offers)} offers ({report.course_dates} course dates), {state}."
            )
        )
