"""Demand: what newcomers search for, what they do not find (or only partly), and which filters they use.

Read from the search's anonymous log (``search.SearchQueryLog``), looked up lazily so the reports
work (with a note) on an installation whose search app has no log. Search words that look like an e-mail
address or a phone number are never shown: a visitor may have typed their own.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wegweiser.site.models import District
from wegweiser.site.registry import listing_types
from wegweiser.site.taxonomy_labels import term_choices

HIDDEN_QUERY = "…"
# Logged filters whose value is a date: which date says little, that a date was chosen says a lot.
DATE_FILTERS = ("date_from", "date_to")
_PERSONAL = re.compile(r"\S+@\S+|\d[\d /()+-]{5,}\d")


def search_log_model():
    """The search log model, or ``None`` if the search app does not provide one (yet)."""
    try:
        return apps.get_model("search", "SearchQueryLog")
    except LookupError:
        return None


def normalise_query(text: str) -> str:
    return " ".join((text or "").lower().split())


def looks_personal(text: str) -> bool:
    return bool(_PERSONAL.search(text or ""))


@dataclass
class SearchDemand:
    query: str
    searches: int
    without_results: int
    locale: str = ""
    #: Searches that found something, but only part of their words (see ``SearchQueryLog.weak``).
    weak: int = 0

    @property
    def without_results_percent(self) -> int:
        return round(100 * self.without_results / self.searches) if self.searches else 0


@dataclass
class FilterUse:
    facet: str
    facet_label: str
    value: str
    value_label: str
    uses: int


def searches_in_period(start: datetime.date | None, end: datetime.date | None, locale: str = ""):
    model = search_log_model()
    if model is None:
        return None
    queryset = model.objects.all()
    if start:
        queryset = queryset.filter(created_at__date__gte=start)
    if end:
        queryset = queryset.filter(created_at__date__lte=end)
    if locale:
        queryset = queryset.filter(locale=locale)
    return queryset.order_by()


def _merge(groups, with_locale: bool) -> list[SearchDemand]:
    """Fold case and spacing variants of the same words together; hide what looks like personal data."""
    merged: dict[tuple[str, str], SearchDemand] = {}
    for group in groups:
        query = normalise_query(group["query_text"])
        if not query:
            continue
        if looks_personal(query):
            query = HIDDEN_QUERY
        locale = group.get("locale", "") if with_locale else ""
        entry = merged.setdefault(
            (query, locale), SearchDemand(query=query, searches=0, without_results=0, locale=locale)
        )
        entry.searches += group["searches"]
        entry.without_results += group["without_results"] or 0
        entry.weak += group["weak"] or 0
    return list(merged.values())


def most_frequent_searches(searches, limit: int = 100) -> list[SearchDemand]:
    groups = searches.values("query_text").annotate(
        searches=Count("pk"),
        without_results=Count("pk", filter=Q(result_count=0)),
        weak=Count("pk", filter=Q(weak=True)),
    )
    rows = _merge(groups, with_locale=False)
    rows.sort(key=lambda row: (-row.searches, row.query))
    return rows[:limit]


def searches_without_results(searches, limit: int = 100) -> list[SearchDemand]:
    """Searches that found nothing, or only part of their words, per language the visitor used: the gaps.

    ``searches`` counts those without any result, ``weak`` those whose best hits had only part of the
    words (the search leaves out a word found nowhere and shows what has the rest, so "Deutschkurs
    Samstag" finds courses on other days: the missing Saturday course is still a gap).
    """
    groups = (
        searches.filter(Q(result_count=0) | Q(weak=True))
        .values("query_text", "locale")
        .annotate(
            searches=Count("pk", filter=Q(result_count=0)),
            without_results=Count("pk", filter=Q(result_count=0)),
            weak=Count("pk", filter=Q(weak=True)),
        )
    )
    rows = _merge(groups, with_locale=True)
    rows.sort(key=lambda row: (-(row.searches + row.weak), row.locale, row.query))
    return rows[:limit]


def facet_labels() -> dict[str, tuple[str, dict[str, str]]]:
    """``facet name -> (label, {value: label})`` over every listing type, for showing logged filters."""
    labels: dict[str, tuple[str, dict[str, str]]] = {}
    for listing_type in listing_types().values():
        for facet in listing_type.all_facets():
            if facet.name in labels:
                continue
            try:
                choices = {str(value): str(label) for value, label in facet.get_choices()}
            except Exception:  # noqa: BLE001 - a plugin's broken choices must not break the office's report
                choices = {}
            labels[facet.name] = (str(facet.label), choices)
    districts = {slug: str(label) for slug, label in term_choices(District)}
    labels.setdefault("near", (str(_("Near")), {**districts, "location": str(_("the visitor's location"))}))
    labels.setdefault("radius", (str(_("Radius (km)")), {}))
    labels.setdefault("date_from", (str(_("From date")), {"1": str(_("chosen"))}))
    labels.setdefault("date_to", (str(_("Until date")), {"1": str(_("chosen"))}))
    return labels


def filters_used(searches, limit: int = 100) -> list[FilterUse]:
    """How often each filter value was applied; the log stores filters as ``{facet: value or [values]}``."""
    counts: Counter = Counter()
    for filters in searches.values_list("filters", flat=True).iterator(chunk_size=2000):
        if not isinstance(filters, dict):
            continue
        for name, values in filters.items():
            for value in values if isinstance(values, list) else [values]:
                if value in (None, "", False, []):
                    continue
                counts[str(name), "1" if value is True or name in DATE_FILTERS else str(value)] += 1
    labels = facet_labels()
    rows = []
    for (name, value), uses in counts.most_common(limit):
        facet_label, value_labels = labels.get(name, (name, {}))
        value_label = value_labels.get(value, HIDDEN_QUERY if looks_personal(value) else value)
        rows.append(FilterUse(name, facet_label, value, value_label, uses))
    return rows


# -- place alerts ------------------------------------------------------------------------------------


@dataclass
class AlertDemand:
    """How many people wait for one combination of filters (never who)."""

    criteria: str
    waiting: int
    in_period: int


def place_alert_model():
    try:
        return apps.get_model("search", "PlaceAlert")
    except LookupError:
        return None


def criteria_label(row: dict, labels: dict, types: dict) -> str:
    """One alert's criteria in the office's words: "Offers · Course level: A1 · Childcare available"."""
    parts: list[str] = []
    for key in row["listing_types"] or []:
        parts.append(str(types[key].verbose_name_plural) if key in types else key)
    filters = row["filters"] or {}
    for name in sorted(
        filters, key=lambda name: (list(labels).index(name) if name in labels else len(labels), name)
    ):
        values = filters[name]
        facet_label, value_labels = labels.get(name, (name, {}))
        if value_labels.get("1") == facet_label:  # a yes/no filter ("Childcare available")
            parts.append(facet_label)
            continue
        parts.append(f"{facet_label}: {', '.join(value_labels.get(value, value) for value in values)}")
    if row["near"]:
        near_label, places = labels["near"]
        radius = f" ({row['radius_km']:g} km)" if row["radius_km"] else ""
        parts.append(f"{near_label}: {places.get(row['near'], row['near'])}{radius}")
    if row["text"]:
        parts.append(HIDDEN_QUERY if looks_personal(row["text"]) else f"„{row['text']}“")
    return " · ".join(parts) or str(_("anything new"))


def place_alert_demand(start: datetime.date | None, end: datetime.date | None, now=None, limit: int = 100):
    """Confirmed alerts per combination of filters: waiting now, and started in the period (ended ones too,
    as anonymous counts). ``None`` without the search's alerts."""
    model = place_alert_model()
    if model is None:
        return None
    now = now or timezone.now()
    confirmed = model.objects.filter(confirmed_at__isnull=False).order_by()
    in_period = Q()
    if start:
        in_period &= Q(confirmed_at__date__gte=start)
    if end:
        in_period &= Q(confirmed_at__date__lte=end)
    groups = list(
        confirmed.values("criteria_key")
        .annotate(
            waiting=Count("pk", filter=Q(status="active", expires_at__gt=now)),
            in_period=Count("pk", filter=in_period),
        )
        .filter(Q(waiting__gt=0) | Q(in_period__gt=0))
    )
    groups.sort(key=lambda group: (-group["waiting"], -group["in_period"], group["criteria_key"]))
    groups = groups[:limit]
    examples = {}
    for row in confirmed.filter(criteria_key__in=[group["criteria_key"] for group in groups]).values(
        "criteria_key", "text", "listing_types", "filters", "near", "radius_km"
    ):
        examples.setdefault(row["criteria_key"], row)
    labels, types = facet_labels(), listing_types()
    return [
        AlertDemand(
            criteria_label(examples[group["criteria_key"]], labels, types),
            group["waiting"],
            group["in_period"],
        )
        for group in groups
        if group["criteria_key"] in examples
    ]
