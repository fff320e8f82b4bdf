"""The small public registration form on an event page."""

from __future__ import annotations

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from wegweiser.events.occurrences import Occurrence


def occurrence_label(occurrence: Occurrence) -> str:
    start = occurrence.local_start
    if occurrence.all_day:
        return formats.date_format(start, "l, j. F Y")
    return f"{formats.date_format(start, 'l, j. F Y')}, {formats.time_format(start, 'H:i')}"


class EventRegistrationForm(forms.Form):
    occurrence = forms.ChoiceField(label=_("Date of the event"))
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("Your email address"), help_text=_("We send the confirmation here."))
    consent = forms.BooleanField(
        label=_(
            "I agree that my name and email address are stored to manage this registration. "
            "They are passed only to the organiser and deleted after the event."
        )
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.open_occurrences = [
            occurrence for occurrence in event.upcoming_occurrences() if not occurrence.cancelled
        ]
        self.fields["occurrence"].choices = [
            (occurrence.key, occurrence_label(occurrence)) for occurrence in self.open_occurrences
        ]

    def clean_occurrence(self) -> Occurrence:
        key = self.cleaned_data["occurrence"]
        for occurrence in self.open_occurrences:
            if occurrence.key == key:
                return occurrence
        raise forms.ValidationError(_("Please choose one of the dates shown."))
