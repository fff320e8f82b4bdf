"""The organisation's inbox in the Wagtail admin: its own confirmed sign-ups, their status, a CSV export.

Every view goes through :mod:`wegweiser.volunteers.access`; every display or change of personal data
is written to Wagtail's audit log.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from wegweiser.plugin_api import (
    SPREADSHEET_GERMAN,
    admin_list_page,
    as_spreadsheet_text,
    in_language,
    original_title,
)
from wegweiser.volunteers import access, mails
from wegweiser.volunteers.forms import StatusChangeForm
from wegweiser.volunteers.models import VolunteerApplication


def _breadcrumbs(*items):
    return [*WagtailAdminTemplateMixin.breadcrumbs_items, *items]


class InboxView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "volunteers/admin/inbox.html"
    page_title = gettext_lazy("Volunteer sign-ups")
    header_icon = "group"
    #: The headings of the sign-ups' table (the core's core/admin/includes/listing_table.html).
    columns = [
        pgettext_lazy("person", "Name"),
        gettext_lazy("Volunteer opportunity"),
        gettext_lazy("Status"),
        gettext_lazy("Confirmed"),
    ]

    def get_breadcrumbs_items(self):
        return _breadcrumbs({"url": "", "label": self.page_title})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        applications = (
            access.applications_for(user)
            .select_related("opportunity")
            # Each sign-up's opportunity as the organisation wrote it: "Interpreting Arabic" was listed for a
            # sign-up on the English page, not "Dolmetschen Arabisch".
            .annotate(opportunity_title=original_title("opportunity"))
            .order_by("-confirmed_at", "-pk")
        )
        counts = dict(applications.values_list("status").annotate(n=Count("pk")).order_by())
        # Each opportunity once, by its German title: its language versions' sign-ups together.
        opportunities = (
            access.opportunities_for(user)
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .order_by("title")
        )
        status = self.request.GET.get("status", "")
        if status in VolunteerApplication.Status.values:
            applications = applications.filter(status=status)
        opportunity = self.request.GET.get("opportunity", "")
        if opportunity.isdecimal():
            chosen = opportunities.filter(pk=int(opportunity)).values("translation_key")
            applications = applications.filter(opportunity__translation_key__in=chosen)
        context.update(admin_list_page(self.request, applications))
        for application in context["page_obj"].object_list:
            log(application, "volunteers.view_personal_data", user=user)
        context.update(
            columns=self.columns,
            status_counts=[
                (value, label, counts.get(value, 0))
                for value, label in VolunteerApplication.Status.choices
                if value != VolunteerApplication.Status.NEW
            ],
            current_status=status,
            current_opportunity=opportunity,
            opportunities=opportunities,
            has_access=opportunities.exists(),
        )
        return context


def _application_for(request, pk: int) -> VolunteerApplication:
    """The sign-up if the user may see it; other organisations' sign-ups do not exist for them."""
    application = (
        access.applications_for(request.user)
        .select_related("opportunity", "opportunity__organisation")
        .filter(pk=pk)
        .first()
    )
    if application is None:
        raise Http404
    if not access.may_see_personal_data(request.user, application):
        raise PermissionDenied
    return application


class ApplicationDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "volunteers/admin/application.html"
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        self.application = _application_for(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.application)

    def get_breadcrumbs_items(self):
        return _breadcrumbs(
            {"url": reverse("volunteers_inbox:index"), "label": gettext_lazy("Volunteer sign-ups")},
            {"url": "", "label": str(self.application)},
        )

    def get(self, request, *args, **kwargs):
        log(self.application, "volunteers.view_personal_data", user=request.user)
        form = StatusChangeForm(initial={"status": self.application.status})
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        application = self.application
        form = StatusChangeForm(request.POST)
        if application.status == VolunteerApplication.Status.WITHDRAWN:
            messages.error(
                request, _("The volunteer has withdrawn this sign-up; its status cannot be changed.")
            )
            return redirect("volunteers_inbox:detail", application.pk)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        status, message = form.cleaned_data["status"], form.cleaned_data["message"].strip()
        with transaction.atomic():
            old_status = application.status
            changed = application.set_status(status)
            if changed or message:
                log(
                    application,
                    "volunteers.change_status",
                    user=request.user,
                    data={"old": old_status, "new": status, "message_sent": bool(message)},
                )
        if changed or message:
            mails.send_status_change(application, message)
            messages.success(request, _("Saved. The volunteer is informed by mail."))
        else:
            messages.info(request, _("Nothing changed."))
        return redirect("volunteers_inbox:detail", application.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["application"] = self.application
        context["opportunity"] = in_language(self.application.opportunity, settings.LANGUAGE_CODE)
        context["languages"] = self.application.languages_spoken.all()
        return context


class ExportView(View):
    """The user's own sign-ups as CSV (UTF-8 with BOM, so spreadsheet programs read umlauts)."""

    def get(self, request):
        applications = (
            access.applications_for(request.user)
            .select_related("opportunity")
            .prefetch_related("languages_spoken")
            .annotate(opportunity_title=original_title("opportunity"))
            .order_by("opportunity_title", "confirmed_at")
        )
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"ehrenamt-anmeldungen-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        writer = SPREADSHEET_GERMAN.writer(response)
        writer.writerow(
            [
                _("No."),
                _("Volunteer opportunity"),
                _("Status"),
                _("Waiting list"),
                pgettext("person", "Name"),
                _("Email"),
                _("Phone"),
                _("Languages spoken"),
                _("Availability"),
                _("Message"),
                _("Signed up"),
                _("Confirmed"),
                _("Consent version"),
            ]
        )
        for application in applications:
            log(application, "volunteers.export_personal_data", user=request.user)
            writer.writerow(
                [
                    as_spreadsheet_text(value)
                    for value in (
                        application.pk,
                        application.opportunity_title,
                        application.get_status_display(),
                        _("yes") if application.waiting_list else _("no"),
                        application.name,
                        application.email,
                        application.phone,
                        ", ".join(language.slug for language in application.languages_spoken.all()),
                        application.availability,
                        application.message,
                        timezone.localtime(application.created_at).strftime("%Y-%m-%d %H:%M"),
                        timezone.localtime(application.confirmed_at).strftime("%Y-%m-%d %H:%M")
                        if application.confirmed_at
                        else "",
                        application.consent_version,
                    )
                ]
            )
        return response
