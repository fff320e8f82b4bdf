"""Background work for volunteering, run by the task worker (``manage.py db_worker``)."""

from __future__ import annotations

from django_tasks import task

from wegweiser.volunteers.privacy import anonymise_due_applications


@task()
def anonymise_volunteer_data() -> dict:
    """Wipe personal data past its retention period; run daily (see the management command)."""
    return anonymise_due_applications()
