# The stored word forms changed: a compound's first part shorter than four letters must be a word the portal
# knows as written ("Job", "Amt"), not the short stem of a longer one ("Kurdish" was stored as "kur" + "dish",
# "kur" being the stem of "Kurs"; wegweiser.search.vocabulary.split_compound), and the vowel Russian and
# Ukrainian drop before a last "к" or "ц" is left out of the stem ("дитсадок" and "дитсадка" are one word;
# wegweiser.search.wording.stem). The old rows are removed here, and the post-migrate fill
# (wegweiser.search.signals.fill_search_texts) writes every live listing's row anew. An Elasticsearch index
# holds the same forms: rebuild it after migrating (manage.py search_reindex).

from django.db import migrations


def forget_old_forms(apps, schema_editor):
    apps.get_model("search", "SearchText").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0015_typed_spellings"),
    ]

    operations = [
        migrations.RunPython(forget_old_forms, migrations.RunPython.noop, elidable=False),
    ]
