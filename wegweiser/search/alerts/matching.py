"""Which of the recently opened listings each alert waits for, with a fixed number of queries per run.

:class:`OpeningPool` reads the opened listings once (their translations, facet values, searchable words and
coordinates: a few queries per listing type, however many alerts there are) and indexes them per language
by kind and facet value. An alert is then matched in memory with the search's meaning: any of the chosen
values of a facet, every chosen facet, every typed word (in any of its forms, as a prefix, like the full
text index), within the radius of the chosen district. Alerts with the same criteria share one result.
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from wagtail.models import Page, Site

from wegweiser.search.choices import cached_district_centres
from wegweiser.search.fulltext import Way, unit_alternatives
from wegweiser.search.geo import EARTH_RADIUS_KM
from wegweiser.search.models import SearchText
from wegweiser.search.query import MAX_WORDS, TYPE_FACET
from wegweiser.search.wording import meaningful, query_units, tokens
from wegweiser.site.listings import with_language_prefix
from wegweiser.site.registry import listing_types


@dataclass
class OpenedListing:
    """One listing (one language version) that opened, as the matching and the mails need it."""

    page_id: int
    type_key: str
    translation_key: str
    language: str
    title: str
    url_path: str = ""
    latitude: float | None = None
    longitude: float | None = None
    values: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    words: list[str] = field(default_factory=list)
    opened_at: datetime.datetime | None = None
    reason: str = ""

    def url_in(self, language: str) -> str:
        return with_language_prefix(self.url_path, language)


@dataclass
class _LanguageView:
    """The opened listings as a visitor of one language sees them, indexed for matching."""

    listings: dict[int, OpenedListing]
    by_type: dict[str, set[int]]
    by_value: dict[tuple[str, str], set[int]]


class OpeningPool:
    """The listings opened in a period, loaded once and matched against any number of alerts."""

    def __init__(self, openings: list[tuple[int, datetime.datetime, str]]):
        self.openings = openings
        self._versions: dict[str, dict[str, OpenedListing]] | None = None
        self._views: dict[str, _LanguageView] = {}
        self._matches: dict[tuple[str, str], list[OpenedListing]] = {}

    # -- loading (a fixed number of queries) -----------------------------------------------------------
    def _load(self) -> dict[str, dict[str, OpenedListing]]:
        """``translation key -> {language: listing}`` for every current version of an opened listing."""
        if self._versions is not None:
            return self._versions
        opened: dict[str, tuple[datetime.datetime, str]] = {}
        page_keys = dict(
            Page.objects.filter(pk__in={page_id for page_id, _at, _reason in self.openings}).values_list(
                "pk", "translation_key"
            )
        )
        for page_id, at, reason in self.openings:
            key = page_keys.get(page_id)
            if key is not None and (str(key) not in opened or opened[str(key)][0] < at):
                opened[str(key)] = (at, reason)
        versions: dict[str, dict[str, OpenedListing]] = defaultdict(dict)
        by_id: dict[int, OpenedListing] = {}
        for type_key, listing_type in listing_types().items():
            current = listing_type.model.objects.current().filter(translation_key__in=list(opened))
            rows = current.values_list(
                "pk", "translation_key", "locale__language_code", "title", "url_path", "latitude", "longitude"
            )
            found = {}
            for pk, translation_key, language, title, url_path, latitude, longitude in rows:
                at, reason = opened[str(translation_key)]
                listing = OpenedListing(
                    pk, type_key, str(translation_key), language, title, url_path, latitude, longitude,
                    opened_at=at, reason=reason,
                )  # fmt: skip
                found[pk] = listing
                versions[str(translation_key)][language] = listing
            if not found:
                continue
            by_id.update(found)
            for facet in listing_type.all_facets():
                for pk, *raw in current.filter(pk__in=list(found)).values_list("pk", *facet.lookups):
                    found[pk].values[facet.name].update(facet.values_of(*raw))
        for page_id, text in SearchText.objects.filter(page_id__in=list(by_id)).values_list(
            "page_id", "text"
        ):
            by_id[page_id].words = tokens(text)
        self._attach_urls(by_id)
        self._versions = versions
        return versions

    @staticmethod
    def _attach_urls(by_id: dict[int, OpenedListing]) -> None:
        """Each listing's public path (its language's prefix), from the cached site roots: no query per page."""
        site_roots = Site.get_site_root_paths()
        for listing in by_id.values():
            for root in site_roots:
                if listing.url_path.startswith(root.root_path):
                    relative = listing.url_path[len(root.root_path) :]
                    listing.url_path = f"/{listing.language}/{relative}"
                    break
            else:
                listing.url_path = ""

    def view(self, language: str) -> _LanguageView:
        """The version in ``language`` of each opened listing, else its original (as the search shows it)."""
        if language not in self._views:
            default = settings.LANGUAGE_CODE.split("-")[0]
            chosen: dict[int, OpenedListing] = {}
            for versions in self._load().values():
                listing = versions.get(language) or versions.get(default)
                if listing is not None:
                    chosen[listing.page_id] = listing
            by_type: dict[str, set[int]] = defaultdict(set)
            by_value: dict[tuple[str, str], set[int]] = defaultdict(set)
            for listing in chosen.values():
                by_type[listing.type_key].add(listing.page_id)
                for name, values in listing.values.items():
                    for value in values:
                        by_value[name, value].add(listing.page_id)
            self._views[language] = _LanguageView(chosen, by_type, by_value)
        return self._views[language]

    # -- matching (in memory) -------------------------------------------------------------------------
    def matches(self, alert) -> list[OpenedListing]:
        """The opened listings the alert waits for that opened after it was last checked, by title."""
        key = (alert.language, alert.criteria_key)
        if key not in self._matches:
            self._matches[key] = self._match(alert.criteria, alert.language)
        since = alert.checked_until
        return [listing for listing in self._matches[key] if since is None or listing.opened_at > since]

    def _match(self, criteria: dict, language: str) -> list[OpenedListing]:
        view = self.view(language)
        ids = set(view.listings)
        if criteria["listing_types"]:
            ids &= set().union(*(view.by_type.get(key, set()) for key in criteria["listing_types"]))
        for name, values in criteria["filters"].items():
            if name == TYPE_FACET:
                continue
            ids &= set().union(*(view.by_value.get((name, value), set()) for value in values))
            if not ids:
                return []
        found = [view.listings[page_id] for page_id in ids]
        if criteria["text"]:
            units = [
                unit_alternatives(unit)
                for unit in meaningful(query_units(criteria["text"].split()[:MAX_WORDS]))
            ]
            found = [listing for listing in found if all(_has_unit(listing.words, unit) for unit in units)]
        if criteria["near"]:
            found = _within(found, criteria["near"], criteria["radius_km"])
        return sorted(found, key=lambda listing: (listing.title.lower(), listing.page_id))


def _has_unit(words: list[str], ways: list[Way]) -> bool:
    """Whether a listing's words contain one typed word in one of its ways (see ``fulltext.unit_alternatives``)."""

    def found(word: str, part: str, whole: bool) -> bool:
        return word == part if whole else word.startswith(part)

    for way in ways:
        parts = way.words
        if way.phrase:
            for start in range(len(words) - len(parts) + 1):
                if all(found(words[start + i], part, way.is_whole(part)) for i, part in enumerate(parts)):
                    return True
        elif all(any(found(word, part, way.is_whole(part)) for word in words) for part in parts):
            return True
    return False


def _within(found: list[OpenedListing], near: str, radius_km: float | None) -> list[OpenedListing]:
    """With a radius, the listings within it of the district's centre (as the search measures it)."""
    if not radius_km:
        return found
    centre = cached_district_centres().get(near)
    if centre is None:
        return []
    scale = math.cos(math.radians(centre.latitude))
    limit = math.degrees(radius_km / EARTH_RADIUS_KM) ** 2
    return [
        listing
        for listing in found
        if listing.latitude is not None
        and listing.longitude is not None
        and (listing.latitude - centre.latitude) ** 2 + ((listing.longitude - centre.longitude) * scale) ** 2
        <= limit
    ]
