"""An account request asks for the same kinds of organisation its page has: requests stored with the former
kinds of the form ("ngo", "public_body") get the page's kinds that approval used to map them to."""

from django.db import migrations, models

FORMER_TO_NEW = {"ngo": "association", "public_body": "authority"}
NEW_TO_FORMER = {"association": "ngo", "authority": "public_body", "welfare": "ngo", "religious": "other"}


def _rename(apps, renames):
    AccountRequest = apps.get_model("core", "AccountRequest")
    for old, new in renames.items():
        AccountRequest.objects.filter(kind=old).update(kind=new)


def forwards(apps, schema_editor):
    _rename(apps, FORMER_TO_NEW)


def backwards(apps, schema_editor):
    _rename(apps, NEW_TO_FORMER)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0015_listing_day_parts"),
    ]

    operations = [
        migrations.AlterField(
            model_name="accountrequest",
            name="kind",
            field=models.CharField(
                choices=[
                    ("welfare", "welfare association"),
                    ("association", "NGO or association"),
                    ("migrant", "migrant organisation"),
                    ("authority", "public authority"),
                    ("course_provider", "course provider"),
                    ("religious", "religious community"),
                    ("other", "other"),
                ],
                max_length=20,
                verbose_name="kind of organisation",
            ),
        ),
        migrations.AlterField(
            model_name="organisationpage",
            name="kind",
            field=models.CharField(
                choices=[
                    ("welfare", "welfare association"),
                    ("association", "NGO or association"),
                    ("migrant", "migrant organisation"),
                    ("authority", "public authority"),
                    ("course_provider", "course provider"),
                    ("religious", "religious community"),
                    ("other", "other"),
                ],
                default="association",
                max_length=20,
                verbose_name="kind of organisation",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
