"""What the finder's filter panel shows: the facets that apply, grouped, the chosen ones as chips, date shortcuts.

On a phone the results come first and the filters wait behind one "Filters (n)" control, so the panel
offers only what narrows the listing types being searched (a course level only when courses are), and
the chips above the results say what is chosen and remove it with one tap.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.http import QueryDict
from django.utils import formats
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wegweiser.search.query import TYPE_FACET, GeoPoint, SearchQuery, SearchResult, search_facets
from wegweiser.site.filter_chips import FilterChip, query_without
from wegweiser.site.registry import Facet, ListingType
from wegweiser.site.templatetags.direction_tags import term

#: The panel's sections and the shared facets in each; a plugin's own facets go to "more".
SECTIONS: tuple[tuple[str, object, tuple[str, ...]], ...] = (
    ("what", gettext_lazy("What and for whom"), (TYPE_FACET, "topic", "target_group")),
    ("where", gettext_lazy("Where"), ("district", "accessible")),
    ("when", gettext_lazy("When"), ()),
    ("language", gettext_lazy("Language and cost"), ("language", "cost")),
    ("more", gettext_lazy("More filters"), ()),
)


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetGroup:
    name: str
    label: str
    kind: str
    options: list[FacetOption]


@dataclass
class FilterSection:
    key: str
    label: str
    groups: list[FacetGroup]


@dataclass(frozen=True)
class DateShortcut:
    label: str
    date_from: datetime.date
    date_to: datetime.date
    query: str
    selected: bool


def applicable_facets(available: Mapping[str, ListingType], chosen: Sequence[str]) -> dict[str, Facet]:
    """The facets of the chosen listing types; with none chosen, those every available type shares."""
    if chosen:
        return search_facets([available[key] for key in chosen if key in available])
    everywhere = search_facets(available.values())
    return {
        name: facet
        for name, facet in everywhere.items()
        if all(
            any(own.name == name for own in listing_type.all_facets()) for listing_type in available.values()
        )
    }


def facet_groups(
    query: SearchQuery, result: SearchResult, available: Mapping[str, ListingType]
) -> list[FacetGroup]:
    """The counted facets to offer: the applicable ones, and any other with a chosen value (so it stays)."""
    applicable = applicable_facets(available, query.listing_types)
    labels = search_facets(available.values())
    groups = []
    for name, rows in result.facets.items():
        if name == TYPE_FACET:
            if len(available) < 2:
                continue
            label, kind, selected = _("Kind of listing"), "choice", set(query.listing_types)
        else:
            facet = labels.get(name)
            if facet is None or (name not in applicable and name not in query.filters):
                continue
            label, kind, selected = facet.label, facet.kind, set(query.filters.get(name, []))
        options = [FacetOption(value, text, count, value in selected) for value, text, count in rows]
        groups.append(FacetGroup(name, str(label), kind, options))
    return groups


def sections(groups: list[FacetGroup]) -> list[FilterSection]:
    """The groups under their section headings, in the panel's order; "when" is always there (dates)."""
    placed = {name: key for key, _label, names in SECTIONS for name in names}
    result = []
    for key, label, _names in SECTIONS:
        members = [group for group in groups if placed.get(group.name, "more") == key]
        if members or key in ("where", "when"):
            result.append(FilterSection(key, str(label), members))
    return result


def date_shortcuts(today: datetime.date, query: SearchQuery, data: QueryDict) -> list[DateShortcut]:
    """ "Today", "this weekend" (the coming Saturday and Sunday, or what is left of it) and "next 7 days"."""
    saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7) if today.weekday() != 6 else today
    sunday = saturday + datetime.timedelta(days=1) if saturday.weekday() == 5 else today
    ranges = [
        (_("today"), today, today),
        (_("this weekend"), saturday, sunday),
        (_("next 7 days"), today, today + datetime.timedelta(days=6)),
    ]
    shortcuts = []
    for label, start, end in ranges:
        chosen = data.copy()
        chosen.pop("page", None)
        chosen["date_from"], chosen["date_to"] = start.isoformat(), end.isoformat()
        selected = (query.date_from, query.date_to) == (start, end)
        shortcuts.append(DateShortcut(str(label), start, end, f"?{chosen.urlencode()}", selected))
    return shortcuts


def chips(
    query: SearchQuery,
    data: QueryDict,
    result: SearchResult,
    available: Mapping[str, ListingType],
    shortcuts: list[DateShortcut],
    centres: Mapping[str, GeoPoint],
) -> list[FilterChip]:
    """One chip per chosen kind of listing, facet value, place, distance and date range."""
    found: list[FilterChip] = []
    type_label = _("Kind of listing")
    for key in query.listing_types:
        found.append(
            FilterChip(str(type_label), query_without(data, TYPE_FACET, key), available[key].verbose_name)
        )
    facets = search_facets(available.values())
    for name, values in query.filters.items():
        facet = facets.get(name)
        if facet is None:
            continue
        if facet.kind == "flag":
            found.append(FilterChip(str(facet.label), query_without(data, name)))
            continue
        labels = {value: text for value, text, _count in result.facets.get(name, [])}
        for value in values:
            found.append(
                FilterChip(str(facet.label), query_without(data, name, value), labels.get(value, value))
            )
    if query.point is not None:
        also = ["lat", "lon", "radius", *(["sort"] if query.sort == "distance" else [])]
        if query.near and query.near in centres:
            # The district's name as ``term`` shows it: marked German where nobody translated it.
            label = mark_safe(
                conditional_escape(_("Near %(place)s")) % {"place": term(centres[query.near].label)}
            )
        else:
            label = _("Near your location")
        found.append(FilterChip(label, query_without(data, "near", also=also)))
        if query.radius_km:
            radius = formats.localize(query.radius_km if query.radius_km % 1 else int(query.radius_km))
            found.append(FilterChip(_("Within %(km)s km") % {"km": radius}, query_without(data, "radius")))
    if query.date_from or query.date_to:
        found.append(
            FilterChip(_date_label(query, shortcuts), query_without(data, "date_from", also=["date_to"]))
        )
    return found


def _date_label(query: SearchQuery, shortcuts: list[DateShortcut]) -> str:
    for shortcut in shortcuts:
        if shortcut.selected:
            return shortcut.label
    start = formats.date_format(query.date_from, "SHORT_DATE_FORMAT") if query.date_from else ""
    end = formats.date_format(query.date_to, "SHORT_DATE_FORMAT") if query.date_to else ""
    if start and end:
        return _("%(start)s to %(end)s") % {"start": start, "end": end}
    return _("From %(date)s") % {"date": start} if start else _("Until %(date)s") % {"date": end}
