# The facet values of every published listing as rows, which the database backend counts a result's facets
# from (one grouped query per listing type instead of one per many-valued facet; wegweiser.search.models.
# SearchFacet). The rows of listings published before this table existed are written after `migrate`
# (wegweiser.search.signals.fill_search_texts), as the texts' rows were.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0007_search_text_vector_inline'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchFacet',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=255, verbose_name='facet value')),
                ('page', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='page')),
            ],
            options={
                'verbose_name': 'facet value of a listing',
                'verbose_name_plural': 'facet values of listings',
                'indexes': [models.Index(fields=['key', 'page'], name='search_facet_key_page')],
                'constraints': [models.UniqueConstraint(fields=('page', 'key'), name='search_facet_page_key')],
            },
        ),
    ]
