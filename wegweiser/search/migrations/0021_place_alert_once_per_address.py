# One alert per address, criteria and site, waiting or on (PlaceAlert.subscribe); 0020 removed the twins stored
# before.

from django.db import migrations, models
from django.db.models.functions import Lower


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0020_remove_twin_place_alerts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="placealert",
            constraint=models.UniqueConstraint(
                Lower("email"),
                models.F("criteria_key"),
                models.F("site"),
                condition=models.Q(("status__in", ["pending", "active"])),
                name="search_alert_once_per_address",
            ),
        ),
    ]
