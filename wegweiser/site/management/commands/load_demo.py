from django.core.management.base import BaseCommand

from wegweiser.site.demo import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo town (partner organisations, pages and every plugin's demo listings). Safe to re-run."
    )

    def handle(self, *args, **options):
        created = load_demo()
        if not created:
            self.stdout.write("Demo content is already loaded; nothing to add.")
            return
        for key, count in created.items():
            self.stdout.write(self.style.SUCCESS(f"Loaded {count} {key}."))
