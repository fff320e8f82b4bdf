"""Give the integration office's group the reports permission (creating the group if it does not exist yet)."""

from django.conf import settings
from django.db import migrations


def grant_reports_to_office(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create ours now so the group can get it.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label="reports", model="officereports")
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_office_reports",
        defaults={"name": "Can see the integration office's reports"},
    )
    group, _created = Group.objects.get_or_create(name=getattr(settings, "WEGWEISER_OFFICE_GROUP", "Integrationsbüro"))
    group.permissions.add(permission)


def revoke_reports_from_office(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="reports", codename="view_office_reports").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_reports_to_office, revoke_reports_from_office)]
