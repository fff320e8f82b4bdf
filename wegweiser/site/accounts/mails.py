"""The mails of an account request, each in the language the request was made in (office mails in German).

They go through the core's outbox (``wegweiser.site.outbox``), which retries them while the mail server is
down; each belongs to its request, so deleting the request deletes the mails not yet delivered.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Site

from wegweiser.site.accounts.invitations import admin_login_url, invitation_days, invitation_url
from wegweiser.site.links import admin_url
from wegweiser.site.models import AccountRequest, PortalSettings
from wegweiser.site.models.pages import office_group_name
from wegweiser.site.outbox import queue_mails


def _send(to: list[str], subject: str, template: str, context: dict, purpose: str) -> bool:
    """Queue the mail for each recipient; False when there is nobody to send it to."""
    return bool(
        queue_mails(
            to,
            subject=subject,
            # Signed by the office of the default site, the one that answers account requests.
            body=render_to_string(f"core/accounts/mail/{template}.txt", {**context, "site": _office_site()}),
            purpose=f"accounts.{purpose}",
            owner=context["request"],
        )
    )


def _office_site() -> Site | None:
    return Site.objects.filter(is_default_site=True).first()


def office_recipients() -> list[str]:
    """The office group's active members, and the office address from the portal settings."""
    group = Group.objects.filter(name=office_group_name()).first()
    addresses = set()
    if group is not None:
        addresses |= set(
            group.user_set.filter(is_active=True).exclude(email="").values_list("email", flat=True)
        )
    portal = PortalSettings.objects.filter(site=_office_site()).exclude(office_email="").first()
    if portal is not None:
        addresses.add(portal.office_email)
    return sorted(addresses)


def send_receipt(account_request: AccountRequest) -> bool:
    with translation.override(account_request.language):
        subject = gettext("We have received your request: %(name)s") % {
            "name": account_request.organisation_name
        }
        return _send([account_request.email], subject, "received", {"request": account_request}, "received")


def notify_office(account_request: AccountRequest) -> bool:
    """The office hears of a new request; the mail links to the admin and holds no contact details."""
    review_url = admin_url("account_requests:detail", account_request.pk)
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("New account request: %(name)s") % {"name": account_request.organisation_name}
        return _send(
            office_recipients(),
            subject,
            "office_notice",
            {"request": account_request, "review_url": review_url},
            "office_notice",
        )


def send_invitation(account_request: AccountRequest, user) -> bool:
    with translation.override(account_request.language):
        subject = gettext("Your account for %(name)s") % {"name": account_request.organisation_name}
        return _send(
            [user.email],
            subject,
            "invitation",
            {
                "request": account_request,
                "url": invitation_url(user, account_request.language),
                "valid_days": invitation_days(),
                "username": user.get_username(),
                "login_url": admin_login_url(),
            },
            "invitation",
        )


def send_access_granted(account_request: AccountRequest, user) -> bool:
    """For a requester who already has an account: they now also edit the new organisation."""
    with translation.override(account_request.language):
        subject = gettext("Your account for %(name)s") % {"name": account_request.organisation_name}
        return _send(
            [user.email],
            subject,
            "access_granted",
            {"request": account_request, "username": user.get_username(), "login_url": admin_login_url()},
            "access_granted",
        )


def send_rejection(account_request: AccountRequest) -> bool:
    with translation.override(account_request.language):
        subject = gettext("Your request for an account: %(name)s") % {
            "name": account_request.organisation_name
        }
        return _send([account_request.email], subject, "rejected", {"request": account_request}, "rejected")
