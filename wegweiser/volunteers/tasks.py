"""Background work for volunteering, run by the task worker (``manage.py db_worker``)."""

from __future__ import annotations

from django_tasks import task


@task()
def deliver_mail(mail_id: int) -> bool:
    """Send one queued mail; a failed attempt re-enqueues itself for later (with a growing pause)."""
    from wegweiser.volunteers.mails import deliver

    return deliver(mail_id)


@task()
def send_pending_mails() -> int:
    """Sweep the queue: every mail whose next attempt is due (e.g. after the mail server was down)."""
    from wegweiser.volunteers.mails import send_pending_mails as send

    return send()[0]


@task()
def anonymise_volunteer_data() -> dict:
    """Wipe personal data past its retention period; run daily (see the management command)."""
    from wegweiser.volunteers.privacy import anonymise_due_applications

    return anonymise_due_applications()
