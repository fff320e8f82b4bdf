"""Keep the search index following the content: publish, unpublish, delete and move enqueue a sync task.

The task is enqueued once the database transaction commits, so the worker sees what the editor saved.
Expiry needs no signal: queries filter on the validity dates. A term that facets read through (a topic, a
district) enqueues its listings when it is saved or deleted. The search's own table of searchable
words (:mod:`wegweiser.search.fulltext`) is written in the publishing transaction itself, and filled
for listings that have no row yet after every ``migrate``.
"""

from __future__ import annotations

from django.db import connections, transaction
from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Locale, Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from wegweiser.search import choices, fulltext
from wegweiser.search.facet_values import listings_carrying
from wegweiser.search.models import SearchText, Synonym
from wegweiser.search.tasks import remove_listings, sync_listings
from wegweiser.search.wording import invalidate_synonyms
from wegweiser.site.models import District, Language, Listing, OrganisationPage, TargetGroup, Topic
from wegweiser.site.page_tree_cache import public_pages_show
from wegweiser.site.registry import listing_type_for_model, listing_types


def _is_listing(instance) -> bool:
    return isinstance(instance, Listing) and listing_type_for_model(type(instance)) is not None


def _enqueue_sync(page_ids: list[int], texts: bool = True) -> None:
    """``texts=False``: the handler has written the search's text rows itself, the task need not again."""
    if page_ids:
        transaction.on_commit(lambda: sync_listings.enqueue(page_ids=page_ids, texts=texts))


@receiver(page_published)
def listing_published(sender, instance, **kwargs) -> None:
    if _is_listing(instance):
        fulltext.store_text(instance)
        _enqueue_sync([instance.pk], texts=False)


@receiver(post_save)
def listing_saved(sender, instance, created, raw=False, update_fields=None, **kwargs) -> None:
    """A listing created live without Wagtail's publishing (an import, a factory) gets its row at once;
    one saved as not live (a draft made from it) loses its row; one saved live keeps its dates, place and
    folded title and summary in its row as they are now (a script's or an import's change that is not
    published)."""
    if raw or not _is_listing(instance):
        return
    if not getattr(instance, "live", False):
        if not created:
            fulltext.remove_text(instance.pk)
    elif created:
        fulltext.store_text(instance)
    elif update_fields is None or not set(update_fields).isdisjoint(fulltext.SAVED_FIELDS):
        fulltext.store_saved_values(instance)


@receiver(page_unpublished)
def listing_unpublished(sender, instance, **kwargs) -> None:
    if _is_listing(instance):
        fulltext.remove_text(instance.pk)
        _enqueue_sync([instance.pk], texts=False)


@receiver(post_delete)
def listing_deleted(sender, instance, **kwargs) -> None:
    if not _is_listing(instance):
        return
    page_ids, keys = [instance.pk], [str(instance.translation_key)]
    transaction.on_commit(lambda: remove_listings.enqueue(page_ids=page_ids, translation_keys=keys))


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs) -> None:
    """A moved listing, or every listing below a moved organisation, gets its new place in the index."""
    page_ids: list[int] = []
    for listing_type in listing_types().values():
        moved = listing_type.model.objects.descendant_of(instance, inclusive=True)
        page_ids.extend(moved.values_list("pk", flat=True))
    _enqueue_sync(sorted(set(page_ids)))


@receiver(page_published)
def organisation_published(sender, instance, **kwargs) -> None:
    """An organisation's listings are found by its name (:mod:`~wegweiser.search.listing_terms`): published
    under a new name, they are stored and indexed anew. Organisations are published rarely."""
    if isinstance(instance, OrganisationPage):
        page_ids = [
            pk
            for listing_type in listing_types().values()
            for pk in listing_type.model.objects.filter(organisation=instance, live=True).values_list(
                "pk", flat=True
            )
        ]
        _enqueue_sync(page_ids)


@receiver(post_save)
def term_saved(sender, instance, raw=False, **kwargs) -> None:
    """A term a facet reads through (a topic, a district, a language ...) given another slug or name: its
    listings are stored and indexed anew, so they are counted under the new value and found by the new
    name. Models no facet reads through cost no query."""
    if raw or isinstance(instance, Page):
        return
    _enqueue_sync(listings_carrying(instance))


@receiver(pre_delete)
def term_deleted(sender, instance, **kwargs) -> None:
    """A deleted term: its listings (read before the deletion takes the links away) are stored anew without it."""
    if isinstance(instance, Page):
        return
    _enqueue_sync(listings_carrying(instance))


@receiver(post_save, sender=Synonym)
@receiver(post_delete, sender=Synonym)
def synonyms_changed(**kwargs) -> None:
    invalidate_synonyms()


# A finder page kept for anonymous visitors with search words ("?q=Sprachkurs") shows what the synonyms found.
public_pages_show(Synonym)


def fill_search_texts(sender, using, **kwargs) -> None:
    """After ``migrate``: rows for listings published before the search's text table existed."""
    if sender.name != "wegweiser.search":
        return

    if SearchText._meta.db_table in connections[using].introspection.table_names():
        fulltext.fill_missing_texts()


def _choices_changed(**kwargs) -> None:
    choices.invalidate()


# Facet choice lists and district centres are cached per language until a term or a locale changes.
for _model in (Topic, TargetGroup, Language, District, Locale):
    post_save.connect(_choices_changed, sender=_model, dispatch_uid=f"search-choices-save-{_model.__name__}")
    post_delete.connect(
        _choices_changed, sender=_model, dispatch_uid=f"search-choices-delete-{_model.__name__}"
    )

post_migrate.connect(fill_search_texts, dispatch_uid="search-fill-search-texts")
