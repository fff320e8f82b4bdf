"""The parts of the day a listing meets in, for the time-of-day facet of every listing type."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0014_place_alert_days'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ListingDayPart',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('value', models.CharField(choices=[('morning', 'Mornings (starts before 12:00)'), ('afternoon', 'Afternoons (starts 12:00–17:00)'), ('evening', 'Evenings (starts from 17:00)'), ('weekend', 'Weekends (Saturday or Sunday)')], max_length=10, verbose_name='time of day')),
                ('page', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='schedule_day_parts', to=settings.WAGTAIL_PAGE_MODEL)),
            ],
            options={
                'verbose_name': 'time of day of a listing',
                'verbose_name_plural': 'times of day of listings',
                'constraints': [models.UniqueConstraint(fields=('page', 'value'), name='unique_listing_day_part')],
            },
        ),
    ]
