"""The public sign-up form and the organisation's status change form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from wegweiser.plugin_api import (
    ConsentMixin,
    HoneypotMixin,
    Language,
    email_field,
    localized_label,
    name_field,
    phone_field,
    reject_markup,
    visitor_language,
)
from wegweiser.volunteers.consent import CONSENT_VERSION, consent_text
from wegweiser.volunteers.models import VolunteerApplication
from wegweiser.volunteers.models.applications import retention_days


class LanguageChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return localized_label(obj)


class VolunteerSignupForm(ConsentMixin, HoneypotMixin, forms.Form):
    consent_version = CONSENT_VERSION

    name = name_field()
    email = email_field(_("We send you a link to confirm your sign-up."), label=_("Email"))
    phone = phone_field()
    languages_spoken = LanguageChoiceField(
        label=_("Languages you speak"),
        queryset=Language.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    availability = forms.CharField(
        label=_("When do you have time?"),
        max_length=300,
        required=False,
        validators=[reject_markup],
        help_text=_("For example: Tuesday afternoons, or two Saturdays a month."),
    )
    message = forms.CharField(
        label=_("Message to the organisation (optional)"),
        max_length=2000,
        required=False,
        validators=[reject_markup],
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = forms.BooleanField(
        required=True, error_messages={"required": _("Please agree so that we may store your sign-up.")}
    )

    def __init__(self, *args, opportunity, **kwargs):
        self.opportunity = opportunity
        super().__init__(*args, **kwargs)
        self.fields["languages_spoken"].queryset = Language.objects.filter(
            locale=Locale.get_default()
        ).order_by("sort_order", "name")

    def consent_text(self) -> str:
        organisation = self.opportunity.organisation
        months = max(1, round(retention_days() / 30.4))
        return consent_text(organisation.title if organisation else "", months)

    def save(self) -> tuple[VolunteerApplication, bool]:
        """Store the sign-up (unconfirmed) with the consent text exactly as it was shown; ``(application,
        created)`` as :meth:`VolunteerApplication.sign_up` gives it for an address that signed up before."""
        data = self.cleaned_data
        return VolunteerApplication.sign_up(
            self.opportunity,
            data["email"],
            languages_spoken=data["languages_spoken"],
            name=data["name"].strip(),
            phone=data["phone"].strip(),
            availability=data["availability"].strip(),
            message=data["message"].strip(),
            language=visitor_language(),
            **self.consent_record(),
            waiting_list=self.opportunity.has_waiting_list,
        )


class StatusChangeForm(forms.Form):
    """The organisation answers a sign-up; the optional message is mailed to the volunteer."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (VolunteerApplication.Status.CONFIRMED, _("open (confirmed, not yet answered)")),
            (VolunteerApplication.Status.ACCEPTED, _("accepted")),
            (VolunteerApplication.Status.DECLINED, _("declined")),
        ],
    )
    message = forms.CharField(
        label=_("Message to the volunteer (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Sent by mail together with the new status."),
    )
