"""The admin's date and time fields keep what an editor types.

Wagtail's picker (the xdsoft datetimepicker) replaced a value it could not read in the portal's format with the
current date and time when the field lost focus, without a word: "2026-09-01 16:00" typed into an event's start
became today, 22:17, and the page was saved so. Here the field keeps what was typed; the form reads it (the
German and the ISO formats) and, where it cannot, says so in the editor's language, as for any other field.

Imported once the apps are ready (Wagtail's widget module imports its models).
"""

from django import forms
from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput, AdminTimeInput


class KeepWhatIsTyped:
    """For a Wagtail date or time widget: its picker keeps a value it cannot read (``validateOnBlur``, which
    otherwise puts the current date and time in its place)."""

    def get_config(self) -> dict:
        return {**super().get_config(), "validateOnBlur": False}


class DateInput(KeepWhatIsTyped, AdminDateInput):
    pass


class DateTimeInput(KeepWhatIsTyped, AdminDateTimeInput):
    pass


class TimeInput(KeepWhatIsTyped, AdminTimeInput):
    pass


def time_field(block_format: str | None, **options) -> forms.TimeField:
    """The form field of a time block (:class:`wegweiser.site.blocks.TimeBlock`)."""
    return forms.TimeField(widget=TimeInput(format=block_format), **options)


def register() -> None:
    """Every date, date-and-time and time field of a model in the admin's forms (pages, snippets, settings, a
    plugin's) gets the widgets above."""
    register_form_field_override(models.DateField, override={"widget": DateInput})
    register_form_field_override(models.DateTimeField, override={"widget": DateTimeInput})
    register_form_field_override(models.TimeField, override={"widget": TimeInput})
