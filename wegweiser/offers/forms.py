"""The admin form for importing offers: which organisation, which file, dry run or for real."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wegweiser.offers.spreadsheets import MAX_FILE_BYTES
from wegweiser.plugin_api import OrganisationPage, organisations_to_choose


class OfferImportForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=OrganisationPage.objects.none(), empty_label=None
    )
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("CSV or Excel (.xlsx), at most 5 MB, laid out like the import template."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
    dry_run = forms.BooleanField(
        label=_("Only check, do not import yet"),
        required=False,
        initial=True,
        help_text=_("Lists every problem in the file. Nothing is saved."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations_to_choose(user)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is too large (%(size)s MB). The limit is %(limit)s MB."),
                params={"size": f"{upload.size / 1024 / 1024:.1f}", "limit": MAX_FILE_BYTES // 1024 // 1024},
            )
        return upload
