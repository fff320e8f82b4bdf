# One narrow row per published listing (type, language, validity, place, its facet values as numbers), which
# the database backend counts a result's facets from on PostgreSQL (wegweiser.search.models.SearchListing).
# The rows of listings published before this table existed are written after `migrate`
# (wegweiser.search.signals.fill_search_texts), as the facet rows were.

import django.db.models.deletion
import wegweiser.search.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0009_search_text_fts_page'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchKey',
            fields=[
                ('id', models.AutoField(primary_key=True, serialize=False)),
                ('key', models.CharField(max_length=255, unique=True, verbose_name='facet value')),
            ],
            options={
                'verbose_name': 'numbered facet value',
                'verbose_name_plural': 'numbered facet values',
            },
        ),
        migrations.CreateModel(
            name='SearchListing',
            fields=[
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to=settings.WAGTAIL_PAGE_MODEL, verbose_name='page')),
                ('listing_type', models.CharField(max_length=50, verbose_name='listing type')),
                ('translation_key', models.UUIDField(verbose_name='translation key')),
                ('valid_from', models.DateField(blank=True, null=True, verbose_name='visible from')),
                ('valid_until', models.DateField(blank=True, null=True, verbose_name='visible until')),
                ('latitude', models.FloatField(blank=True, null=True, verbose_name='latitude')),
                ('longitude', models.FloatField(blank=True, null=True, verbose_name='longitude')),
                ('keys', wegweiser.search.models.KeyCodes(verbose_name='facet values')),
                ('locale', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.locale', verbose_name='language')),
            ],
            options={
                'verbose_name': 'searched listing',
                'verbose_name_plural': 'searched listings',
                'indexes': [models.Index(fields=['listing_type', 'locale'], name='search_listing_type_locale')],
            },
        ),
    ]
