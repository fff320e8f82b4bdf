"""Public pages: the account request form and the invitation link where a new editor sets a password.

Anonymous visitors get no cookie, so these forms are exempt from CSRF like the portal's other anonymous
forms: the request form changes no account (the office reviews every request) and carries a honeypot and
a rate limit; the invitation form is only reachable with the secret one-time link.
"""

from __future__ import annotations

from django.contrib.auth.forms import SetPasswordForm
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from wegweiser.site.accounts import mails
from wegweiser.site.accounts.forms import AccountRequestForm
from wegweiser.site.accounts.invitations import admin_login_url, invited_user
from wegweiser.site.public_forms import for_visitors, notice, private_no_store, too_many_sends


@for_visitors
def request_account(request):
    # Bound on the method: an empty POST is a form sent without answers, and says what is missing.
    form = AccountRequestForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_bot():
            return HttpResponseRedirect(reverse("accounts:request_done"))
        if too_many_sends(request, "account-request", form):
            status = 429
        elif form.is_valid():
            with transaction.atomic():
                account_request = form.save()
            if account_request is not None:
                mails.send_receipt(account_request)
                mails.notify_office(account_request)
            return HttpResponseRedirect(reverse("accounts:request_done"))
        else:
            status = 400
    return TemplateResponse(request, "core/accounts/request_form.html", {"form": form}, status=status)


@private_no_store
def request_done(request):
    return notice(
        request,
        _("Thank you for your request"),
        _(
            "The integration office will review your request and answer you by mail, usually within a few "
            "working days. We have sent you a confirmation of your request."
        ),
    )


@for_visitors
def set_password(request, uidb64: str, token: str):
    user = invited_user(uidb64, token)
    if user is None:
        return notice(
            request,
            _("This link is no longer valid"),
            _(
                "The invitation link has expired or was already used. If you have not set your password yet, "
                "please ask the integration office for a new invitation."
            ),
            status=404,
            links=[(admin_login_url(), _("Go to the login"))],
        )
    form = SetPasswordForm(user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save(commit=False)
            user.is_active = True
            user.save()
        return notice(
            request,
            _("Your password is set"),
            _("You can now log in with your email address %(username)s and your new password.")
            % {"username": user.get_username()},
            links=[(admin_login_url(), _("Go to the login"))],
        )
    return TemplateResponse(
        request,
        "core/accounts/set_password.html",
        {"form": form, "username": user.get_username()},
        status=400 if form.errors else 200,
    )
