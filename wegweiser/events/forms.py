"""The public registration form of an event (see :mod:`wegweiser.events.views.registration`)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wegweiser.events.occurrences import Occurrence
from wegweiser.events.templatetags.event_tags import when_text
from wegweiser.plugin_api import ConsentMixin, HoneypotMixin, email_field, name_field

CONSENT_VERSION = "2026-12-6"


class EventRegistrationForm(ConsentMixin, HoneypotMixin, forms.Form):
    consent_version = CONSENT_VERSION

    #: Django's "This field is required." and "Select a valid choice. 20990101T0000 is not one of the available
    #: choices." (the raw value echoed) said less than the form's own sentence.
    occurrence = forms.ChoiceField(
        label=_("Date of the event"),
        error_messages=dict.fromkeys(
            ("required", "invalid_choice"), _("Please choose one of the dates shown.")
        ),
    )
    name = name_field()
    email = email_field(_("We send you a link to confirm your registration."))
    consent = forms.BooleanField(
        required=True, error_messages={"required": _("Please agree so that we may store your registration.")}
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.open_occurrences = [
            occurrence for occurrence in event.upcoming_occurrences() if not occurrence.cancelled
        ]
        self.fields["occurrence"].choices = [
            (occurrence.key, when_text(occurrence.local_start, occurrence.all_day, short_weekday=True))
            for occurrence in self.open_occurrences
        ]

    def consent_text(self) -> str:
        return gettext(
            "I agree that my name and email address are stored to manage this registration. "
            "They are passed only to the organiser and deleted two weeks after the event."
        )

    def clean_occurrence(self) -> Occurrence:
        key = self.cleaned_data["occurrence"]
        for occurrence in self.open_occurrences:
            if occurrence.key == key:
                return occurrence
        raise forms.ValidationError(_("Please choose one of the dates shown."))
