"""POST data for the Wagtail admin's offer form, as a partner's browser would send it."""

from __future__ import annotations

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def slot(weekdays: list[str], start: str, end: str) -> tuple[str, dict]:
    """One weekly time slot of a course date, as the slots field posts it."""
    return ("slot", {"weekdays": weekdays, "start": start, "end": end})


def offer_form_data(action: str | None = None, course_dates: list[dict] | None = None, **fields) -> dict:
    """Form data for creating or editing an offer; ``action`` is ``"submit"``, ``"publish"`` or None (draft)."""
    values = {
        "title": "Sprachcafé",
        "slug": "sprachcafe",
        "summary": "Deutsch sprechen üben.",
        "body": streamfield([]),
        "kind": "group",
        "level_from": "",
        "level_to": "",
        "mode": "in_person",
        "cost": "free",
        "registration": rich_text("<p>Einfach vorbeikommen.</p>"),
        "course_dates": inline_formset([{"slots": streamfield([]), **date} for date in course_dates or []]),
        "comments": inline_formset([]),
    }
    values.update(fields)
    data = _checkboxes_as_lists(nested_form_data(values))
    if action:
        data[f"action-{action}"] = "on"
    return data


def _checkboxes_as_lists(data: dict) -> dict:
    """A slot's weekday checkboxes post one name several times (``…-weekdays=TU&…-weekdays=TH``), which
    ``nested_form_data`` would number instead."""
    result: dict = {}
    for key, value in data.items():
        name, _sep, position = key.rpartition("-")
        if name.endswith("-value-weekdays") and position.isdigit():
            result.setdefault(name, []).append(value)
        else:
            result[key] = value
    return result
