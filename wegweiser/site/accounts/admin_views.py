"""The office's review of account requests in the Wagtail admin.

Only users with the ``core.manage_organisations`` permission (the integration office group, superusers)
see these views; for everyone else they do not exist (403) and the menu item is hidden.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from wegweiser.site.accounts import mails
from wegweiser.site.accounts.approval import DecisionRefused, approve, reject
from wegweiser.site.accounts.forms import RejectionForm
from wegweiser.site.admin_lists import admin_list_page
from wegweiser.site.models import AccountRequest

REVIEW_PERMISSION = "core.manage_organisations"


def may_review(user) -> bool:
    return user.is_active and user.has_perm(REVIEW_PERMISSION)


class OfficeOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_review(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _breadcrumbs(*items):
    return [
        *WagtailAdminTemplateMixin.breadcrumbs_items,
        {"url": reverse("account_requests:index"), "label": gettext_lazy("Account requests")},
        *items,
    ]


class RequestListView(OfficeOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/accounts/admin/index.html"
    page_title = gettext_lazy("Account requests")
    header_icon = "group"
    #: The headings of the requests' table (core/admin/includes/listing_table.html).
    columns = [
        gettext_lazy("Organisation"),
        gettext_lazy("Kind of organisation"),
        gettext_lazy("Contact person"),
        gettext_lazy("Status"),
        gettext_lazy("Received"),
    ]

    def get_breadcrumbs_items(self):
        return _breadcrumbs()[:1] + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        requests = AccountRequest.objects.select_related("organisation", "decided_by")
        counts = dict(requests.values_list("status").annotate(n=Count("pk")).order_by())
        status = self.request.GET.get("status", AccountRequest.Status.NEW)
        if status in AccountRequest.Status.values:
            requests = requests.filter(status=status)
        else:
            status = ""
        context.update(admin_list_page(self.request, requests))
        context.update(
            columns=self.columns,
            current_status=status,
            status_counts=[
                (value, label, counts.get(value, 0)) for value, label in AccountRequest.Status.choices
            ],
            total=sum(counts.values()),
        )
        return context


class RequestDetailView(OfficeOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/accounts/admin/detail.html"
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if may_review(request.user):
            self.account_request = get_object_or_404(
                AccountRequest.objects.select_related("organisation", "decided_by"), pk=kwargs["pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.account_request.organisation_name

    def get_breadcrumbs_items(self):
        return _breadcrumbs({"url": "", "label": self.get_page_title()})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            account_request=self.account_request,
            rejection_form=kwargs.get("rejection_form") or RejectionForm(),
        )
        return context


class ApproveView(OfficeOnlyMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk: int):
        account_request = get_object_or_404(AccountRequest, pk=pk)
        try:
            account_request, user, needs_invitation = approve(account_request, request.user)
        except DecisionRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("account_requests:detail", pk=pk)
        sent = (
            mails.send_invitation(account_request, user)
            if needs_invitation
            else mails.send_access_granted(account_request, user)
        )
        messages.success(
            request,
            _("Approved: the page of %(name)s and its editors group are created.")
            % {"name": account_request.organisation_name},
        )
        if not sent:
            messages.warning(
                request, _("The mail could not be sent. Please send the invitation again later.")
            )
        return redirect("account_requests:detail", pk=pk)


class InvitationView(OfficeOnlyMixin, View):
    """A step on the invitation of an approved request's contact, while the account waits for its first
    password: :meth:`act` does it and says how it went; an account already in use gets ``activated``."""

    http_method_names = ["post"]
    activated = ""

    def post(self, request, pk: int):
        account_request = get_object_or_404(AccountRequest, pk=pk, status=AccountRequest.Status.APPROVED)
        user = _invited_user(account_request)
        if user is None:
            messages.error(request, self.activated)
        else:
            self.act(request, account_request, user)
        return redirect("account_requests:detail", pk=pk)

    def act(self, request, account_request: AccountRequest, user) -> None:
        raise NotImplementedError


class ResendInvitationView(InvitationView):
    activated = gettext_lazy("The account has already been activated; no invitation is needed.")

    def act(self, request, account_request: AccountRequest, user) -> None:
        if mails.send_invitation(account_request, user):
            messages.success(request, _("The invitation has been sent again."))
        else:
            messages.warning(request, _("The mail could not be sent. Please try again later."))


class WithdrawInvitationView(InvitationView):
    """Makes every invitation link sent so far useless, e.g. one that went to a wrong address: the account
    gets a new unusable password, which the links' tokens cover. "Send the invitation again" makes a new one."""

    activated = gettext_lazy("The account has already been activated; there is no invitation to withdraw.")

    def act(self, request, account_request: AccountRequest, user) -> None:
        with transaction.atomic():
            user.set_unusable_password()
            user.save(update_fields=["password"])
            log(account_request, "core.withdraw_invitation", user=request.user)
        messages.success(
            request, _("The invitation has been withdrawn: the links sent so far no longer work.")
        )


def _invited_user(account_request: AccountRequest):
    """The approved contact's account while it still waits for its first password."""
    organisation = account_request.organisation
    if organisation is None or organisation.editors_group is None:
        return None
    user = organisation.editors_group.user_set.filter(email__iexact=account_request.email).first()
    return user if user is not None and not user.has_usable_password() else None


class RejectView(RequestDetailView):
    """Posts the rejection form of the detail page; an invalid form shows the page again with errors."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        account_request = self.account_request
        form = RejectionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(rejection_form=form), status=400)
        try:
            account_request = reject(account_request, request.user, form.cleaned_data["reason"])
        except DecisionRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("account_requests:detail", pk=pk)
        messages.success(request, _("The request has been rejected."))
        if not mails.send_rejection(account_request):
            messages.warning(request, _("The mail to the requester could not be sent."))
        return redirect("account_requests:detail", pk=pk)


class DeleteView(OfficeOnlyMixin, View):
    """Deletes the request and the personal data in it; an organisation created from it stays."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        account_request = get_object_or_404(AccountRequest, pk=pk)
        name = account_request.organisation_name
        with transaction.atomic():
            log(account_request, "core.delete_account_request", user=request.user)
            account_request.delete()
        messages.success(request, _("The request of %(name)s has been deleted.") % {"name": name})
        return redirect("account_requests:index")
