"""Likely duplicates: listings of different organisations that look like the same offer.

Two listings are compared only if they share a topic and a district (blocking) and their visibility
periods overlap; within a block, candidates come from prefix filtering (see :mod:`similarity`), so the
work grows with the number of similar listings, not with the square of all listings.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import get_language

from wegweiser.reports.selection import ListingSelection
from wegweiser.reports.similarity import candidate_pairs, jaccard, trigrams, without_common_words, word_tokens
from wegweiser.site.models import District, Topic
from wegweiser.site.taxonomy_labels import term_labels

TITLE_WEIGHT = 0.6
SUMMARY_WEIGHT = 0.4
FULL_WEIGHT_SUMMARY_WORDS = 8
DEFAULT_THRESHOLD = 0.5
CACHE_SECONDS = 15 * 60

ListingKey = tuple[str, int]


@dataclass
class ComparedListing:
    """What the office needs to see of one side of a pair, and what the comparison needs of it."""

    listing_type: str
    type_label: str
    pk: int
    title: str
    summary: str
    organisation_id: int | None
    organisation: str
    district: str
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    topics: set[str] = field(default_factory=set)

    @property
    def key(self) -> ListingKey:
        return (self.listing_type, self.pk)

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.pk])

    def overlaps(self, other: ComparedListing) -> bool:
        """Open-ended periods overlap everything on that side."""
        starts_before_other_ends = not (
            self.valid_from and other.valid_until and self.valid_from > other.valid_until
        )
        ends_after_other_starts = not (
            self.valid_until and other.valid_from and self.valid_until < other.valid_from
        )
        return starts_before_other_ends and ends_after_other_starts


@dataclass
class DuplicatePair:
    first: ComparedListing
    second: ComparedListing
    score: float
    title_similarity: float
    summary_similarity: float
    topics: list[str]
    district: str
    topic_slugs: list[str] = field(default_factory=list)

    @property
    def score_percent(self) -> int:
        return round(self.score * 100)

    @property
    def topics_label(self) -> str:
        return ", ".join(self.topics)


def load_listings(selection: ListingSelection) -> dict[ListingKey, ComparedListing]:
    """The selected listings with their topic slugs, in two queries per listing type."""
    listings: dict[ListingKey, ComparedListing] = {}
    for listing_type, queryset in selection.querysets():
        rows = queryset.order_by().values_list(
            "pk",
            "title",
            "summary",
            "organisation_id",
            "organisation__title",
            "district__slug",
            "valid_from",
            "valid_until",
        )
        type_label = str(listing_type.verbose_name)
        for pk, title, summary, organisation_id, organisation, district, valid_from, valid_until in rows:
            listings[listing_type.key, pk] = ComparedListing(
                listing_type=listing_type.key,
                type_label=type_label,
                pk=pk,
                title=title,
                summary=summary or "",
                organisation_id=organisation_id,
                organisation=organisation or "",
                district=district or "",
                valid_from=valid_from,
                valid_until=valid_until,
            )
        topic_rows = listing_type.model.objects.filter(pk__in=queryset.values("pk"), topics__isnull=False)
        for pk, topic in topic_rows.order_by().values_list("pk", "topics__slug"):
            listings[listing_type.key, pk].topics.add(topic)
    return listings


def find_duplicates(
    selection: ListingSelection, threshold: float = DEFAULT_THRESHOLD, topic: str = "", district: str = ""
) -> list[DuplicatePair]:
    """Pairs from different organisations, same topic and district, overlapping dates, most similar first.

    ``topic`` and ``district`` only narrow which pairs are reported; all listings are still compared.
    The comparison is cached under a fingerprint of exactly what it compares, so any published change
    to a listing is seen at once, while paging through or exporting a large report does not repeat it.
    """
    listings = load_listings(selection)
    key = comparison_cache_key(listings, threshold)
    pairs = cache.get(key)
    if pairs is None:
        pairs = duplicate_pairs(listings, threshold)
        cache.set(key, pairs, CACHE_SECONDS)
    return [
        pair
        for pair in pairs
        if (not topic or topic in pair.topic_slugs) and (not district or pair.first.district == district)
    ]


def comparison_cache_key(listings: dict[ListingKey, ComparedListing], threshold: float) -> str:
    fingerprint = hashlib.sha256(f"{threshold}|{get_language()}".encode())
    for key in sorted(listings):
        listing = listings[key]
        fingerprint.update(
            repr(
                (
                    key,
                    listing.title,
                    listing.summary,
                    listing.organisation_id,
                    listing.organisation,
                    listing.district,
                    listing.valid_from,
                    listing.valid_until,
                    sorted(listing.topics),
                )
            ).encode()
        )
    return f"wegweiser:reports:duplicates:{fingerprint.hexdigest()}"


def similarity_score(title_similarity: float, summary_similarity: float, summary_words: frozenset) -> float:
    """Weighted mean of title and summary similarity; summaries with few distinctive words weigh less.

    Two listings whose summaries hold only everyday words ("Anmeldung", "Uhr") are judged by their titles.
    """
    summary_weight = SUMMARY_WEIGHT * min(1.0, len(summary_words) / FULL_WEIGHT_SUMMARY_WORDS)
    return (1 - summary_weight) * title_similarity + summary_weight * summary_similarity


def comparison_candidates(
    listings: dict[ListingKey, ComparedListing], threshold: float
) -> tuple[dict, dict, set]:
    """Title trigrams, distinctive summary words, and the pairs worth scoring.

    A pair's score is a weighted mean of its title and summary similarity, so it can only reach the
    threshold if at least one of the two does: the union of both candidate sets misses no pair.
    """
    blocks: dict[tuple[str, str], list[ListingKey]] = defaultdict(list)
    for key, listing in listings.items():
        for slug in listing.topics:
            blocks[slug, listing.district].append(key)
    titles = {key: trigrams(listing.title) for key, listing in listings.items()}
    summaries = without_common_words({key: word_tokens(listing.summary) for key, listing in listings.items()})
    candidates = candidate_pairs(titles, blocks, threshold) | candidate_pairs(summaries, blocks, threshold)
    return titles, summaries, candidates


def duplicate_pairs(
    listings: dict[ListingKey, ComparedListing],
    threshold: float = DEFAULT_THRESHOLD,
) -> list[DuplicatePair]:
    """The comparison itself, on listings already loaded (see :func:`find_duplicates`)."""
    titles, summaries, candidates = comparison_candidates(listings, threshold)

    topic_labels = term_labels(Topic)
    district_labels = term_labels(District)
    pairs = []
    for first_key, second_key in candidates:
        first, second = listings[first_key], listings[second_key]
        if first.organisation_id is None or first.organisation_id == second.organisation_id:
            continue
        if not first.overlaps(second):
            continue
        title_similarity = jaccard(titles[first_key], titles[second_key])
        if TITLE_WEIGHT * title_similarity + SUMMARY_WEIGHT < threshold:
            continue  # even identical summaries could not lift this pair over the threshold
        summary_similarity = jaccard(summaries[first_key], summaries[second_key])
        score = similarity_score(
            title_similarity, summary_similarity, summaries[first_key] | summaries[second_key]
        )
        if score < threshold:
            continue
        pairs.append(
            DuplicatePair(
                first=first,
                second=second,
                score=score,
                title_similarity=title_similarity,
                summary_similarity=summary_similarity,
                topics=sorted(topic_labels.get(slug, slug) for slug in first.topics & second.topics),
                topic_slugs=sorted(first.topics & second.topics),
                district=district_labels.get(first.district, first.district),
            )
        )
    pairs.sort(
        key=lambda pair: (-pair.score, pair.first.title, pair.second.title, pair.first.pk, pair.second.pk)
    )
    return pairs
