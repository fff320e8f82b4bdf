"""``manage.py search_reindex``: rebuild the search's text table and the Elasticsearch index (alias swap).

The text table (full text search of the database backend on PostgreSQL) is rebuilt in one
transaction; the Elasticsearch index, when Elasticsearch is the configured backend, is built anew and
the alias swapped, so searches go on meanwhile.
"""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from wegweiser.search.backends import SearchUnavailable, configured_backend_name
from wegweiser.search.fulltext import rebuild_texts


class Command(BaseCommand):
    help = (
        "Rebuild the searchable texts of all listings and, with Elasticsearch, a new index behind the alias."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (for logs and cron).")

    def handle(self, *args, batch_size: int, no_progress: bool, **options):
        with tqdm(unit="listings", disable=no_progress, file=sys.stderr) as bar:
            stored = rebuild_texts(progress=bar.update, batch_size=batch_size)
        self.stdout.write(self.style.SUCCESS(f"Stored the searchable text of {stored} listings."))
        if configured_backend_name() != "elasticsearch":
            return

        # the Elasticsearch client only when that backend is configured
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
