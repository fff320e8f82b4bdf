"""What taking part costs: an amount in a currency or free, and who can get it paid (BAMF, Jobcenter, town pass).

Amounts are shown with Django's locale formats (decimal and thousands separators), as the portal shows dates;
the order of amount and currency sign is part of each language's catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django import forms
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

CURRENCY_SIGNS = {"EUR": "€"}


class PaidBy(models.TextChoices):
    """Who may pay for a participant: the schemes newcomers in Germany actually use."""

    BAMF = "bamf", _("BAMF (certificate of entitlement, Berechtigungsschein)")
    JOBCENTER = "jobcenter", _("Jobcenter (education voucher, Bildungsgutschein)")
    EMPLOYMENT_AGENCY = "employment_agency", _("Employment agency (Agentur für Arbeit)")
    TOWN_PASS = "town_pass", _("Town pass (e.g. Neustadt-Pass)")
    OTHER = "other", _("Other funding (see the note)")


class ChoiceListField(models.JSONField):
    """Several of fixed choices, stored as a JSON list and edited as checkboxes."""

    def __init__(self, *args, choice_list=(), **kwargs):
        self.choice_list = list(choice_list)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choice_list"] = self.choice_list
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choice_list,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {str(choice) for choice, _label in self.choice_list}
        unknown = [item for item in value or () if item not in allowed]
        if unknown:
            raise forms.ValidationError(
                _("Unknown choice: %(value)s"), params={"value": ", ".join(unknown)}, code="invalid_choice"
            )


def format_amount(amount: Decimal | None, currency: str = "EUR") -> str:
    """``120 €`` or ``12,50 €`` in German, ``€120`` in English: whole amounts without cents."""
    if amount is None:
        return ""
    places = 0 if amount == amount.to_integral_value() else 2
    number = formats.number_format(amount, places, use_l10n=True, force_grouping=True)
    return pgettext("price: amount and currency sign", "%(amount)s %(currency)s") % {
        "amount": number,
        "currency": CURRENCY_SIGNS.get(currency, currency),
    }


def paid_by_labels(values: Iterable[str]) -> list[str]:
    """The labels of the chosen payers in the active language, in the order of the choices."""
    chosen = set(values or ())
    return [str(label) for value, label in PaidBy.choices if value in chosen]


#: Words in an old note on cost that name a payer (the note stays as it is).
_PAYER_WORDS = {
    PaidBy.BAMF: ("bamf", "berechtigungsschein", "integrationskurs"),
    PaidBy.JOBCENTER: ("jobcenter", "bildungsgutschein"),
    PaidBy.EMPLOYMENT_AGENCY: ("agentur für arbeit", "arbeitsagentur"),
    PaidBy.TOWN_PASS: ("-pass", "stadtpass", "sozialpass"),
}


def payers_named_in(text: str) -> list[str]:
    """The payers an old free-text note names ("über BAMF oder Jobcenter", "mit dem Neustadt-Pass")."""
    lowered = text.lower()
    return [payer.value for payer, words in _PAYER_WORDS.items() if any(word in lowered for word in words)]


def cost_into_fields(apps, app_label: str, model_name: str) -> None:
    """For a plugin's data migration: keep the finder's "free or paid for by an authority" and read the
    payers an existing listing's note on cost names; the category and the note stay as they are."""
    model = apps.get_model(app_label, model_name)
    model.objects.filter(cost__in=["fee", "reduced"]).update(free_or_funded=False)
    for listing in model.objects.exclude(cost_note="").only("pk", "cost", "cost_note"):
        payers = payers_named_in(listing.cost_note)
        if payers:
            model.objects.filter(pk=listing.pk).update(cost_paid_by=payers, free_or_funded=True)
