"""Search documents built from the listing-type registry: one document per published page and language.

``shown_in`` says in which visitor languages a document is found: a translation in its own language,
a German original also in every language it has no published translation in (as the listing pages do it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Locale

from wegweiser.search.es.analysis import NodeCapabilities, analysed_languages
from wegweiser.search.es.text import searchable_words
from wegweiser.search.facet_values import facet_keys
from wegweiser.search.fulltext import folded_text, page_text
from wegweiser.search.listing_terms import TOPIC_FACET, term_texts
from wegweiser.search.vocabulary import known_stems
from wegweiser.search.wording import without_marks
from wegweiser.site.facets import facet_values
from wegweiser.site.registry import ListingType


def all_facet_names(listing_types: Iterable[ListingType]) -> list[str]:
    names: list[str] = []
    for listing_type in listing_types:
        names.extend(facet.name for facet in listing_type.all_facets() if facet.name not in names)
    return names


def body_text(page) -> str:
    """The searchable words of a page's StreamField body, without markup."""
    body = getattr(page, "body", None)
    if not body:
        return ""
    words: list[str] = []
    for child in body:
        try:
            content = child.block.get_searchable_content(child.value)
        except (AttributeError, TypeError, ValueError):
            continue
        words.extend(strip_tags(str(item)) for item in content)
    return " ".join(words)


def shown_in_for(listing_type: ListingType, pages: list) -> dict[int, list[str]]:
    """For each page, the visitor languages in which it is the version to find."""
    default = Locale.get_default()
    codes = list(Locale.objects.values_list("language_code", flat=True))
    keys = [page.translation_key for page in pages if page.locale_id == default.pk]
    translated: dict = defaultdict(set)
    rows = listing_type.model.objects.live().filter(translation_key__in=keys).exclude(locale=default)
    for key, code in rows.values_list("translation_key", "locale__language_code"):
        translated[key].add(code)
    shown: dict[int, list[str]] = {}
    for page in pages:
        if page.locale_id == default.pk:
            shown[page.pk] = [code for code in codes if code not in translated[page.translation_key]]
        else:
            shown[page.pk] = [page.locale.language_code]
    return shown


def documents_for(listing_type: ListingType, pages: list, capabilities: NodeCapabilities) -> Iterator[dict]:
    """Index documents (``_id`` included) for current pages of one listing type."""
    if not pages:
        return
    ids = [page.pk for page in pages]
    facets = facet_values(listing_type, ids)
    shown_in = shown_in_for(listing_type, pages)
    terms = term_texts(listing_type, ids, facets)
    languages = analysed_languages(capabilities)
    known = known_stems()  # once for the batch: every document's compounds split alike
    for page in pages:
        body = body_text(page)
        extra = {}
        for name, getter in listing_type.document_fields.items():
            try:
                value = getter(page)
            except (AttributeError, TypeError, ValueError):
                value = None
            extra[name] = (
                value if isinstance(value, str | int | float | bool) or value is None else str(value)
            )
        extra_text = " ".join(str(value) for value in extra.values() if isinstance(value, str))
        owner = page.organisation if page.organisation_id else None
        organisation = owner.title if owner else ""
        document = {
            "_id": str(page.pk),
            "page_id": page.pk,
            "listing_type": listing_type.key,
            "locale": page.locale.language_code,
            "shown_in": shown_in[page.pk],
            "title": page.title,
            "summary": page.summary,
            "title_folded": folded_text(page.title),
            "summary_folded": folded_text(page.summary),
            "topic_count": len(facets.get(page.pk, {}).get(TOPIC_FACET, [])),
            "body": body,
            "organisation": organisation,
            "organisation_key": str(owner.translation_key) if owner else None,
            "extra_text": extra_text,
            "extra": extra,
            "words": searchable_words(page_text(page, terms.get(page.pk, ""), known)),
            "valid_from": page.valid_from.isoformat() if page.valid_from else None,
            "valid_until": page.valid_until.isoformat() if page.valid_until else None,
            "first_published_at": page.first_published_at.isoformat() if page.first_published_at else None,
            "suggest": {"input": _suggest_inputs(page.title)},
        }
        if page.has_coordinates:
            document["location"] = {"lat": page.latitude, "lon": page.longitude}
        if page.locale.language_code in languages:
            # Read as the words are (without_marks): the node's Persian analyzer splits "کلاس‌های" at its
            # zero-width non-joiner, and leaves out "نام" of "ثبت‌نام" (registration) as a word of its own.
            text = " ".join([page.title, page.summary, body])
            document[f"text_{page.locale.language_code}"] = without_marks(text)
        for name, values in facets.get(page.pk, {}).items():
            document[f"f_{name}"] = values
        # The same values in one field, where the facets without a choice are counted together.
        document["facets"] = facet_keys(facets.get(page.pk, {}))
        yield document


def _suggest_inputs(title: str) -> list[str]:
    """The whole title and the title from each later word on, so "Frauen" completes "Deutschkurs für Frauen"."""
    words = title.split()
    inputs = [" ".join(words[index:]) for index in range(len(words)) if len(words[index]) >= 3]
    return list(dict.fromkeys([title, *inputs]))[:10]


def current_pages(listing_type: ListingType, queryset=None) -> list:
    """Current pages with what documents need joined in (taxonomies come from :func:`facet_values`)."""
    queryset = current_queryset(listing_type, queryset)
    return list(queryset.select_related("locale", "organisation", *listing_type.select_related))


def current_queryset(listing_type: ListingType, queryset=None):
    """The pages of a type that belong in the index: live, public, within their validity period.

    Pages that are not valid *yet* are indexed too (the query filters on dates), so that they appear
    on their first day without waiting for a sync.
    """
    base = queryset if queryset is not None else listing_type.model.objects.all()
    today = timezone.localdate()
    return base.filter(live=True).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today)).public()
