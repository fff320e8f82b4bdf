# The stored word forms of Ukrainian words changed (wegweiser.search.wording.as_russian): they are stemmed
# with the endings and letters the Russian rules know, so "курсів" is stored as "курс", as "курси" is looked
# up. The old rows are removed here, and the post-migrate fill (wegweiser.search.signals.fill_search_texts)
# writes every live listing's row anew, once after 0012 and 0013 together.

from django.db import migrations


def forget_old_forms(apps, schema_editor):
    apps.get_model("search", "SearchText").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0012_arabic_word_forms"),
    ]

    operations = [
        migrations.RunPython(forget_old_forms, migrations.RunPython.noop, elidable=False),
    ]
