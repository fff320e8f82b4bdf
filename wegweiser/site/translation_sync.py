"""A published change of a German page reaches its published translations at once.

What wagtail-localize keeps the same in every language (dates, a cancelled date, the status, places,
registration, address, cost: every field that is not text to translate) is copied to the translations only
when somebody presses "Sync translated pages". A partner's change goes through the office's review and
is published by the office, and nobody pressed it: the Arabic page of an event still showed a date the
German page had cancelled, and took no registrations after the German one began to. So publishing the
original brings every translation that is live up to date, as that button would, with the translated texts
kept (a text changed since is German until it is translated again). A translation never published stays
as it is: it is still being translated. So does one whose translated texts or page changed since it was
last published: those changes wait for their own review, and publishing the German page must not publish
them (a partner's unreviewed Arabic text would go live with the office's approval of a German one).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, IntegerField, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from wegweiser.site.models import OrganisationPage
from wegweiser.site.registry import listing_types


def sync_live_translations(page: Page) -> int:
    """Update the live translations of ``page`` (a page in the default language) from it; how many."""
    if page.locale_id != Locale.get_default().pk:
        return 0
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:  # never translated through wagtail-localize
        return 0
    source.update_from_db()
    synced = 0
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        target = page.get_translation_or_none(translation.target_locale)
        if target is None or not target.live or _awaits_review(source, target):
            continue
        with contextlib.suppress(ValidationError):
            translation.save_target(publish=True)
            synced += 1
    return synced


def _awaits_review(source: TranslationSource, target: Page) -> bool:
    last_edited = StringTranslation.objects.filter(
        context__object_id=source.object_id, locale_id=target.locale_id
    ).aggregate(last=Max("updated_at"))["last"]
    return _has_unpublished_translation(target, last_edited)


def _has_unpublished_translation(target: Page, last_edited) -> bool:
    """The translation has changes of its own not yet published: never published, a draft, or translated texts
    edited (``last_edited``: the newest edit of its texts, if any) since it was."""
    if target.has_unpublished_changes or target.last_published_at is None:
        return True
    return last_edited is not None and last_edited > target.last_published_at


def translations_awaiting_publication(
    organisations: Iterable[OrganisationPage] | None = None,
) -> list[tuple[Page, Translation, tuple[int, int]]]:
    """``(translated page, its translation, (texts, texts translated))`` of every page translation with changes of
    its own not yet published, the longest waiting first: texts translated since it was last published (or it was
    never published), or a live translation's draft (a "Sync translated pages" not published). A partner, who may
    not publish, translated its page in the translation editor, and only the office can publish it there
    ("Veröffentlichen"). Until then nothing but the translations report showed it. ``organisations``: only their
    pages' translations (:func:`organisations_pages`).

    Four queries whatever the number of translations: their progress counted in the database."""
    scope = Q() if organisations is None else organisations_pages(organisations, "context__object_id")
    edited = {
        (row["context__object_id"], row["locale_id"]): row["last"]
        for row in StringTranslation.objects.filter(scope)
        .values("context__object_id", "locale_id")
        .annotate(last=Max("updated_at"))
    }
    # A live translation's draft waits too, though none of its texts was edited: it was in neither list.
    drafts = Q(live=True, has_unpublished_changes=True)
    if organisations is not None:
        drafts &= organisations_pages(organisations, "translation_key")
    if edited:
        drafts |= Q(
            translation_key__in={key for key, _locale in edited},
            locale_id__in={locale for _key, locale in edited},
        )
    waiting = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(drafts).exclude(locale_id=Locale.get_default().pk)
        if (page.live and page.has_unpublished_changes)
        or (
            (last := edited.get((page.translation_key, page.locale_id)))
            and _has_unpublished_translation(page, last)
        )
    }
    if not waiting:
        return []
    translations = _with_progress(
        Translation.objects.filter(
            enabled=True,
            source__object_id__in={key for key, _locale in waiting},
            target_locale_id__in={locale for _key, locale in waiting},
        )
    ).select_related("source", "target_locale")
    found = []
    for translation in translations:
        page = waiting.get((translation.source.object_id, translation.target_locale_id))
        if page is not None:
            found.append((page, translation, (translation.texts, translation.texts_translated)))

    def waiting_since(item):
        page = item[0]
        since = edited.get((page.translation_key, page.locale_id)) or page.latest_revision_created_at
        return (since is None, since or 0)

    return sorted(found, key=waiting_since)


def live_translations_with_untranslated_texts(
    organisations: Iterable[OrganisationPage] | None = None,
) -> list[tuple[Page, Translation, tuple[int, int]]]:
    """``(translated page, its translation, (texts, texts translated))`` of every live page translation that shows
    texts of its source untranslated, most of them first: a German text changed since the translation was made, and
    publishing the German page put it on the live Arabic page in German (:func:`sync_live_translations`), or the
    translation was published before anyone translated it. A newcomer reads German there until it is translated.
    ``organisations``: only their pages' translations (:func:`organisations_pages`), for a partner's start page.

    Only translations published as their translator left them: one with translated texts or a draft not yet
    published is :func:`translations_awaiting_publication`'s. Two queries whatever the number of translations:
    the progress of each counted as ``Translation.get_progress`` counts it, in the database."""
    segments, translated = _texts()
    live = Exists(
        Page.objects.filter(
            translation_key=OuterRef("source__object_id"), locale_id=OuterRef("target_locale_id"), live=True
        )
    )
    scope = Q() if organisations is None else organisations_pages(organisations, "source__object_id")
    translations = list(
        _with_progress(
            Translation.objects.filter(scope, live, Exists(segments.filter(~translated)), enabled=True)
        ).select_related("source", "target_locale")
    )
    if not translations:
        return []
    last_edited = (
        StringTranslation.objects.filter(
            context__object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
        )
        .values("context__object_id", "locale_id")
        .annotate(last=Max("updated_at"))
        .values("last")
    )
    pages = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(
            live=True,
            translation_key__in={translation.source.object_id for translation in translations},
            locale_id__in={translation.target_locale_id for translation in translations},
        ).annotate(last_edited=Subquery(last_edited))
    }
    found = []
    for translation in translations:
        page = pages.get((translation.source.object_id, translation.target_locale_id))
        if page is not None and not _has_unpublished_translation(page, page.last_edited):
            found.append((page, translation, (translation.texts, translation.texts_translated)))
    return sorted(found, key=lambda item: (item[2][1] - item[2][0], item[0].last_published_at))


def organisations_pages(organisations: Iterable[OrganisationPage], key: str) -> Q:
    """The organisations' pages in every language (each organisation's own page and its listings of every type: a
    listing carries its organisation), as a condition on ``key``, a field holding a page's translation key
    (``source__object_id`` of a translation, ``translation_key`` of a page)."""
    organisations = list(organisations)
    condition = Q(**{f"{key}__in": [organisation.translation_key for organisation in organisations]})
    for listing_type in listing_types().values():
        listings = listing_type.model.objects.filter(organisation__in=organisations)
        condition |= Q(**{f"{key}__in": listings.values("translation_key")})
    return condition


def _texts() -> tuple[QuerySet, Exists]:
    """The texts of a translation's source (a subquery on a translation) and whether a text is translated into the
    translation's language, as ``Translation.get_progress`` counts them."""
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id"))
    translated = Exists(
        StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=OuterRef(OuterRef("target_locale_id")),
            has_error=False,
        )
    )
    return segments, translated


def _with_progress(translations: QuerySet[Translation]) -> QuerySet[Translation]:
    """``translations`` with their progress as ``texts`` and ``texts_translated``: in the query, not one each."""
    segments, translated = _texts()
    return translations.annotate(texts=_count(segments), texts_translated=_count(segments.filter(translated)))


def _count(segments) -> Coalesce:
    """How many of ``segments`` (a subquery of one source's segments), as a column."""
    counted = segments.order_by().values("source_id").annotate(number=Count("pk")).values("number")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))
