"""Every mail of the volunteering life cycle, composed in the recipient's language and handed to the
core's outbox (``wegweiser.site.outbox``), which delivers and retries it.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from wegweiser.plugin_api import (
    OutgoingMail,
    admin_url,
    in_language,
    isolate_text,
    public_base_url,
    public_url,
    queue_mail,
    queue_mails,
)
from wegweiser.volunteers import links
from wegweiser.volunteers.models import VolunteerApplication


def site_base_url(page) -> str:
    return public_base_url(page.get_site())


# -- composing ---------------------------------------------------------------------------------------


def _volunteer_mail(
    application: VolunteerApplication, purpose: str, subject: str, context: dict
) -> OutgoingMail:
    """A mail to the volunteer; each carries the one-click withdraw link (also as RFC 8058 header), except
    once the sign-up is declined or withdrawn: there is nothing left to withdraw.

    ``subject``: its wording, with ``%(title)s`` for the opportunity's title in the volunteer's language and
    ``%(status)s`` for the sign-up's status.
    """
    opportunity = in_language(application.opportunity, application.language)
    subject = subject % {"title": isolate_text(opportunity.title), "status": application.get_status_display()}
    base_url = site_base_url(application.opportunity)
    withdraw_url = public_url(
        "volunteers:withdraw", application.language, base_url, token=links.withdraw_token(application)
    )
    context = {
        "application": application,
        "opportunity": opportunity,
        "organisation": application.opportunity.organisation,
        "withdraw_url": withdraw_url,
        **context,
    }
    context["may_withdraw"] = application.status not in (
        VolunteerApplication.Status.DECLINED,
        VolunteerApplication.Status.WITHDRAWN,
    )
    body = render_to_string(f"volunteers/mail/{purpose}.txt", context)
    headers = {}
    if context["may_withdraw"]:
        headers = {
            "List-Unsubscribe": f"<{withdraw_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    return queue_mail(
        to=application.email,
        subject=subject,
        body=body,
        purpose=f"volunteers.{purpose}",
        owner=application,
        headers=headers,
    )


def send_confirmation_request(application: VolunteerApplication) -> OutgoingMail:
    with translation.override(application.language):
        confirm_url = public_url(
            "volunteers:confirm",
            application.language,
            site_base_url(application.opportunity),
            token=links.confirm_token(application),
        )
        return _volunteer_mail(
            application,
            "confirm_signup",
            gettext("Please confirm your sign-up: %(title)s"),
            {"confirm_url": confirm_url, "valid_days": links.confirm_max_age() // 86400},
        )


def send_already_signed_up(application: VolunteerApplication) -> OutgoingMail:
    """The same address sent the form again for an opportunity it is signed up for: it is told so, in the
    sign-up's language, with the withdraw link; the sign-up stays as it is and the organisation hears
    nothing."""
    with translation.override(application.language):
        subject = gettext("You are already signed up: %(title)s")
        return _volunteer_mail(application, "already_signed_up", subject, {})


def send_status_change(application: VolunteerApplication, message: str = "") -> OutgoingMail:
    with translation.override(application.language):
        subject = gettext("Your sign-up: %(title)s – %(status)s")
        return _volunteer_mail(application, "status_changed", subject, {"message": message})


def organisation_recipients(application: VolunteerApplication) -> list[str]:
    """Who hears of a confirmed sign-up: the opportunity's contact, else the organisation, else its editors."""
    opportunity = application.opportunity
    organisation = opportunity.organisation
    if opportunity.contact_email:
        return [opportunity.contact_email]
    if organisation and organisation.email:
        return [organisation.email]
    if organisation and organisation.editors_group_id:
        return sorted(
            {
                email
                for email in organisation.editors_group.user_set.filter(is_active=True).values_list(
                    "email", flat=True
                )
                if email
            }
        )
    return []


def notify_organisation(application: VolunteerApplication, event: str) -> list[OutgoingMail]:
    """Tell the organisation about a confirmed or withdrawn sign-up. The mail holds no personal data:
    the details are in the admin, behind the organisation's login. In German, the opportunity's German title
    included: a sign-up on the English page was "Neue Ehrenamts-Anmeldung: Interpreting Arabic"."""
    opportunity = in_language(application.opportunity, settings.LANGUAGE_CODE)
    inbox_url = admin_url("volunteers_inbox:detail", application.pk)
    with translation.override(settings.LANGUAGE_CODE):
        if event == "confirmed":
            subject = gettext("New volunteer sign-up: %(title)s") % {"title": opportunity.title}
        else:
            subject = gettext("Sign-up withdrawn: %(title)s") % {"title": opportunity.title}
        body = render_to_string(
            "volunteers/mail/organisation_notice.txt",
            {"application": application, "opportunity": opportunity, "event": event, "inbox_url": inbox_url},
        )
    return queue_mails(
        organisation_recipients(application),
        subject=subject,
        body=body,
        purpose=f"volunteers.organisation_{event}",
        owner=application,
    )
