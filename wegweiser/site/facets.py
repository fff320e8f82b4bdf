"""The facets every listing type shares (topic, target group, language, district, cost, free or paid for by an
authority, accessibility), and the core's facets a listing type adds when it has the data (the time of day
of its weekly slots)."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext_lazy as _

from wegweiser.site import models
from wegweiser.site.models import Listing
from wegweiser.site.registry import Facet, ListingType
from wegweiser.site.schedules import DayPart
from wegweiser.site.taxonomy_labels import term_choices


def _terms(model_name: str):
    def choices():
        return term_choices(getattr(models, model_name))

    return choices


def _cost_choices():
    return list(Listing.Cost.choices)


def shared_facet_names() -> frozenset[str]:
    """The facets every listing type has (their values are fields of every listing in the API)."""
    return frozenset(facet.name for facet in shared_facets())


def shared_facets() -> list[Facet]:
    return [
        Facet("topic", _("Topic"), "topics__slug", choices=_terms("Topic")),
        Facet("target_group", _("For whom"), "target_groups__slug", choices=_terms("TargetGroup")),
        Facet("language", _("Language spoken"), "languages__slug", choices=_terms("Language")),
        Facet("district", _("District"), "district__slug", choices=_terms("District")),
        Facet("cost", _("Cost"), "cost", choices=_cost_choices),
        Facet(
            "free_or_funded",
            _("Free or paid for by an authority"),
            "free_or_funded",
            kind="flag",
            searchable=False,  # the cost's own label ("kostenlos", "gefördert") is searchable already
        ),
        Facet("accessible", _("Wheelchair accessible"), "wheelchair_accessible", kind="flag"),
    ]


def time_of_day_facet() -> Facet:
    """Mornings, afternoons, evenings, weekends: for a listing type whose ``time_slots()`` gives its weekly
    slots (course dates, repeating events). ``Listing.save()`` keeps the parts of the day it meets in."""
    return Facet(
        "time_of_day",
        _("Time of day"),
        "schedule_day_parts__value",
        choices=lambda: list(DayPart.choices),
        help_text=_("When it starts: mornings before 12:00, afternoons 12:00–17:00, evenings from 17:00."),
    )


def facet_values(
    listing_type: ListingType, page_ids: list[int], facets: list[Facet] | None = None
) -> dict[int, dict[str, list[str]]]:
    """``page id -> facet -> values`` of the type's facets (or of ``facets``), read with the same lookups the
    FilterSets filter by: one query for the facets in the listing's own row (kind, cost, flags, a range of
    levels), one for each facet across a relation. A page without any value is left out.

    The search stores and counts these values; the API and its exports show them.
    """
    values: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    pages = listing_type.model.objects.filter(pk__in=page_ids)
    facets = listing_type.all_facets() if facets is None else facets
    own = [facet for facet in facets if facet.in_own_row(listing_type.model)]
    if own:
        lookups = list(dict.fromkeys(lookup for facet in own for lookup in facet.lookups))
        for pk, *row in pages.values_list("pk", *lookups):
            raw = dict(zip(lookups, row, strict=True))
            for facet in own:
                _add(values[pk], facet, raw)
    for facet in (facet for facet in facets if facet not in own):
        for pk, *row in pages.values_list("pk", *facet.lookups):
            _add(values[pk], facet, dict(zip(facet.lookups, row, strict=True)))
    order = [facet.name for facet in facets]  # the facets' own order, whichever query found them
    return {pk: {name: found[name] for name in order if name in found} for pk, found in values.items()}


def _add(found: dict[str, list[str]], facet, raw: dict) -> None:
    """The values one row gives a facet (``raw``: what each lookup read), each once."""
    for value in facet.values_of(*(raw[lookup] for lookup in facet.lookups)):
        if value not in found[facet.name]:
            found[facet.name].append(value)
