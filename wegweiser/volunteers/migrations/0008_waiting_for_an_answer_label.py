"""A confirmed sign-up reads "wartet auf Antwort" in the inbox: "bestätigt" read as accepted by the organisation."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('volunteers', '0007_log_sign_ups_by_number'),
    ]

    operations = [
        migrations.AlterField(
            model_name='volunteerapplication',
            name='status',
            field=models.CharField(choices=[('new', 'not yet confirmed'), ('confirmed', 'waiting for an answer'), ('accepted', 'accepted'), ('declined', 'declined'), ('withdrawn', 'withdrawn')], default='new', max_length=10, verbose_name='status'),
        ),
    ]
