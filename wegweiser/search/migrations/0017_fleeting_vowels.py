# The stored word forms of Russian and Ukrainian words changed (wegweiser.search.wording.stem): the vowel these
# languages drop before a last "к" or "ц" is left out of the stem ("дитсадок" and "дитсадка" are one word,
# "німець" and "німці" too). The old rows are removed here, and the post-migrate fill
# (wegweiser.search.signals.fill_search_texts) writes every live listing's row anew. An Elasticsearch index
# holds the same forms: rebuild it after migrating (manage.py search_reindex).

from django.db import migrations


def forget_old_forms(apps, schema_editor):
    apps.get_model("search", "SearchText").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0016_short_compound_parts"),
    ]

    operations = [
        migrations.RunPython(forget_old_forms, migrations.RunPython.noop, elidable=False),
    ]
