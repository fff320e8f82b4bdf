"""Querying listings for the public: filter sets built from facets, locale fallback, prefetching."""

from __future__ import annotations

import hashlib
from functools import cache, cached_property

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from wegweiser.site.cache_generations import kept_in_process
from wegweiser.site.page_tree_cache import cached_for_page_tree, page_tree_generation
from wegweiser.site.registry import Facet, ListingType, enabled_listing_types

MAX_QUERY_LENGTH = 200


class FlagFilter(django_filters.Filter):
    """A yes/no facet ("childcare available"): ticked filters for ``True``, unticked does nothing."""

    field_class = forms.BooleanField

    def filter(self, qs, value):
        if value:
            return qs.filter(**{self.field_name: True})
        return qs


class ListingFilterSet(django_filters.FilterSet):
    """Base of every listing type's public filters; the facets are added by :func:`filterset_for`."""

    q = django_filters.CharFilter(
        method="filter_text",
        label=_("Search words"),
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    #: Set by :func:`filterset_for`.
    listing_type: ListingType

    def filter_text(self, queryset, name, value):
        return queryset.filter(text_search_condition(value.split()[:10]))

    @cached_property
    def values_in_use(self) -> dict[str, frozenset[str]]:
        """The values each filter can find among the listings before filtering: the panel offers no option
        that no listing has ("Sprache: Somali", "Kosten: kostenpflichtig" among volunteer opportunities), as
        the search's counts leave out those at 0. Kept per page tree (a publish changes it)."""
        listings = self.queryset
        return cached_for_page_tree(
            "values-in-use",
            lambda: values_in_use(self.listing_type, listings),
            self.listing_type.key,
            hashlib.sha256(str(listings.query).encode()).hexdigest()[:20],
        )


def values_in_use(listing_type: ListingType, listings: QuerySet) -> dict[str, frozenset[str]]:
    """``facet -> values`` at least one of ``listings`` has, read with the lookups the filters filter by
    (as ``facets.facet_values`` reads one listing's): one query per facet, each combination once."""
    found = {}
    for facet in listing_type.all_facets():
        rows = listings.order_by().values_list(*facet.lookups).distinct()
        found[facet.name] = frozenset(value for row in rows for value in facet.values_of(*row))
    return found


def text_search_condition(words: list[str]) -> Q:
    """The listings some typed words find, the same on a type's finder page, in the API and in the search.

    The search app provides the text search through the ``listing_text_condition`` hook (the core imports
    no app); without it, every word must be a substring of a title, summary or description.
    """
    for text_condition in hooks.get_hooks("listing_text_condition"):
        return text_condition(words)
    condition = Q()
    for word in words:
        condition &= (
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(search_description__icontains=word)
        )
    return condition


class RangeChoiceFilter(django_filters.MultipleChoiceFilter):
    """A range facet (a course from A1 to B1): a listing matches every chosen value its range covers."""

    def __init__(self, *args, facet: Facet, **kwargs):
        self.facet = facet
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        condition = Q()
        for chosen in value:
            condition |= self.facet.condition(chosen)
        return qs.filter(condition)


class AnyOfFilter(django_filters.MultipleChoiceFilter):
    """Listings with any of the chosen values.

    Through a to-many relation (a listing's topics, languages) the matching listings are a subquery of ids
    rather than a join: no listing comes twice, so no ``DISTINCT`` has to sort whole rows. At 10,000
    listings that sort was most of a filtered finder page's SQL time.
    """

    def __init__(self, *args, **kwargs):
        kwargs["distinct"] = False
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value or not crosses_to_many(qs.model, self.field_name):
            return super().filter(qs, value)
        matching = qs.model._base_manager.filter(**{f"{self.field_name}__in": set(value)}).values("pk")
        return qs.filter(pk__in=matching)


def crosses_to_many(model, path: str) -> bool:
    """Whether a lookup path (``topics__slug``) passes a relation that gives a row several matches."""
    for name in path.split("__"):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        if field.many_to_many or field.one_to_many:
            return True
        if not field.is_relation:
            return False
        model = field.related_model
    return False


class ListingPaginator(Paginator):
    """A page of listings: a narrow subquery picks the page's ids (filtered, sorted, sliced), and the outer
    query fetches just those with what their cards need (``with_card_data``), none of the filters again.

    Sorting every matching listing with its organisation and district joined, to keep twenty, was the
    slowest query of a finder at 10,000 listings; with the filters repeated outside, PostgreSQL still
    joined all of them before it looked at the twenty ids.
    """

    def __init__(self, object_list: QuerySet, per_page: int, listing_type: ListingType, **kwargs):
        self.listing_type = listing_type
        super().__init__(object_list, per_page, **kwargs)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        page_ids = self.object_list.values("pk")[bottom:top]
        listings = self.object_list.model.objects.filter(pk__in=page_ids).order_by(
            *self.object_list.query.order_by
        )
        listings = shown_untranslated(list(with_card_data(listings, self.listing_type)))
        return self._get_page(listings, number, self)


def filter_for_facet(facet: Facet) -> django_filters.Filter:
    if facet.kind == "flag":
        return FlagFilter(field_name=facet.field, label=facet.label, required=False)
    if facet.field_to:
        return RangeChoiceFilter(
            facet=facet,
            field_name=facet.field,
            label=facet.label,
            choices=facet.get_choices,
            widget=forms.CheckboxSelectMultiple,
        )
    return AnyOfFilter(
        field_name=facet.field,
        label=facet.label,
        choices=facet.get_choices,
        widget=forms.CheckboxSelectMultiple,
    )


@cache
def filterset_for(listing_type: ListingType) -> type[ListingFilterSet]:
    """The django-filter FilterSet class of a listing type, built once from its facets, in the order the finder
    offers them (:meth:`~wegweiser.site.registry.ListingType.finder_facets`)."""
    attrs = {facet.name: filter_for_facet(facet) for facet in listing_type.finder_facets()}
    attrs["Meta"] = type("Meta", (), {"model": listing_type.model, "fields": []})
    attrs["listing_type"] = listing_type
    return type(f"{listing_type.model.__name__}FilterSet", (ListingFilterSet,), attrs)


def visitor_language() -> str:
    """The visitor's language code ("ar", "de"), as mails, logs and stored records name it; German outside a
    request."""
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def language_name(code: str) -> str:
    """A language code's name in the active language ("Ukrainisch" for "uk" in the German admin); the code itself
    for one Django does not know: how a stored record's language is shown to the office and the partners."""
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


def original_title(page_field: str) -> Coalesce:
    """For ``annotate``: the title of the German original of the page in ``page_field`` (a foreign key such as
    ``"event"``), else that page's own. The partner's lists name a registration or a sign-up made on the Arabic
    page by the title the partner wrote ("Dolmetschen Arabisch", not "Interpreting Arabic"), as their filters
    do; a subquery, not a query per row."""
    originals = Page.objects.filter(
        translation_key=OuterRef(f"{page_field}__translation_key"),
        locale__language_code=settings.LANGUAGE_CODE,
    )
    return Coalesce(Subquery(originals.values("title")[:1]), f"{page_field}__title")


def in_language(page: Page, language: str | None = None) -> Page:
    """The page's published translation into the visitor's language (or ``language``), else the page itself:
    the listing a notice or a mail names and links to."""
    translated = page.get_translation_or_none(active_locale(language))
    return translated if translated is not None and translated.live else page


def active_locale(language: str | None = None) -> Locale:
    """The locale of ``language`` (by default the visitor's), else the default one; from the cache, not a query."""
    return _cached_locale(language or translation.get_language()) or default_locale()


def default_locale() -> Locale:
    """Wagtail's default locale (``Locale.get_default()``), from the cache like :func:`active_locale`."""
    return _cached_locale(settings.LANGUAGE_CODE) or Locale.get_default()


def _cached_locale(language: str | None) -> Locale | None:
    """The site's locale for ``language``, built from a cached id: every public page asks several times."""
    try:
        code = get_supported_content_language_variant(language or settings.LANGUAGE_CODE)
    except LookupError:
        return None
    key = f"wegweiser:locales:{page_tree_generation()}"
    ids = kept_in_process(key, lambda: dict(Locale.objects.values_list("language_code", "pk")), 3600)
    pk = ids.get(code)
    return Locale.from_db(DEFAULT_DB_ALIAS, ["id", "language_code"], [pk, code]) if pk else None


def localized_url(page: Page, request=None) -> str:
    """The one way to link a page on a public page: a URL under the visitor's language prefix.

    The page's translation in the visitor's language if there is one; otherwise the page itself under
    the visitor's prefix, where it is shown in German with the untranslated notice (and routed there by
    ``HomePage.route``). Linking a page with its own (German) prefix would throw the visitor out of
    their language. A page already in the visitor's language costs no query, nor does one of a list that
    :func:`localized` chose because it has no translation (:func:`shown_untranslated`).
    """
    current = translation.get_language() or settings.LANGUAGE_CODE
    url = page.get_url(request=request) or ""
    if _language_prefix(url) in (None, current):
        return url
    if getattr(page, "_untranslated_in", None) == current:
        return with_language_prefix(url, current)
    translated = in_language(page, current)
    if translated is not page:
        url = translated.get_url(request=request) or url
    return with_language_prefix(url, current)


def published_url(page: Page | None, request=None) -> str:
    """:func:`localized_url` of a published page, ``""`` for one that is not (or none): what an editor links
    in rich text or a links block is no link while it is a draft, whose address would show its slug and
    lead to "not found"."""
    return localized_url(page, request) if page is not None and page.live else ""


def shown_untranslated(pages: list, locale: Locale | None = None) -> list:
    """Note on each page of a list that :func:`localized` made for ``locale`` whether it stands in for a
    translation that is not there (a German original), so that linking it looks for none: a finder's page
    of twenty German cards in Arabic took twenty queries more than in German."""
    locale = locale or active_locale()
    for page in pages:
        if page.locale_id != locale.pk:
            page._untranslated_in = locale.language_code
    return pages


def _split_url(url: str) -> tuple[str, str]:
    if "://" not in url:
        return "", url
    scheme, _sep, rest = url.partition("://")
    host, _sep, tail = rest.partition("/")
    return f"{scheme}://{host}", "/" + tail


def _language_prefix(url: str) -> str | None:
    first, sep, _remainder = _split_url(url)[1].lstrip("/").partition("/")
    return first if sep and first in dict(settings.LANGUAGES) else None


def with_language_prefix(url: str, language: str) -> str:
    scheme_and_host, path = _split_url(url)
    first, sep, remainder = path.lstrip("/").partition("/")
    if not sep or first not in dict(settings.LANGUAGES) or language not in dict(settings.LANGUAGES):
        return url
    return f"{scheme_and_host}/{language}/{remainder}"


def localized(
    queryset: QuerySet, locale: Locale | None = None, translations: QuerySet | None = None
) -> QuerySet:
    """Listings in ``locale``; where one has no published translation there, its original in the default
    language. A translation somebody has only started (a draft) hides nothing: until it is published, the
    visitor finds the German original, as :func:`in_language` names it.

    ``translations``: where a translation is looked for, when ``queryset`` is not of the listings' own model
    (the search's rows of listings look among the published pages).
    """
    locale = locale or active_locale()
    default = default_locale()
    if locale.pk == default.pk:
        return queryset.filter(locale=locale)
    # NOT EXISTS, not NOT IN: PostgreSQL turns it into an anti-join whatever its statistics say; a NOT IN
    # it may run once per row of the outer query (in a test database without statistics, a count over the
    # facet rows of a search in Arabic took more than 45 s at demo size).
    if translations is None:
        translations = queryset.model.objects.all()
        if issubclass(queryset.model, Page):
            translations = translations.filter(live=True)
    translated = translations.filter(locale=locale, translation_key=OuterRef("translation_key"))
    return queryset.filter(Q(locale=locale) | (Q(locale=default) & ~Exists(translated)))


def public_listings(listing_type: ListingType, locale: Locale | None = None) -> QuerySet:
    """Current listings of one type in the visitor's language, with what cards need prefetched."""
    queryset = localized(listing_type.model.objects.current(), locale)
    return with_card_data(queryset, listing_type)


def with_card_data(queryset: QuerySet, listing_type: ListingType) -> QuerySet:
    """What a card shows of many listings (finder, organisation page, calendar), loaded with them: the
    organisation, district and languages and the type's own ``select_related`` and ``prefetch``."""
    return queryset.select_related(
        "district", "organisation", "locale", *listing_type.select_related
    ).prefetch_related("languages", *listing_type.prefetch)


def with_record_data(queryset: QuerySet, listing_type: ListingType) -> QuerySet:
    """A whole record of many listings (the API, open data): the card's data and every taxonomy.

    Cards show no topics or target groups; prefetching them for every finder page cost two queries and,
    through modelcluster, a manager and a queryset per listing and relation."""
    return with_card_data(queryset, listing_type).prefetch_related("topics", "target_groups")


def build_filterset(listing_type: ListingType, request=None, data=None, locale=None) -> ListingFilterSet:
    filterset_class = filterset_for(listing_type)
    data = data if data is not None else (request.GET if request is not None else None)
    queryset = public_listings(listing_type, locale).order_by(
        *listing_type.finder_order, *own_language_first(locale), "title", "pk"
    )
    return filterset_class(data=data, queryset=queryset, request=request)


def own_language_first(locale: Locale | None = None) -> tuple:
    """An order that puts listings in the visitor's language before the German originals nobody translated.

    By title alone, Latin letters sort before Arabic and Cyrillic ones: the Arabic offers finder showed twenty
    German titles before its first Arabic one (the search breaks ties the same way: ``OWN_LANGUAGE_BONUS``).
    In German every listing is in the visitor's language: nothing to sort by (at 100,000 offers, on a loaded
    machine, the German page query took 89–158 ms without the constant and 151–176 ms with it).
    """
    locale = locale or active_locale()
    if locale.pk == default_locale().pk:
        return ()
    return (Case(When(locale_id=locale.pk, then=Value(0)), default=Value(1)),)


def below_in_every_language(page: Page) -> Q:
    """Pages below ``page`` or below its German original. A translated section holds only what somebody has
    translated; what it lists in the visitor's language (with :func:`localized`) is everything below the
    original, each in its translation where one is published."""
    original = page.get_translation_or_none(default_locale()) or page
    return Q(path__startswith=original.path, depth__gt=original.depth) | Q(
        path__startswith=page.path, depth__gt=page.depth
    )


def current_listings_below(page, request=None) -> list:
    """All current listings below a page (an organisation), every enabled type, in the visitor's language:
    the Arabic organisation page lists the listings nobody has translated too, in German."""
    site = page.get_site()
    below = below_in_every_language(page)
    listings = []
    for listing_type in enabled_listing_types(site).values():
        queryset = public_listings(listing_type).filter(below)
        listings.extend(shown_untranslated(list(queryset)))
    locale = active_locale()
    listings.sort(key=lambda listing: (listing.locale_id != locale.pk, listing.title.lower()))
    return listings
