"""The next dates across listing types, for the home page: asked of the registry, never of a plugin."""

from __future__ import annotations

import datetime
from collections.abc import Collection
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone, translation

from wegweiser.site.listings import active_locale
from wegweiser.site.page_tree_cache import holds_until
from wegweiser.site.registry import CalendarEntry, enabled_listing_types

LOOK_AHEAD_DAYS = 60


@dataclass(frozen=True)
class UpcomingDate:
    """One coming date and the kind of listing it belongs to ("Event", "Offer")."""

    entry: CalendarEntry
    kind_label: str

    @property
    def language(self) -> str:
        """The entry's language when it is not the visitor's (an untranslated title), else empty."""
        current = translation.get_language() or settings.LANGUAGE_CODE
        return self.entry.language if self.entry.language and self.entry.language != current else ""

    @property
    def url(self) -> str:
        """The entry's page under the visitor's language prefix: an untranslated one is shown there in German."""
        current = translation.get_language() or settings.LANGUAGE_CODE
        first, sep, rest = self.entry.url.lstrip("/").partition("/")
        if self.entry.url.startswith("/") and sep and first in dict(settings.LANGUAGES):
            return f"/{current}/{rest}"
        return self.entry.url

    @property
    def local_start(self) -> datetime.datetime:
        return timezone.localtime(self.entry.start)

    @property
    def local_end(self) -> datetime.datetime | None:
        return timezone.localtime(self.entry.end) if self.entry.end else None

    @property
    def shows_time(self) -> bool:
        return self.local_start.time() != datetime.time.min


def upcoming_dates(site, keys: Collection[str] = (), count: int = 4) -> list[UpcomingDate]:
    """The first ``count`` dates still to come, not cancelled, from the enabled types (or only ``keys``)."""
    now = timezone.now()
    today = timezone.localdate()
    last_day = today + datetime.timedelta(days=LOOK_AHEAD_DAYS)
    locale_code = active_locale().language_code
    found: list[UpcomingDate] = []
    for key, listing_type in enabled_listing_types(site).items():
        if listing_type.calendar_entries is None or (keys and key not in keys):
            continue
        label = str(listing_type.verbose_name)
        for entry in listing_type.calendar_entries(today, last_day, locale_code):
            if not entry.cancelled and (entry.end or entry.start) >= now:
                found.append(UpcomingDate(entry=entry, kind_label=label))
    found.sort(key=lambda date: (date.entry.start, date.entry.title.lower()))
    shown = found[:count]
    # The list changes by the clock alone when a shown date is over or a new day brings new ones.
    next_day = timezone.make_aware(
        datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time())
    )
    holds_until(min([next_day, *((date.entry.end or date.entry.start) for date in shown)]))
    return shown
