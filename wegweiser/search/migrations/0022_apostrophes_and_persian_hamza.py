# The stored word forms changed (wegweiser.search.wording.fold and without_marks): an apostrophe is part of its
# word, whichever keyboard typed it ("сім'я", "сімʼя", "сім’я" are the one word "сімя"; the modifier letter
# apostrophe of Ukrainian layouts was a letter, the others cut a word in two), and the hamza or madda written
# above or below a letter is left out, the Persian ezafe "ۀ" read as "ه" ("دورۀ زبان" is "دوره زبان"). The old
# rows and the learnt words (kept folded) are removed here, and the post-migrate fill
# (wegweiser.search.signals.fill_search_texts) writes every live listing's rows anew, their folded titles and
# summaries too. An Elasticsearch index holds the same forms: rebuild it after migrating
# (manage.py search_reindex).

from django.db import migrations


def forget_old_forms(apps, schema_editor):
    apps.get_model("search", "SearchText").objects.all().delete()
    apps.get_model("search", "SearchWord").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0021_place_alert_once_per_address"),
    ]

    operations = [
        migrations.RunPython(forget_old_forms, migrations.RunPython.noop, elidable=False),
    ]
