"""Template tags of the listing finder pages: the chosen filters as removable chips, the filters' options."""

from __future__ import annotations

from typing import NamedTuple

from django import template
from django.forms import BoundField

from wegweiser.site.filter_chips import FilterChip, chips_for_filterset

register = template.Library()


class FilterOption(NamedTuple):
    value: str
    label: str
    checked: bool


@register.simple_tag
def filter_chips(filterset) -> list[FilterChip]:
    """``{% filter_chips filterset as chips %}``: one chip per chosen filter value of the finder's form."""
    return chips_for_filterset(filterset)


@register.simple_tag
def filter_options(field: BoundField, filterset=None) -> list[FilterOption]:
    """``{% filter_options field filterset as options %}``: a multiple-choice filter's choices, ticked or not;
    with the filterset, only those some listing has (``ListingFilterSet.values_in_use``) and those ticked.

    The panel draws them in one loop: Django's checkbox widget renders three templates per option, which
    made the filter panel the finder's costliest part and a third of its HTML.
    """
    chosen = {str(value) for value in field.value() or ()}
    in_use = getattr(filterset, "values_in_use", {}).get(field.name)
    return [
        FilterOption(str(value), label, str(value) in chosen)
        for value, label in field.field.choices
        if in_use is None or str(value) in in_use or str(value) in chosen
    ]
