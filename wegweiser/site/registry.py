"""The listing-type registry: the single place where search, API, admin and reports learn about listing types.

A plugin registers each of its listing types from its ``wagtail_hooks.py``::

    @hooks.register("register_listing_type")
    def register_offer():
        return ListingType(key="offer", model=OfferPage, facets=[...], card_template="offers/offer_card.html")

The registry is filled lazily from the hook (never at import time), so tests can swap registrations
with ``hooks.register_temporarily``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from wagtail import hooks

from wegweiser.site.cache_generations import PAGE_TREE, generation
from wegweiser.site.registered import collect_registered

if TYPE_CHECKING:
    from wagtail.models import Page, Site

HOOK_NAME = "register_listing_type"


@dataclass(frozen=True)
class Facet:
    """One public filter of a listing type.

    ``field`` is the ORM lookup that yields the facet's value(s) on the page model (``topics__slug``,
    ``kind``). ``kind`` is ``"choice"`` (any of several values) or ``"flag"`` (a yes/no
    property such as "childcare available"). ``choices`` returns ``(value, label)`` pairs in the
    active language; it is called lazily, per request.

    ``field_to`` makes a choice facet a range over its ordered choices (a course from level A1 to B1):
    ``field`` holds the first choice, ``field_to`` the last, and the listing carries every choice in
    between, so it is found under each. Backends, API and search documents read a listing's values
    through :meth:`values_of` and :meth:`condition`, never from ``field`` alone.

    ``searchable``: whether the labels of a listing's values (in every language) are among its searchable
    words, so that "Kinderbetreuung" or "لغة" finds it. Off for a facet whose label is a sentence that
    says nothing of the listing's subject ("free or paid for by an authority"): in seven languages its
    words would match the stems of unrelated queries on every listing that carries it.
    """

    name: str
    label: Any
    field: str
    kind: str = "choice"
    choices: Callable[[], Sequence[tuple[str, Any]]] | None = None
    help_text: Any = ""
    field_to: str = ""
    searchable: bool = True

    def get_choices(self) -> list[tuple[str, Any]]:
        if self.kind == "flag":
            return [("1", self.label)]
        return list(self.choices()) if self.choices else []

    @property
    def lookups(self) -> tuple[str, ...]:
        """The lookups to read for a listing's values, in the order :meth:`values_of` takes them."""
        return (self.field, self.field_to) if self.field_to else (self.field,)

    def in_own_row(self, model) -> bool:
        """Whether every lookup is a plain field of the listing's own row (no relation to follow), so that
        its values come with the row."""
        return all(_is_own_field(model, lookup) for lookup in self.lookups)

    def values_of(self, *raw: Any) -> list[str]:
        """The facet values one row carries, given what :attr:`lookups` read (``"1"`` for a set flag)."""
        if self.kind == "flag":
            return ["1"] if raw[0] else []
        if self.field_to:
            return self._range(*raw)
        return [] if raw[0] is None or raw[0] == "" else [str(raw[0])]

    def condition(self, value: str) -> Q:
        """The listings carrying ``value``: one lookup, or for a range every start up to it and end from it."""
        if self.kind == "flag":
            return Q(**{self.field: True})
        if not self.field_to:
            return Q(**{self.field: value})
        order = self._order()
        if value not in order:
            return Q(pk__in=[])
        position = order.index(value)
        return Q(**{f"{self.field}__in": order[: position + 1], f"{self.field_to}__in": order[position:]})

    def _order(self) -> list[str]:
        return [str(value) for value, _label in self.get_choices()]

    def _range(self, first: Any, last: Any) -> list[str]:
        order = self._order()
        first, last = str(first or last or ""), str(last or first or "")
        if first not in order or last not in order:
            return [value for value in (first, last) if value][:1]
        return order[order.index(first) : order.index(last) + 1]


def _is_own_field(model, name: str) -> bool:
    if "__" in name:
        return False
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return field.concrete and not field.is_relation


@dataclass(frozen=True)
class CalendarEntry:
    """A dated item another plugin contributes to the event calendar (a course date, say)."""

    title: str
    url: str
    start: datetime
    end: datetime | None
    location: str = ""
    kind: str = ""
    uid: str = ""
    cancelled: bool = False
    topics: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    free_of_charge: bool = False
    organisation: str = ""
    #: The language the title is written in, so a page in another language can mark it (``lang``).
    language: str = ""

    @classmethod
    def for_listing(cls, listing: Any, **fields: Any) -> CalendarEntry:
        """An entry for one date of ``listing``: its title, taxonomies, cost, organisation and language come
        from the listing (prefetch its topics and languages, select its district, organisation and locale);
        ``fields`` gives the rest (``url``, ``start``, ``end``, ...)."""
        return cls(
            title=listing.title,
            topics=tuple(topic.slug for topic in listing.topics.all()),
            languages=tuple(language.slug for language in listing.languages.all()),
            districts=(listing.district.slug,) if listing.district else (),
            free_of_charge=listing.cost == listing.Cost.FREE,
            organisation=listing.organisation.title if listing.organisation else "",
            language=listing.locale.language_code,
            **fields,
        )


@dataclass(frozen=True)
class ApiFeed:
    """An extra list endpoint of a listing type, ``/api/v1/listings/<key>/<name>/``: items derived from
    the type's listings (an event's occurrences, say), filtered by the same facets and paginated by the API.

    ``items(listings, params)`` gets the filtered listings (a queryset with the type's prefetching) and the
    request's parameters, and returns every matching item in order; ``schema`` describes one item.
    """

    name: str
    schema: type
    items: Callable[[Any, Any], Sequence[Any]]
    summary: str = ""
    description: str = ""


@dataclass(frozen=True)
class ApiExtension:
    """What a listing type adds to its API endpoints beyond its facets and ``api_schema``.

    - ``parameters``: a django-ninja ``Schema`` of extra query parameters (a date range, say) accepted by
      the type's list, detail and feed endpoints.
    - ``narrow``: ``callable(listings, params) -> listings`` applies those parameters to the list.
    - ``prepare``: ``callable(pages, params)`` attaches what the schema shows to the pages about to be
      serialised, with a fixed number of queries for all of them.
    - ``feeds``: extra list endpoints (:class:`ApiFeed`).
    - ``export_columns``: extra columns of the open-data exports, ``name -> callable(page)``, read from the
      page and its prefetched relations.
    """

    parameters: type | None = None
    narrow: Callable[[Any, Any], Any] | None = None
    prepare: Callable[[list, Any], None] | None = None
    feeds: Sequence[ApiFeed] = ()
    export_columns: dict[str, Callable[[Any], Any]] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class ListingType:
    """What the portal needs to know about a kind of listing.

    - ``key``: a stable identifier used in URLs, the API and the search index (``offer``).
    - ``model``: the concrete page model (a subclass of :class:`wegweiser.site.models.Listing`).
    - ``facets``: the filters it contributes beyond the shared ones (topic, target group, language,
      district, cost, accessibility), which every listing type has.
    - ``document_fields``: extra values for the search document, ``name -> callable(page)``.
    - ``api_schema``: a django-ninja ``Schema`` for the API (``None``: the generic listing schema).
    - ``api_extension``: extra query parameters and endpoints for the API (:class:`ApiExtension`).
    - ``card_template``: renders one listing in finder results and on organisation pages (search hits share
      one layout with highlighted words, extended per type by ``hit_template``).
    - ``finder_links_template``: extra links on the type's finder page (e.g. the month calendar).
    - ``demo_content``: ``callable(DemoContext)`` creating the plugin's demo listings.
    - ``calendar_entries``: ``callable(start: date, end: date, locale_code: str) -> Iterable[CalendarEntry]``.
    - ``hit_template``: an extra line on the type's search hits (an event's date), with ``listing`` and the
      search ``query`` in its context; ``hit_fields`` / ``hit_prefetch`` are the columns and relations it
      reads, loaded with the hits (anything else costs a query per hit).
    - ``on_days``: ``callable(listings, first_day, last_day) -> QuerySet``, for types whose listings take
      place on dates (events): the listings with a date on one of the days (either day may be ``None``,
      an open end). The finder's date filter ("today", "this weekend") uses it in both search backends;
      without it, the filter keeps listings whose validity period overlaps the days.
    - ``finder_order``: how the type's finder page orders its listings before the visitor's language and
      the title, as ``order_by`` takes them (events: the next date first).
    - ``prefetch``: related names to prefetch when listing many pages of this type.
    - ``alert_facets``: the facets whose values on a listing describe "something like it": a fully booked
      listing offers a place alert for listings of its type with these values (``{% place_alert_url %}``).
    - ``position``: where the type stands among the others, lower first (a new portal's menu, the search's
      type filter, the API's list of types); types with the same position keep their registration order.
    """

    key: str
    model: type[Page]
    label: Any = ""
    label_plural: Any = ""
    facets: Sequence[Facet] = ()
    document_fields: dict[str, Callable[[Any], Any]] = field(default_factory=dict)
    api_schema: type | None = None
    api_extension: ApiExtension | None = None
    card_template: str = "includes/listing_card.html"
    # Optional: shown above the results of this type's finder page (links to a calendar view, say).
    finder_links_template: str = ""
    demo_content: Callable[[Any], None] | None = None
    calendar_entries: Callable[[date, date, str], Iterable[CalendarEntry]] | None = None
    on_days: Callable[[Any, date | None, date | None], Any] | None = None
    finder_order: Sequence[Any] = ()
    hit_template: str = ""
    hit_fields: Sequence[str] = ()
    hit_prefetch: Sequence[str] = ()
    prefetch: Sequence[str] = ()
    select_related: Sequence[str] = ()
    icon: str = "doc-full"
    alert_facets: Sequence[str] = ()
    position: int = 100

    @property
    def verbose_name(self) -> Any:
        return self.label or self.model._meta.verbose_name

    @property
    def verbose_name_plural(self) -> Any:
        return self.label_plural or self.model._meta.verbose_name_plural

    def all_facets(self) -> list[Facet]:
        # facets.py imports Facet from here
        from wegweiser.site.facets import shared_facets

        own = {facet.name for facet in self.facets}
        return [facet for facet in shared_facets() if facet.name not in own] + list(self.facets)

    def finder_facets(self) -> list[Facet]:
        """The facets in the order a finder's filter panel offers them: the topic, then the type's own (kind of
        offer, level, childcare; kind of housing, rooms), then the shared ones (for whom, language, district,
        cost). After the shared ones, "childcare" came after nine topics, seven groups and thirteen
        languages: 2,500 px down on a phone, for the filter a mother of a small child needs first."""
        facets = self.all_facets()
        first = [facet for facet in facets if facet.name == "topic"]
        own = [facet for facet in self.facets if facet not in first]
        return first + own + [facet for facet in facets if facet not in first and facet not in own]


_cache: dict[tuple, dict[str, ListingType]] = {}


def listing_types() -> dict[str, ListingType]:
    """Every registered listing type, by key, ordered by ``position``, then in registration order."""
    hook_functions = tuple(hooks.get_hooks(HOOK_NAME))
    cached = _cache.get(hook_functions)
    if cached is not None:
        return cached
    registered = collect_registered(
        HOOK_NAME, lambda listing_type: listing_type.key, "Listing type key", hook_functions
    )
    result = dict(sorted(registered.items(), key=lambda item: item[1].position))
    _cache.clear()
    _cache[hook_functions] = result
    return result


def get_listing_type(key: str) -> ListingType:
    return listing_types()[key]


def listing_type_for_model(model: type) -> ListingType | None:
    for listing_type in listing_types().values():
        if issubclass(model, listing_type.model):
            return listing_type
    return None


def enabled_listing_types(site: Site | None) -> dict[str, ListingType]:
    """The listing types switched on for ``site`` (all of them if no site or no setting)."""
    all_types = listing_types()
    if site is None:
        return all_types
    disabled = disabled_listing_types(site)
    return {key: value for key, value in all_types.items() if key not in disabled}


def disabled_listing_types(site: Site) -> frozenset[str]:
    """The listing types the office switched off for ``site``; cached, since nearly every page asks, under the
    page tree's generation, which every change of the portal settings renews (``public_pages_show``)."""
    # the models import the registry
    from wegweiser.site.models import PortalSettings

    key = f"wegweiser:disabled-types:{site.pk}:{generation(PAGE_TREE)}"
    disabled = cache.get(key)
    if disabled is None:
        disabled = frozenset(PortalSettings.for_site(site).disabled_listing_types or [])
        cache.set(key, disabled, 3600)
    return disabled
