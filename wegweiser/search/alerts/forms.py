"""The alert's sign-up form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wegweiser.site.public_forms import ConsentMixin, HoneypotMixin, email_field

#: Change the consent wording only together with a new version.
CONSENT_VERSION = "2026-12-1"


class PlaceAlertForm(ConsentMixin, HoneypotMixin, forms.Form):
    consent_version = CONSENT_VERSION

    email = email_field(_("We send you a link to confirm. Nothing else is sent before you have confirmed."))
    consent = forms.BooleanField(
        required=True, error_messages={"required": _("Please agree so that we may write to you.")}
    )

    def __init__(self, *args, days: int, **kwargs):
        self.days = days
        super().__init__(*args, **kwargs)

    def consent_text(self) -> str:
        return gettext(
            "I agree that the integration office stores my email address and these search criteria to tell me "
            "by mail when matching listings are published or have free places again. The alert ends after "
            "%(days)s days unless I extend it. I can stop it at any time with the link in every mail, and "
            "request a copy or the deletion of my data."
        ) % {"days": self.days}
