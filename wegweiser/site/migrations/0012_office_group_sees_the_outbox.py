"""Give the integration office's group the outbox (Settings › Outbox): see waiting mails, retry given-up ones."""

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ("view_outgoingmail", "change_outgoingmail")


def grant_outbox_to_office(apps, schema_editor):
    # Permissions are normally created after all migrations; create ours now so the group can get them.
    create_permissions(global_apps.get_app_config("core"), verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=getattr(settings, "WEGWEISER_OFFICE_GROUP", "Integrationsbüro")).first()
    if group is not None:
        group.permissions.add(*Permission.objects.filter(content_type__app_label="core", codename__in=CODENAMES))


def revoke_outbox_from_office(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=getattr(settings, "WEGWEISER_OFFICE_GROUP", "Integrationsbüro")).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="core", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0011_outgoing_mail"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_outbox_to_office, revoke_outbox_from_office)]
