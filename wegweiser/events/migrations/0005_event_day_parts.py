"""Existing events get their parts of the day (mornings, evenings, weekends) for the time-of-day facet."""

from zoneinfo import ZoneInfo

from django.db import migrations

from wegweiser.events.recurrence import weekly_slots
from wegweiser.plugin_api import day_parts


def store_day_parts(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    ListingDayPart = apps.get_model("core", "ListingDayPart")
    rows = []
    for event in EventPage.objects.exclude(start=None).iterator():
        tz = ZoneInfo(event.time_zone or "Europe/Berlin")
        slots = weekly_slots(
            event.start.astimezone(tz),
            event.end.astimezone(tz) if event.end else None,
            event.all_day,
            event.recurrence_frequency,
            event.recurrence_weekdays or (),
        )
        rows.extend(ListingDayPart(page_id=event.pk, value=value) for value in sorted(day_parts(slots)))
    ListingDayPart.objects.bulk_create(rows, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_registration_address_confirmation"),
        ("core", "0015_listing_day_parts"),
    ]

    operations = [migrations.RunPython(store_day_parts, migrations.RunPython.noop)]
