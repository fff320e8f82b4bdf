"""Template tags of the listing finder pages: the chosen filters as removable chips."""

from __future__ import annotations

from django import template

from wegweiser.site.filter_chips import FilterChip, chips_for_filterset

register = template.Library()


@register.simple_tag
def filter_chips(filterset) -> list[FilterChip]:
    """``{% filter_chips filterset as chips %}``: one chip per chosen filter value of the finder's form."""
    return chips_for_filterset(filterset)
