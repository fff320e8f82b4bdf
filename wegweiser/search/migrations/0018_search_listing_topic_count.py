# A searched word that names a topic ranks the listings carrying it ("job" names "Arbeit & Beruf"), its weight
# shared among a listing's topics (wegweiser.search.matching.TOPIC_WEIGHT): each listing's search row keeps its
# number of topics (SearchListing.topic_count). And the stored text no longer keeps the marks that are not
# letters (wegweiser.search.wording.without_marks): PostgreSQL's and FTS5's parsers split a Persian word at its
# zero-width non-joiner ("کلاس‌های" as "کلاس" and "های"), where every typed word and the Elasticsearch words
# have it whole. The old rows are removed here, and the post-migrate fill
# (wegweiser.search.signals.fill_search_texts) writes every live listing's rows anew, as after 0016. An
# Elasticsearch index ranks by the documents' own topic_count and reads their own text: rebuild it after
# migrating (manage.py search_reindex); until then it counts each listing as having one topic.

from django.db import migrations, models


def forget_old_rows(apps, schema_editor):
    apps.get_model("search", "SearchText").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0017_search_listing_folded_texts"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchlisting",
            name="topic_count",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="number of topics"),
        ),
        migrations.RunPython(forget_old_rows, migrations.RunPython.noop, elidable=False),
    ]
