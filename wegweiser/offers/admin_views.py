"""Admin views of the offers plugin: the spreadsheet import."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView

from wegweiser.offers.forms import OfferImportForm
from wegweiser.offers.offer_import import (
    TEMPLATE_COLUMNS,
    TEMPLATE_EXAMPLE,
    column_guide,
    column_label,
    import_offers,
)
from wegweiser.offers.spreadsheets import MAX_ROWS
from wegweiser.plugin_api import SPREADSHEET_GERMAN


class OfferImportView(FormView):
    """Import offers from a spreadsheet into one of the user's own organisations (dry run first)."""

    form_class = OfferImportForm
    template_name = "offers/admin/import.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            header_title=_("Import offers"),
            has_organisations=context["form"].fields["organisation"].queryset.exists(),
            max_rows=MAX_ROWS,
            column_guide=column_guide(),
        )
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        organisation = form.cleaned_data["organisation"]
        dry_run = form.cleaned_data["dry_run"]
        report = import_offers(
            upload.read(), organisation, user=self.request.user, dry_run=dry_run, filename=upload.name
        )
        if report.ok and not dry_run:
            count = len(report.offers)
            if report.published:
                message = ngettext(
                    "%(count)d offer imported and published.",
                    "%(count)d offers imported and published.",
                    count,
                )
            else:
                message = ngettext(
                    "%(count)d offer imported and submitted to the integration office for review.",
                    "%(count)d offers imported and submitted to the integration office for review.",
                    count,
                )
            messages.success(self.request, message % {"count": count})
            return redirect("wagtailadmin_explore", organisation.pk)
        return self.render_to_response(
            self.get_context_data(form=form, report=report, organisation=organisation)
        )


def import_template(request):
    """The empty import template with one example row, as CSV (opens in Excel and LibreOffice). Its headings
    are the admin's names of the fields in the partner's admin language, which the import reads, as it reads
    the keys."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="angebote-vorlage.csv"'
    writer = SPREADSHEET_GERMAN.writer(response)
    writer.writerow([column_label(column) for column in TEMPLATE_COLUMNS])
    writer.writerow(TEMPLATE_EXAMPLE)
    return response
