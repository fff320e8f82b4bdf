"""The public data-request form: an address and what to do with its data."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wegweiser.site.public_forms import HoneypotMixin, email_field


class DataRequestForm(HoneypotMixin, forms.Form):
    email = email_field()
    action = forms.ChoiceField(
        label=_("What would you like?"),
        choices=[
            ("export", _("Send me a copy of all data stored about me")),
            ("delete", _("Delete all data stored about me")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose what you would like.")},
    )
