"""``manage.py search_reindex``: rebuild the Elasticsearch index and swap the alias, without downtime."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from wegweiser.search.backends import SearchUnavailable


class Command(BaseCommand):
    help = "Build a new search index from all current listings and point the search alias at it."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (for logs and cron).")

    def handle(self, *args, batch_size: int, no_progress: bool, **options):
        from wegweiser.search.es.connection import UNAVAILABLE_ERRORS
        from wegweiser.search.es.indexes import count_documents, rebuild

        try:
            total = count_documents()
            with tqdm(total=total, unit="listings", disable=no_progress, file=sys.stderr) as bar:
                index, indexed = rebuild(progress=bar.update, batch_size=batch_size)
        except (SearchUnavailable, *UNAVAILABLE_ERRORS) as error:
            raise CommandError(f"Elasticsearch is not available: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {indexed} listings into {index}; the alias points to it now.")
        )
