# The stored word forms of Arabic words changed (wegweiser.search.wording.stem): the article is taken off
# ("الصحة" is stored as "صحه", as "صحة" is looked up) and a closing "ة" is "ه". The old rows are removed
# here, and the post-migrate fill (wegweiser.search.signals.fill_search_texts) writes every live listing's
# row anew. Elasticsearch's index is rebuilt by `manage.py search_reindex`, as after every upgrade.

from django.db import migrations


def forget_old_forms(apps, schema_editor):
    apps.get_model("search", "SearchText").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0011_search_facets_counted_from_listing_rows"),
    ]

    operations = [
        migrations.RunPython(forget_old_forms, migrations.RunPython.noop, elidable=False),
    ]
