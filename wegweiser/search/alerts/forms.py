"""The alert's sign-up form."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wegweiser.site.public_forms import WEB_ADDRESS, ConsentMixin, HoneypotMixin, email_field

#: Change the consent wording only together with a new version. 2026-12-6: the Ukrainian text names the
#: office "бюро інтеграції", as every other page does; the meaning is unchanged.
CONSENT_VERSION = "2026-12-6"


class PlaceAlertForm(ConsentMixin, HoneypotMixin, forms.Form):
    consent_version = CONSENT_VERSION

    email = email_field(_("We send you a link to confirm. Nothing else is sent before you have confirmed."))
    consent = forms.BooleanField(
        required=True, error_messages={"required": _("Please agree so that we may write to you.")}
    )

    def __init__(self, *args, days: int, words: str = "", **kwargs):
        self.days = days
        self.words = words
        super().__init__(*args, **kwargs)

    def clean(self) -> dict:
        """The confirmation mail repeats the searched words to the address typed here: words with a web
        address would be a link that anyone can send to anyone, signed by the portal."""
        cleaned = super().clean()
        if WEB_ADDRESS.search(self.words):
            raise ValidationError(
                _("An alert cannot keep words with a web address. Please search without it."),
                code="web_address",
            )
        return cleaned

    def consent_text(self) -> str:
        return gettext(
            "I agree that the integration office stores my email address and these search criteria to tell me "
            "by mail when matching listings are published or have free places again. The alert ends after "
            "%(days)s days unless I extend it. I can stop it at any time with the link in every mail, and "
            "request a copy or the deletion of my data."
        ) % {"days": self.days}
