"""Give the integration office's group the (numbers-only) volunteering report."""

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant_report_to_office(apps, schema_editor):
    # Permissions are normally created after all migrations; create ours now so the group can get it.
    create_permissions(global_apps.get_app_config("volunteers"), verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="volunteers", codename="view_volunteering_report")
    group, _created = Group.objects.get_or_create(name=getattr(settings, "WEGWEISER_OFFICE_GROUP", "Integrationsbüro"))
    group.permissions.add(permission)


def revoke_report_from_office(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="volunteers", codename="view_volunteering_report").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("volunteers", "0002_suitabilities"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_report_to_office, revoke_report_from_office)]
