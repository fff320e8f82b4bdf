"""``manage.py search_starter_synonyms``: add the starter synonym groups (German words in seven languages)."""

from django.core.management.base import BaseCommand

from wegweiser.search.demo import load_starter_synonyms


class Command(BaseCommand):
    help = "Add the starter synonym groups (German course, counselling, asylum, job ... in seven languages)."

    def handle(self, *args, **options):
        added = load_starter_synonyms()
        self.stdout.write(self.style.SUCCESS(f"Added {added} synonym groups."))
