"""Every mail of the volunteering life cycle: composed in the recipient's language, stored in the queue,
then delivered by the task worker. An unreachable mail server delays a mail but never loses it.
"""

from __future__ import annotations

import json
import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from wegweiser.site.links import public_base_url
from wegweiser.volunteers import links
from wegweiser.volunteers.models import OutgoingMail, VolunteerApplication

logger = logging.getLogger(__name__)

CLAIM_SECONDS = 300
MAX_BACKOFF = timedelta(hours=1)


def site_base_url(page) -> str:
    return public_base_url(page.get_site())


# -- composing ---------------------------------------------------------------------------------------


def queue_mail(
    *,
    to: str,
    subject: str,
    body: str,
    purpose: str,
    application: VolunteerApplication | None = None,
    headers: dict | None = None,
    attachment: tuple[str, str, str] | None = None,
) -> OutgoingMail:
    """Store the mail, then hand it to the task worker (which retries until the server takes it)."""
    name, content, mimetype = attachment or ("", "", "")
    mail = OutgoingMail.objects.create(
        to=to,
        subject=subject[:200],
        body=body,
        purpose=purpose,
        application=application,
        headers=headers or {},
        attachment_name=name,
        attachment_content=content,
        attachment_mimetype=mimetype,
    )
    from wegweiser.volunteers.tasks import deliver_mail

    deliver_mail.enqueue(mail.pk)
    return mail


def _volunteer_mail(
    application: VolunteerApplication, purpose: str, subject: str, context: dict
) -> OutgoingMail:
    """A mail to the volunteer; each carries the one-click withdraw link (also as RFC 8058 header)."""
    base_url = site_base_url(application.opportunity)
    withdraw_url = links.public_url(
        "withdraw", application.language, base_url, token=links.withdraw_token(application)
    )
    context = {
        "application": application,
        "opportunity": application.opportunity,
        "organisation": application.opportunity.organisation,
        "withdraw_url": withdraw_url,
        **context,
    }
    body = render_to_string(f"volunteers/mail/{purpose}.txt", context)
    headers = {"List-Unsubscribe": f"<{withdraw_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return queue_mail(
        to=application.email,
        subject=subject,
        body=body,
        purpose=purpose,
        application=application,
        headers=headers,
    )


def send_confirmation_request(application: VolunteerApplication) -> OutgoingMail:
    with translation.override(application.language):
        confirm_url = links.public_url(
            "confirm",
            application.language,
            site_base_url(application.opportunity),
            token=links.confirm_token(application),
        )
        subject = gettext("Please confirm your sign-up: %(title)s") % {"title": application.opportunity.title}
        return _volunteer_mail(
            application,
            "confirm_signup",
            subject,
            {"confirm_url": confirm_url, "valid_days": links.confirm_max_age() // 86400},
        )


def send_status_change(application: VolunteerApplication, message: str = "") -> OutgoingMail:
    with translation.override(application.language):
        subject = gettext("Your sign-up: %(title)s – %(status)s") % {
            "title": application.opportunity.title,
            "status": application.get_status_display(),
        }
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
    the details are in the admin, behind the organisation's login."""
    opportunity = application.opportunity
    inbox_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "volunteers_inbox:detail", args=[application.pk]
    )
    with translation.override(settings.LANGUAGE_CODE):
        if event == "confirmed":
            subject = gettext("New volunteer sign-up: %(title)s") % {"title": opportunity.title}
        else:
            subject = gettext("Sign-up withdrawn: %(title)s") % {"title": opportunity.title}
        body = render_to_string(
            "volunteers/mail/organisation_notice.txt",
            {"application": application, "opportunity": opportunity, "event": event, "inbox_url": inbox_url},
        )
    return [
        queue_mail(
            to=to, subject=subject, body=body, purpose=f"organisation_{event}", application=application
        )
        for to in organisation_recipients(application)
    ]


def send_data_request_link(email: str, action: str, language: str, base_url: str) -> OutgoingMail:
    with translation.override(language):
        url = links.public_url(
            "data_request_confirm", language, base_url, token=links.data_request_token(email, action)
        )
        if action == "export":
            subject = gettext("Your request for a copy of your volunteering data")
        else:
            subject = gettext("Your request to delete your volunteering data")
        body = render_to_string("volunteers/mail/data_request.txt", {"url": url, "action": action})
    return queue_mail(to=email, subject=subject, body=body, purpose=f"data_request_{action}")


def send_data_export(email: str, language: str, applications) -> OutgoingMail:
    data = {
        "email": email,
        "exported": timezone.now().isoformat(),
        "sign_ups": [application.personal_data() for application in applications],
    }
    with translation.override(language):
        subject = gettext("A copy of your volunteering data")
        body = render_to_string("volunteers/mail/data_export.txt", {"count": len(data["sign_ups"])})
    content = json.dumps(data, ensure_ascii=False, indent=2)
    return queue_mail(
        to=email,
        subject=subject,
        body=body,
        purpose="data_export",
        attachment=("volunteering-data.json", content, "application/json"),
    )


# -- delivering --------------------------------------------------------------------------------------


def _claim(mail_id: int) -> OutgoingMail | None:
    """Take the mail so that a worker and ``send_pending_mails`` running at once never send it twice."""
    now = timezone.now()
    claimed = (
        OutgoingMail.objects.filter(pk=mail_id)
        .due(now)
        .update(claimed_until=now + timedelta(seconds=CLAIM_SECONDS))
    )
    return OutgoingMail.objects.filter(pk=mail_id).first() if claimed else None


def backoff(attempts: int) -> timedelta:
    return min(timedelta(minutes=2 ** min(attempts, 10)), MAX_BACKOFF)


def deliver(mail_id: int) -> bool:
    """Send one queued mail; on failure keep it for a later attempt. Returns whether it went out."""
    mail = _claim(mail_id)
    if mail is None:
        return False
    message = EmailMessage(
        subject=mail.subject,
        body=mail.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[mail.to],
        headers=mail.headers or None,
    )
    if mail.attachment_name:
        message.attach(mail.attachment_name, mail.attachment_content, mail.attachment_mimetype)
    try:
        timeout = getattr(settings, "EMAIL_TIMEOUT", None) or 10
        message.connection = get_connection(timeout=timeout)
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        mail.attempts += 1
        mail.next_attempt_at = timezone.now() + backoff(mail.attempts)
        mail.claimed_until = None
        mail.last_error = type(error).__name__
        mail.save(update_fields=["attempts", "next_attempt_at", "claimed_until", "last_error"])
        # Only the mail's number and the kind of error: no address in the logs.
        logger.warning(
            "Mail %s (%s) not sent, attempt %s: %s", mail.pk, mail.purpose, mail.attempts, mail.last_error
        )
        _schedule_retry(mail)
        return False
    mail.delete()
    return True


def _schedule_retry(mail: OutgoingMail) -> None:
    from wegweiser.volunteers.tasks import deliver_mail

    backend = deliver_mail.get_backend()
    if backend.supports_defer:
        deliver_mail.using(run_after=mail.next_attempt_at).enqueue(mail.pk)


def send_pending_mails(now=None, force: bool = False) -> tuple[int, int]:
    """Try every mail that is due (or every waiting mail with ``force``); returns (sent, still waiting)."""
    queryset = OutgoingMail.objects.all() if force else OutgoingMail.objects.due(now)
    if force:
        OutgoingMail.objects.update(next_attempt_at=timezone.now(), claimed_until=None)
    sent = sum(1 for mail_id in list(queryset.values_list("pk", flat=True)) if deliver(mail_id))
    return sent, OutgoingMail.objects.count()
