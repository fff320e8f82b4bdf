"""The core's background work, run by the task worker (``manage.py db_worker``)."""

from __future__ import annotations

from django_tasks import task

from wegweiser.site.outbox import deliver


@task()
def deliver_mail(mail_id: int) -> bool:
    """Send one queued mail; a failed attempt re-enqueues itself for later (with a growing pause)."""
    return deliver(mail_id)


@task()
def deliver_mails(mail_ids: list[int]) -> int:
    """Send a batch of queued mails (``outbox.queue_many``); returns how many went out."""
    return sum(1 for mail_id in mail_ids if deliver(mail_id))
