# A searched organisation's name ("Jobcenter", "Caritas") ranks that organisation's listings above those that
# only mention it (wegweiser.search.matching.ORGANISATION_WEIGHT): each listing's search row keeps its
# organisation's translation key (SearchListing.organisation_key), the same in every language; and its folded
# title and summary have the Persian kaf and yeh as Arabic writes them (wegweiser.search.wording.ranked_form),
# as a word typed on an Arabic keyboard is ranked. The old rows are removed here, and the post-migrate fill (wegweiser.search.signals.fill_search_texts) writes every live
# listing's rows anew, as after 0018. An Elasticsearch index ranks by the documents' own organisation_key:
# rebuild it after migrating (manage.py search_reindex); until then a searched name ranks no listing higher.

from django.db import migrations, models


def forget_old_rows(apps, schema_editor):
    apps.get_model("search", "SearchListing").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0018_search_listing_topic_count"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchlisting",
            name="organisation_key",
            field=models.UUIDField(blank=True, null=True, verbose_name="organisation's translation key"),
        ),
        migrations.RunPython(forget_old_rows, migrations.RunPython.noop, elidable=False),
    ]
