"""The office group works with every organisation's images and documents: its rights move from the model
(where Wagtail's collection-based choosers ignored them) to the root collection."""

from django.conf import settings
from django.db import migrations

RIGHTS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    office = Group.objects.filter(
        name=getattr(settings, "WEGWEISER_OFFICE_GROUP", "Integrationsbüro")
    ).first()
    root = Collection.objects.filter(depth=1).first()
    if office is None or root is None:
        return  # a new installation: setup_portal grants them
    for app_label, codename in RIGHTS:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            GroupCollectionPermission.objects.get_or_create(
                group=office, collection=root, permission=permission
            )
            office.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0018_organisation_log_entry"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0001_initial"),
        ("wagtaildocs", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
