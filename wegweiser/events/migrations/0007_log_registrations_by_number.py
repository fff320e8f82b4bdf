"""The admin history named a person's record by the person's name; it names it by number now (9f778a1)."""

from django.db import migrations

from wegweiser.plugin_api import label_records_by_number


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0006_listing_cost"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [label_records_by_number("events", "eventregistration")]
