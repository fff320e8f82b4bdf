# Twin place alerts removed, before 0021 allows one alert per address, criteria and site, waiting or on
# (PlaceAlert.subscribe). Before, the same address subscribing twice and confirming both got every opening
# mailed twice. Of each group of twins stays the alert that is on (the one running longest), else the newest
# waiting one; the others go, with the mails still waiting for them. They are deleted, not ended: an ended
# alert stays as an anonymous count in the demand report, and one person's request would count twice. A stop
# link in a mail of a removed twin says the alert no longer exists; the twin that stays carries its own stop
# link in each of its mails. The constraint follows in a migration of its own, so that it is never built in
# the same transaction as these deletions.

from django.db import migrations, models
from django.db.models.functions import Lower

WAITING_OR_ON = ["pending", "active"]


def remove_twins(apps, schema_editor):
    PlaceAlert = apps.get_model("search", "PlaceAlert")
    alerts = PlaceAlert.objects.filter(status__in=WAITING_OR_ON).exclude(email="")
    groups = (
        alerts.values(address=Lower("email"), key=models.F("criteria_key"), site_key=models.F("site_id"))
        .annotate(count=models.Count("pk"))
        .filter(count__gt=1)
    )
    twins = []
    for group in groups:
        same = alerts.annotate(address=Lower("email")).filter(
            address=group["address"], criteria_key=group["key"], site_id=group["site_key"]
        )
        kept, *others = same.order_by(
            models.Case(models.When(status="active", then=0), default=1),
            models.F("expires_at").desc(nulls_last=True),
            "-created_at",
            "-pk",
        ).values_list("pk", flat=True)
        twins += others
    if not twins:
        return
    ContentType = apps.get_model("contenttypes", "ContentType")
    OutgoingMail = apps.get_model("core", "OutgoingMail")
    owner_type = ContentType.objects.filter(app_label="search", model="placealert").first()
    if owner_type is not None:
        OutgoingMail.objects.filter(owner_type=owner_type, owner_id__in=twins).delete()
    PlaceAlert.objects.filter(pk__in=twins).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0019_search_listing_organisation_key"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0011_outgoing_mail"),
    ]

    operations = [migrations.RunPython(remove_twins, migrations.RunPython.noop)]
