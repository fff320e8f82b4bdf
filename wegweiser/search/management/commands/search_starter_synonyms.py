"""``manage.py search_starter_synonyms``: add the starter synonym groups (German words in seven languages)."""

from django.core.management.base import BaseCommand

from wegweiser.search.demo import load_starter_synonyms, merge_starter_synonyms


class Command(BaseCommand):
    help = (
        "Add the starter synonym groups (German course, counselling, asylum, job ... in seven languages). "
        "With --merge, also add the starter list's new words to the groups the portal already has."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--merge",
            action="store_true",
            help="Add the starter words missing from existing groups (words the office removed come back).",
        )

    def handle(self, *args, **options):
        added = load_starter_synonyms()
        self.stdout.write(self.style.SUCCESS(f"Added {added} synonym groups."))
        if options["merge"]:
            extended = merge_starter_synonyms()
            self.stdout.write(self.style.SUCCESS(f"Added new starter words to {extended} groups."))
