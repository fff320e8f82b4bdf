# Wagtail's own migrations create the groups "Editors" and "Moderators", with the right to add, change (and for
# moderators publish) every page below the root: the whole portal, every organisation's pages included. The
# portal's roles are its own groups (the office's, and each organisation's "Redaktion: …", scoped to its
# pages), and an office that gave a partner's new editor the English-named "Editors" group had given them
# every other organisation's pages. The two groups are removed where nobody is in them; where someone is,
# they stay as they are (the README's upgrade notes say to move those people into the portal's groups).

from django.db import migrations

STOCK_GROUPS = ("Editors", "Moderators")


def remove_unused_stock_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=STOCK_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0021_link_topic"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtaildocs", "0002_initial_data"),
        ("wagtailimages", "0002_initial_data"),
    ]

    operations = [
        migrations.RunPython(remove_unused_stock_groups, migrations.RunPython.noop, elidable=False),
    ]
