"""POST data for the Wagtail admin's offer form, as a partner's browser would send it."""

from __future__ import annotations

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


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
        "course_dates": inline_formset(course_dates or []),
        "comments": inline_formset([]),
    }
    values.update(fields)
    data = nested_form_data(values)
    if action:
        data[f"action-{action}"] = "on"
    return data
