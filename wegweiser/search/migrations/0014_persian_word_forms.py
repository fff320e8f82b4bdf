# The stored word forms of Persian words changed (wegweiser.search.wording.stem): the Persian kaf and yeh are
# read as Arabic writes them, so "کودک" and "كودك" are one word and "یادگیری" and "یادگیر" share a stem, and
# a word's endings joined by a zero-width non-joiner stay with it ("کلاس‌های" is "کلاسهای"). The old rows
# are removed here, and the post-migrate fill (wegweiser.search.signals.fill_search_texts) writes
# every live listing's row anew, once after 0012 to 0014 together.

from django.db import migrations


def forget_old_forms(apps, schema_editor):
    apps.get_model("search", "SearchText").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0013_ukrainian_word_forms"),
    ]

    operations = [
        migrations.RunPython(forget_old_forms, migrations.RunPython.noop, elidable=False),
    ]
