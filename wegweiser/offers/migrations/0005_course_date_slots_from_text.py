"""Course dates' free-text times ("Mo–Fr 8:30–12:45") become weekly slots where they can be read.

Text that cannot be read as weekdays with times ("nach Absprache") stays in the note on the times, so
nothing an editor wrote is lost. Every offer's parts of the day are then stored for the finder's
``time_of_day`` facet (from the slots of its course dates that are not cancelled).
"""

import uuid

from django.db import migrations

from wegweiser.plugin_api import UnreadableSchedule, day_parts, parse_schedule


def _raw(slots):
    return [
        {
            "type": "slot",
            "id": str(uuid.uuid4()),
            "value": {
                "weekdays": list(slot.weekdays),
                "start": slot.start.isoformat(),
                "end": slot.end.isoformat(),
            },
        }
        for slot in slots
    ]


def text_into_slots(apps, schema_editor):
    CourseDate = apps.get_model("offers", "CourseDate")
    ListingDayPart = apps.get_model("core", "ListingDayPart")
    slots_by_page: dict[int, list] = {}
    for course_date in CourseDate.objects.exclude(schedule="").iterator():
        try:
            slots = parse_schedule(course_date.schedule)
        except UnreadableSchedule:
            continue
        course_date.slots = _raw(slots)
        course_date.schedule = ""
        course_date.save(update_fields=["slots", "schedule"])
        if course_date.status != "cancelled":
            slots_by_page.setdefault(course_date.page_id, []).extend(slots)
    ListingDayPart.objects.bulk_create(
        [
            ListingDayPart(page_id=page_id, value=value)
            for page_id, slots in slots_by_page.items()
            for value in sorted(day_parts(slots))
        ],
        ignore_conflicts=True,
    )


def slots_into_text(apps, schema_editor):
    from wegweiser.plugin_api import format_slots, time_slots_of

    CourseDate = apps.get_model("offers", "CourseDate")
    for course_date in CourseDate.objects.iterator():
        slots = time_slots_of(course_date.slots)
        if slots and not course_date.schedule:
            course_date.schedule = format_slots(slots)[:200]
            course_date.save(update_fields=["schedule"])


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0004_course_date_time_slots"),
        ("core", "0015_listing_day_parts"),
    ]

    operations = [migrations.RunPython(text_into_slots, slots_into_text)]
