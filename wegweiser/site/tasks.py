"""The core's background work, run by the task worker (``manage.py db_worker``)."""

from __future__ import annotations

from django_tasks import task


@task()
def deliver_mail(mail_id: int) -> bool:
    """Send one queued mail; a failed attempt re-enqueues itself for later (with a growing pause)."""
    from wegweiser.site.outbox import deliver

    return deliver(mail_id)
