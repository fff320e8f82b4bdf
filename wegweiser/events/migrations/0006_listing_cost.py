"""Cost: an amount and currency, who can get it paid, and the finder's "free or paid for by an authority".

Existing listings keep their category and note; payers the note names (BAMF, Jobcenter, a town pass) are ticked.
"""

import django.core.validators
import wegweiser.plugin_api
from decimal import Decimal
from django.db import migrations, models

from wegweiser.plugin_api import cost_into_fields


def fill_cost_fields(apps, schema_editor):
    cost_into_fields(apps, "events", "eventpage")


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0005_event_day_parts'),
    ]

    operations = [
        migrations.AddField(
            model_name='eventpage',
            name='cost_amount',
            field=models.DecimalField(blank=True, decimal_places=2, help_text='What a participant pays, e.g. 120 or 12.50. Leave empty if it is free or not known.', max_digits=8, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='amount'),
        ),
        migrations.AddField(
            model_name='eventpage',
            name='cost_currency',
            field=models.CharField(blank=True, default='EUR', max_length=3, validators=[django.core.validators.RegexValidator('^[A-Z]{3}$', 'Enter a currency code of three capital letters, e.g. EUR.')], verbose_name='currency'),
        ),
        migrations.AddField(
            model_name='eventpage',
            name='cost_paid_by',
            field=wegweiser.plugin_api.ChoiceListField(blank=True, choice_list=[('bamf', 'BAMF (certificate of entitlement, Berechtigungsschein)'), ('jobcenter', 'Jobcenter (education voucher, Bildungsgutschein)'), ('employment_agency', 'Employment agency (Agentur für Arbeit)'), ('town_pass', 'Town pass (e.g. Neustadt-Pass)'), ('other', 'Other funding (see the note)')], default=list, help_text='Tick who may pay the cost for a participant; name anything else in the note.', verbose_name='who can get it paid'),
        ),
        migrations.AddField(
            model_name='eventpage',
            name='free_or_funded',
            field=models.BooleanField(default=True, editable=False),
        ),
        migrations.RunPython(fill_cost_fields, migrations.RunPython.noop),
    ]
