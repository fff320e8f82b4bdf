from django.db import migrations

KINDS = ["adults", "young-people", "students", "seniors", "families", "newcomers"]


def create_suitabilities(apps, schema_editor):
    Suitability = apps.get_model("volunteers", "Suitability")
    for slug in KINDS:
        Suitability.objects.get_or_create(slug=slug)


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0001_initial")]

    operations = [migrations.RunPython(create_suitabilities, migrations.RunPython.noop)]
