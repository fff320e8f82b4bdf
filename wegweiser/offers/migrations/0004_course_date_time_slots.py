"""Course dates get weekly time slots; the free text becomes a note on the times."""

import wagtail.fields
import wegweiser.plugin_api
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('offers', '0003_course_date_status'),
    ]

    operations = [
        migrations.AddField(
            model_name='coursedate',
            name='slots',
            field=wagtail.fields.StreamField([('slot', 3)], blank=True, block_lookup={0: ('wagtail.blocks.MultipleChoiceBlock', [], {'choices': wegweiser.plugin_api.weekday_choices, 'label': 'weekdays'}), 1: ('wagtail.blocks.TimeBlock', (), {'format': '%H:%M', 'label': 'starts at'}), 2: ('wagtail.blocks.TimeBlock', (), {'format': '%H:%M', 'label': 'ends at'}), 3: ('wagtail.blocks.StructBlock', [[('weekdays', 0), ('start', 1), ('end', 2)]], {})}, help_text='When the course meets: tick the weekdays and enter the times; add a slot for other times.', verbose_name='times'),
        ),
        migrations.AlterField(
            model_name='coursedate',
            name='schedule',
            field=models.CharField(blank=True, help_text='Only what the times above cannot say, e.g. “not in the school holidays”. Old entries that could not be read as times are kept here.', max_length=200, verbose_name='note on the times'),
        ),
    ]
