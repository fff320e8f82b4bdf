# The stored word forms changed (wegweiser.search.wording.fold and stem): Turkish letters are read as a keyboard
# without them types them ("danışmanlık" is "danismanlik"), an alef with hamza or madda as a plain alef and
# alef maksura as yeh ("الألمانية" is "الالمانية", "آلمانی" is "المانی"), Arabic vowel signs and the tatweel no
# longer cut a word in two, and an Arabic broken plural is read as its singular ("شقق" is "شقة"). The old
# rows and the learnt words (kept folded) are removed here, and the post-migrate fill
# (wegweiser.search.signals.fill_search_texts) writes every live listing's row anew. An Elasticsearch index
# holds the same forms: rebuild it after migrating (manage.py search_reindex).

from django.db import migrations


def forget_old_forms(apps, schema_editor):
    apps.get_model("search", "SearchText").objects.all().delete()
    apps.get_model("search", "SearchWord").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0014_persian_word_forms"),
    ]

    operations = [
        migrations.RunPython(forget_old_forms, migrations.RunPython.noop, elidable=False),
    ]
