"""Template helpers for event dates and schema.org data."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.html import strip_tags

from wegweiser.events.agenda import days_window
from wegweiser.events.recurrence import BERLIN
from wegweiser.events.structured_data import event_json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def event_structured_data(context, event, occurrence=None):
    return event_json_ld(event, context.get("request"), occurrence)


@register.inclusion_tag("events/includes/when.html")
def event_when(start, end=None, all_day=False):
    """'Tuesday, 3 March 2026, 19:00–21:00' in the visitor's language, always in Berlin time."""
    local_start = start.astimezone(BERLIN)
    local_end = end.astimezone(BERLIN) if end else None
    same_day = local_end is None or local_end.date() == local_start.date()
    clock = f"{local_start:%H:%M}" + (f"–{local_end:%H:%M}" if local_end and same_day else "")
    return {
        "start": local_start,
        "end": local_end,
        "all_day": all_day,
        "same_day": same_day,
        "clock": clock,
        "end_clock": f"{local_end:%H:%M}" if local_end else "",
    }


def when_text(start, all_day=False, short_weekday=False) -> str:
    """:func:`event_when` as plain text, for a choice or a mail: "Samstag, 12. Dezember 2026, 18:00 Uhr".

    ``short_weekday``: "Sa, 12. Dezember 2026, 18:00 Uhr", for a choice in a list on a phone, which cannot
    wrap ("пятница, 18 декабря 2026 г., 09:0" was all a phone showed of a Russian date)."""
    context = {**event_when(start, None, all_day), "weekday": "D" if short_weekday else "l"}
    return " ".join(strip_tags(render_to_string("events/includes/when.html", context)).split())


@register.simple_tag
def first_date_between(event, date_from=None, date_to=None):
    """The event's first date on the chosen days (a search's "this weekend"); without days, its next date.

    Whole days, as the finder's date filter counts them (:func:`~wegweiser.events.agenda.days_window`).
    """
    if date_from is None and date_to is None:
        return event.next_occurrence
    occurrences = event.occurrences(*days_window(date_from, date_to))
    return occurrences[0] if occurrences else None
