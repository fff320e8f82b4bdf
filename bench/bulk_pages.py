"""Listing pages written in bulk for the benchmarks: Wagtail's ``add_child`` would take minutes for 100,000.

Imported by the benchmark scripts after they have set Django up (``from bench.bulk_pages import …``).
"""

from __future__ import annotations

import uuid

from django.db import connection
from django.utils import timezone
from wagtail.models import Page


def insert_listings(model, listings: list[tuple[Page, dict]]) -> list[int]:
    """Live, published pages of ``model``, each below its parent (an organisation page): ``listings`` are
    ``(parent, fields)`` with each page's own fields (title, slug, summary, locale, ...). The tree's fields,
    the publishing dates, a translation key and the parents' child counts are set here. Returns the new
    pages' ids, in the order given."""
    now = timezone.now()
    numchild = {
        parent.pk: Page.objects.get(pk=parent.pk).numchild for parent in {parent for parent, _ in listings}
    }
    parents, children = [], []
    for parent, fields in listings:
        numchild[parent.pk] += 1
        depth = parent.depth + 1
        child = model(
            **fields,
            draft_title=fields["title"],
            organisation_id=parent.pk,
            translation_key=uuid.uuid4(),
            live=True,
            first_published_at=now,
            last_published_at=now,
            depth=depth,
            path=Page._get_path(parent.path, depth, numchild[parent.pk]),
            url_path=f"{parent.url_path}{fields['slug']}/",
        )
        parents.append(
            Page(**{field.attname: getattr(child, field.attname) for field in Page._meta.concrete_fields})
        )
        children.append(child)
    Page.objects.bulk_create(parents, batch_size=2000)
    if any(page.pk is None for page in parents):  # databases that do not return the new ids
        paths = dict(Page.objects.filter(path__in=[page.path for page in parents]).values_list("path", "pk"))
        for page in parents:
            page.pk = paths[page.path]
    fields = list(model._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    rows = []
    for parent, child in zip(parents, children, strict=True):
        child.page_ptr_id = parent.pk
        rows.append([field.get_db_prep_save(getattr(child, field.attname), connection) for field in fields])
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608
    for parent_pk, count in numchild.items():
        Page.objects.filter(pk=parent_pk).update(numchild=count)
    return [page.pk for page in parents]
