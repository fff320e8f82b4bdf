"""The mails of an account request, each in the language the request was made in (office mails in German).

They go through the core's outbox (``wegweiser.site.outbox``), which retries them while the mail server is
down; each belongs to its request, so deleting the request deletes the mails not yet delivered.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from wegweiser.site.accounts.invitations import admin_login_url, invitation_days, invitation_url
from wegweiser.site.links import admin_url
from wegweiser.site.models import AccountRequest, PortalSettings
from wegweiser.site.models.pages import office_group_name
from wegweiser.site.outbox import queue_mails
from wegweiser.site.templatetags.direction_tags import isolate_text


def _send(
    account_request: AccountRequest, to: list[str], subject, kind: str, language=None, **context
) -> bool:
    """Queue the mail ``kind`` for each recipient; False when there is nobody to send it to.

    ``kind`` names its template and its purpose. It is written in the request's language (or ``language``),
    and ``subject`` may name the organisation as ``%(name)s``.
    """
    with translation.override(language or account_request.language):
        context = {**context, "request": account_request, "site": _office_site()}
        return bool(
            queue_mails(
                to,
                subject=subject % {"name": isolate_text(account_request.organisation_name)},
                # Signed by the office of the default site, the one that answers account requests.
                body=render_to_string(f"core/accounts/mail/{kind}.txt", context),
                purpose=f"accounts.{kind}",
                owner=account_request,
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
    subject = gettext_lazy("We have received your request: %(name)s")
    return _send(account_request, [account_request.email], subject, "received")


def notify_office(account_request: AccountRequest) -> bool:
    """The office hears of a new request; the mail links to the admin and holds no contact details."""
    return _send(
        account_request,
        office_recipients(),
        gettext_lazy("New account request: %(name)s"),
        "office_notice",
        language=settings.LANGUAGE_CODE,
        review_url=admin_url("account_requests:detail", account_request.pk),
    )


def send_invitation(account_request: AccountRequest, user) -> bool:
    return _send_account(
        account_request,
        user,
        "invitation",
        url=invitation_url(user, account_request.language),
        valid_days=invitation_days(),
    )


def send_access_granted(account_request: AccountRequest, user) -> bool:
    """For a requester who already has an account: they now also edit the new organisation."""
    return _send_account(account_request, user, "access_granted")


def _send_account(account_request: AccountRequest, user, kind: str, **context) -> bool:
    """A mail of an approved request to its contact: the account's name and where to log in."""
    subject = gettext_lazy("Your account for %(name)s")
    context |= {"username": user.get_username(), "login_url": admin_login_url()}
    return _send(account_request, [user.email], subject, kind, **context)


def send_rejection(account_request: AccountRequest) -> bool:
    subject = gettext_lazy("Your request for an account: %(name)s")
    return _send(account_request, [account_request.email], subject, "rejected")
