"""The one way the portal sends mail: ``queue_mail`` stores it, the task worker delivers it.

Every plugin and the core compose their mails in the recipient's language and hand them to ``queue_mail``;
nothing is sent inside a request. A failed attempt is retried with a growing pause (2, 4, 8 … minutes, at
most an hour) by the ``deliver_mail`` task and by the ``core.send_pending_mails`` job that sweeps the
queue every five minutes. After ``WEGWEISER_MAIL_MAX_ATTEMPTS`` attempts (default 24, about a day) the
mail is given up: the office sees it on its dashboard and in Settings › Outbox and can try it again.

Mail the portal does not compose itself (Wagtail's moderation notices, password resets, error reports to
``ADMINS``) takes the same way: ``EMAIL_BACKEND`` is :class:`OutboxBackend`, which queues each recipient's
mail, and ``deliver`` hands it to ``WEGWEISER_MAIL_DELIVERY_BACKEND`` (SMTP, or the console in development).

Logs and the stored error name only the mail's number, its purpose and the kind of error, never an address.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta
from typing import NamedTuple

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import models
from django.utils import timezone

from wegweiser.site.models.mail import OutgoingMail

logger = logging.getLogger(__name__)

CLAIM_SECONDS = 300
MAX_BACKOFF = timedelta(hours=1)


def max_attempts() -> int:
    return max(1, int(getattr(settings, "WEGWEISER_MAIL_MAX_ATTEMPTS", 24)))


def queue_mail(
    *,
    to: str,
    subject: str,
    body: str,
    purpose: str,
    owner: models.Model | None = None,
    headers: dict | None = None,
    attachment: tuple[str, str, str] | None = None,
) -> OutgoingMail:
    """Store one mail to one recipient, then hand it to the task worker."""
    name, content, mimetype = attachment or ("", "", "")
    mail = OutgoingMail.objects.create(
        to=to,
        subject=" ".join(subject.split())[:200],
        body=body,
        purpose=purpose[:60],
        owner_type=ContentType.objects.get_for_model(owner) if owner is not None else None,
        owner_id=owner.pk if owner is not None else None,
        headers=headers or {},
        attachment_name=name,
        attachment_content=content,
        attachment_mimetype=mimetype,
    )
    # tasks.py imports this module
    from wegweiser.site.tasks import deliver_mail

    deliver_mail.enqueue(mail.pk)
    return mail


def queue_many(mails: list[dict]) -> list[OutgoingMail]:
    """Many mails to different people at once (a scheduled job's batch): one insert and one task for all.

    Each item holds ``queue_mail``'s arguments (``to``, ``subject``, ``body``, ``purpose``, ``owner``,
    ``headers``).
    """
    rows = []
    for mail in mails:
        owner = mail.get("owner")
        rows.append(
            OutgoingMail(
                to=mail["to"],
                subject=" ".join(mail["subject"].split())[:200],
                body=mail["body"],
                purpose=mail["purpose"][:60],
                owner_type=ContentType.objects.get_for_model(owner) if owner is not None else None,
                owner_id=owner.pk if owner is not None else None,
                headers=mail.get("headers") or {},
            )
        )
    if not rows:
        return []
    created = OutgoingMail.objects.bulk_create(rows)
    # tasks.py imports this module
    from wegweiser.site.tasks import deliver_mails

    deliver_mails.enqueue([row.pk for row in created])
    return created


def queue_mails(recipients, **mail) -> list[OutgoingMail]:
    """The same mail to several people, one mail each (nobody sees the others' addresses)."""
    return [queue_mail(to=to, **mail) for to in dict.fromkeys(recipients) if to]


def delivery_backend() -> str:
    """The backend that really sends (SMTP …); never the outbox itself, which would only queue again."""
    backend = getattr(settings, "WEGWEISER_MAIL_DELIVERY_BACKEND", "") or settings.EMAIL_BACKEND
    if backend == f"{OutboxBackend.__module__}.{OutboxBackend.__qualname__}":
        return "django.core.mail.backends.smtp.EmailBackend"
    return backend


class OutboxBackend(BaseEmailBackend):
    """``EMAIL_BACKEND`` for every mail sent through Django's API: one queued mail per recipient.

    Wagtail's notices and Django's password-reset mails thereby get the outbox's retries, its record and
    the office's view of what was given up, like the portal's own mails. The plain-text body is kept (the
    portal sends no HTML-only mail), with the first attachment.
    """

    def send_messages(self, email_messages) -> int:
        queued = 0
        for message in email_messages:
            recipients = [*message.to, *message.cc, *message.bcc]
            attachment = None
            for name, content, mimetype in (a for a in message.attachments if isinstance(a, tuple)):
                if name and isinstance(content, str):
                    attachment = (name, content, mimetype or "application/octet-stream")
                    break
            try:
                mails = queue_mails(
                    recipients,
                    subject=str(message.subject),
                    body=str(message.body),
                    purpose="notification",
                    headers=dict(message.extra_headers),
                    attachment=attachment,
                )
            except Exception:
                if not self.fail_silently:
                    raise
                logger.exception("A mail could not be queued")
                continue
            queued += bool(mails)
        return queued


def _claim(mail_id: int) -> OutgoingMail | None:
    """Take the mail so that a worker and the sweeping job running at once never send it twice."""
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
        content = mail.attachment_content
        if not mail.attachment_mimetype.startswith("text/"):
            # Django base64-encodes a non-text attachment; given text, Python's email package would turn every
            # letter outside Latin-1 into a "\uXXXX" escape. As UTF-8 bytes, a name stays "Ольга".
            content = content.encode("utf-8")
        message.attach(mail.attachment_name, content, mail.attachment_mimetype)
    try:
        message.connection = get_connection(
            delivery_backend(), timeout=getattr(settings, "EMAIL_TIMEOUT", None) or 10
        )
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        _record_failure(mail, type(error).__name__)
        return False
    mail.delete()
    return True


def _record_failure(mail: OutgoingMail, error: str) -> None:
    now = timezone.now()
    mail.attempts += 1
    mail.last_error = error
    mail.claimed_until = None
    mail.next_attempt_at = now + backoff(mail.attempts)
    if mail.attempts >= max_attempts():
        mail.failed_at = now
    mail.save(update_fields=["attempts", "next_attempt_at", "claimed_until", "last_error", "failed_at"])
    logger.warning(
        "Mail %s (%s) not sent, attempt %s%s: %s",
        mail.pk,
        mail.purpose,
        mail.attempts,
        ", given up" if mail.failed_at else "",
        error,
    )
    if mail.failed_at is None:
        # tasks.py imports this module
        from wegweiser.site.tasks import deliver_mail

        if deliver_mail.get_backend().supports_defer:
            deliver_mail.using(run_after=mail.next_attempt_at).enqueue(mail.pk)


class Sending(NamedTuple):
    sent: int
    waiting: int


def send_pending_mails(now=None, force: bool = False) -> Sending:
    """Try every mail that is due (with ``force``: every waiting one now); returns (sent, still waiting).

    The scheduled job ``core.send_pending_mails``; ``manage.py send_pending_mails --all`` for the office's
    technician after the mail server was down."""
    if force:
        OutgoingMail.objects.waiting().update(next_attempt_at=timezone.now(), claimed_until=None)
    due = OutgoingMail.objects.due(None if force else now)
    sent = sum(1 for mail_id in list(due.values_list("pk", flat=True)) if deliver(mail_id))
    return Sending(sent, OutgoingMail.objects.waiting().count())


def retry_failed() -> int:
    """The office's "try again": given-up mails get a fresh round of attempts; returns how many."""
    return OutgoingMail.objects.failed().update(
        failed_at=None, attempts=0, next_attempt_at=timezone.now(), claimed_until=None
    )
