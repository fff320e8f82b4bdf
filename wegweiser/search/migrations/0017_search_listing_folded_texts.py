# The database backend ranks hits by their titles and summaries folded as the searched words are
# (wegweiser.search.wording.fold). It folded them in every search, for every ranked row (PostgreSQL's translate(),
# a Python function on SQLite): at 100,000 listings seconds a search for a word in many of them
# (bench/SEARCH.md). Now each listing's search row keeps them folded (SearchListing.title_folded and
# summary_folded), written with the row; this migration adds the columns and fills them for the rows there are,
# in batches, folded by the same function. A row whose listing it cannot read (its type's model unknown here) is
# removed: the post-migrate fill (wegweiser.search.signals.fill_search_texts) writes it anew.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from wegweiser.search.wording import fold

BATCH = 2000


def fill_folded_texts(apps, schema_editor):
    SearchListing = apps.get_model("search", "SearchListing")
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    connection = schema_editor.connection
    table = connection.ops.quote_name(SearchListing._meta.db_table)
    update = f"UPDATE {table} SET title_folded = %s, summary_folded = %s WHERE page_id = %s"  # noqa: S608 - own table
    page_ids = list(SearchListing.objects.order_by("page_id").values_list("page_id", flat=True))
    for start in range(0, len(page_ids), BATCH):
        batch = page_ids[start : start + BATCH]
        pages = Page.objects.filter(pk__in=batch).values_list("pk", "title", "content_type_id")
        titles = {pk: title for pk, title, _type in pages}
        summaries: dict[int, str] = {}
        by_type: dict[int, list[int]] = {}
        for pk, _title, content_type in pages:
            by_type.setdefault(content_type, []).append(pk)
        for content_type, pks in by_type.items():
            model = _model(apps, ContentType, content_type)
            if model is not None:
                summaries.update(model.objects.filter(pk__in=pks).values_list("pk", "summary"))
        read = [pk for pk in batch if pk in summaries]
        with connection.cursor() as cursor:
            cursor.executemany(
                update, [(fold(titles[pk] or ""), fold(summaries[pk] or ""), pk) for pk in read]
            )
        unread = set(batch) - set(read)
        if unread:
            SearchListing.objects.filter(page_id__in=unread).delete()


def _model(apps, ContentType, content_type_id):
    """The page model of a content type, as this migration's state has it, if it has a summary."""
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    if content_type is None:
        return None
    try:
        model = apps.get_model(content_type.app_label, content_type.model)
    except LookupError:
        return None
    return model if any(field.name == "summary" for field in model._meta.get_fields()) else None


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0016_short_parts_and_fleeting_vowels"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchlisting",
            name="title_folded",
            field=models.TextField(default="", verbose_name="folded title"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="searchlisting",
            name="summary_folded",
            field=models.TextField(default="", verbose_name="folded summary"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="searchlisting",
            name="page",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                primary_key=True,
                related_name="search_listing",
                serialize=False,
                to=settings.WAGTAIL_PAGE_MODEL,
                verbose_name="page",
            ),
        ),
        migrations.RunPython(fill_folded_texts, migrations.RunPython.noop, elidable=False),
    ]
