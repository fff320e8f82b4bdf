"""The chosen filters of a finder as removable chips: one link per chosen value that drops just that value.

Both finders (the site search and a listing type's finder page) show them above their results, and count
them in the "Filters (n)" control, so a visitor on a phone sees what narrows the list without opening it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import QueryDict


@dataclass(frozen=True)
class FilterChip:
    """One chosen filter value: what it says (the filter's name, and the value chosen unless it is a yes/no
    filter) and the query string (with "?") of the page without it. A value that is a term's German name
    (a :class:`TermName`) keeps its language, so the chip marks it as German."""

    label: str
    remove_query: str
    value: Any = ""


def query_without(data: QueryDict, name: str, value: str | None = None, also: Iterable[str] = ()) -> str:
    """``"?…"``: ``data`` without one value of ``name`` (every value if ``value`` is None) and the page."""
    remaining = data.copy()
    for key in ("page", *also):
        remaining.pop(key, None)
    if value is None:
        remaining.pop(name, None)
    else:
        remaining.setlist(name, [kept for kept in remaining.getlist(name) if kept != value])
    return f"?{remaining.urlencode()}"


def chips_for_filterset(filterset, skip: Iterable[str] = ("q",)) -> list[FilterChip]:
    """The chips of a bound django-filter FilterSet: each valid chosen choice, and each ticked yes/no filter."""
    form = filterset.form
    if not form.is_bound:
        return []
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    chips = []
    for name, field in form.fields.items():
        if name in skip or not cleaned.get(name):
            continue
        value = cleaned[name]
        if isinstance(field, forms.MultipleChoiceField):
            labels = {str(choice): label for choice, label in field.choices}
            for chosen in value:
                label = labels.get(str(chosen), str(chosen))
                chips.append(FilterChip(str(field.label), query_without(form.data, name, str(chosen)), label))
        elif isinstance(field, forms.BooleanField):
            chips.append(FilterChip(str(field.label), query_without(form.data, name)))
        else:
            chips.append(FilterChip(str(field.label), query_without(form.data, name), value))
    return chips
