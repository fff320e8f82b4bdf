"""The public account request form and the office's rejection form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wegweiser.site.accounts.consent import CONSENT_VERSION, consent_text
from wegweiser.site.listings import visitor_language
from wegweiser.site.models import AccountRequest
from wegweiser.site.organisations import OrganisationKind
from wegweiser.site.public_forms import (
    ConsentMixin,
    HoneypotMixin,
    email_field,
    name_field,
    phone_field,
    reject_markup,
)


class AccountRequestForm(ConsentMixin, HoneypotMixin, forms.Form):
    consent_version = CONSENT_VERSION

    organisation_name = name_field(
        _("Name of your organisation"),
        max_length=200,
        missing=_("Please enter the name of your organisation."),
    )
    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=OrganisationKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose the kind of your organisation.")},
    )
    website = forms.URLField(
        label=_("Website (optional)"),
        max_length=200,
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Please enter a web address, e.g. https://www.example.org.")},
    )
    address = forms.CharField(
        label=_("Address or district (optional)"), max_length=300, required=False, validators=[reject_markup]
    )
    contact_name = name_field()
    email = email_field(_("We send the invitation to your account to this address."))
    phone = phone_field()
    offer_description = forms.CharField(
        label=_("What does your organisation offer?"),
        max_length=1000,
        validators=[reject_markup],
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("A few sentences, e.g. German courses for women with childcare, counselling in Arabic."),
    )
    consent = forms.BooleanField(
        required=True, error_messages={"required": _("Please agree so that we may store your request.")}
    )

    def consent_text(self) -> str:
        return consent_text()

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip()

    def save(self) -> AccountRequest | None:
        """Store the request with the consent text exactly as it was shown and the visitor's language.

        A second request from an address whose request is still open stores nothing (None); the view
        answers the same either way, so the form does not tell who has applied.
        """
        data = self.cleaned_data
        if AccountRequest.objects.open_for_email(data["email"]).exists():
            return None
        return AccountRequest.objects.create(
            organisation_name=data["organisation_name"].strip(),
            kind=data["kind"],
            website=data["website"],
            address=data["address"].strip(),
            contact_name=data["contact_name"].strip(),
            email=data["email"],
            phone=data["phone"].strip(),
            offer_description=data["offer_description"].strip(),
            language=visitor_language(),
            **self.consent_record(),
        )


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the rejection"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Sent to the requester by mail."),
        error_messages={"required": _("Please give a reason; it is sent to the requester.")},
    )
