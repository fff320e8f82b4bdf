"""Organisations hold their image and document collection by key; existing ones keep the one of their title."""

import django.db.models.deletion
from django.db import migrations, models


def link_existing_collections(apps, schema_editor):
    """Until now the collection was found by the organisation's title: link that one, once per organisation."""
    OrganisationPage = apps.get_model("core", "OrganisationPage")
    Collection = apps.get_model("wagtailcore", "Collection")
    claimed = set()
    linked_keys = set()
    for organisation in OrganisationPage.objects.order_by("pk"):
        if organisation.collection_id is not None or organisation.translation_key in linked_keys:
            continue
        linked_keys.add(organisation.translation_key)
        collection = (
            Collection.objects.filter(depth=2, name=organisation.title[:255])
            .exclude(pk__in=claimed)
            .order_by("path")
            .first()
        )
        if collection is None:
            continue  # organisation_collection() creates a fresh one the next time the group is repaired
        claimed.add(collection.pk)
        OrganisationPage.objects.filter(translation_key=organisation.translation_key).update(
            collection=collection
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_rate_limit_counters"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisationpage",
            name="collection",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.collection",
                verbose_name="collection for images and documents",
            ),
        ),
        migrations.RunPython(link_existing_collections, migrations.RunPython.noop),
    ]
