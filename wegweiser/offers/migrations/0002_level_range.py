"""A course's level becomes a range (from / to): it is found under every level it covers.

The old ``course_level`` was the level a course leads to; an existing course keeps being found under it
(from = to = the old level) until its editor widens the range. Saved revisions (drafts, history) get the
same two fields, so a draft published after the upgrade keeps its level.
"""

from django.db import migrations, models

LEVELS = [
    ("alpha", "literacy (Alpha)"),
    ("a1", "A1"),
    ("a2", "A2"),
    ("b1", "B1"),
    ("b2", "B2"),
    ("c1", "C1"),
    ("c2", "C2"),
]


def level_into_range(apps, schema_editor):
    OfferPage = apps.get_model("offers", "OfferPage")
    OfferPage.objects.exclude(course_level="").update(
        level_from=models.F("course_level"), level_to=models.F("course_level")
    )
    _revisions(apps, _range_in_revision)


def range_into_level(apps, schema_editor):
    OfferPage = apps.get_model("offers", "OfferPage")
    OfferPage.objects.exclude(level_to="").update(course_level=models.F("level_to"))
    _revisions(apps, _level_in_revision)


def _revisions(apps, change):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="offers", model="offerpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator(chunk_size=500):
        if isinstance(revision.content, dict) and change(revision.content):
            revision.save(update_fields=["content"])


def _range_in_revision(content: dict) -> bool:
    if "course_level" not in content:
        return False
    level = content.pop("course_level") or ""
    content["level_from"] = content["level_to"] = level
    return True


def _level_in_revision(content: dict) -> bool:
    if "level_to" not in content:
        return False
    content["course_level"] = content.pop("level_to") or content.get("level_from") or ""
    content.pop("level_from", None)
    return True


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="offerpage",
            name="level_from",
            field=models.CharField(
                blank=True,
                choices=LEVELS,
                help_text="Only for language courses: the level participants start at.",
                max_length=10,
                verbose_name="course level from",
            ),
        ),
        migrations.AddField(
            model_name="offerpage",
            name="level_to",
            field=models.CharField(
                blank=True,
                choices=LEVELS,
                help_text="The level the course leads to; leave empty if it is the same.",
                max_length=10,
                verbose_name="course level to",
            ),
        ),
        migrations.RunPython(level_into_range, range_into_level),
        migrations.RemoveField(model_name="offerpage", name="course_level"),
    ]
