"""Partner editors may manage calendar feeds and registrations: the model permissions say what they may do.

For which objects is the scoped viewset's job (:mod:`wegweiser.site.scoping`): only their own
organisation's feeds and the registrations for its events.
"""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from wegweiser.events.models import EventPage, EventRegistration
from wegweiser.events.registration_mails import tell_of_changed_dates
from wegweiser.plugin_api import OrganisationPage, public_pages_show

public_pages_show(EventRegistration)  # event pages show the places left

EDITOR_PERMISSIONS = [
    ("calendarfeed", "add"),
    ("calendarfeed", "change"),
    ("calendarfeed", "delete"),
    ("calendarfeed", "view"),
    ("eventregistration", "view"),
    ("eventregistration", "change"),
    ("eventregistration", "delete"),
]


@receiver(post_save, sender=OrganisationPage)
def grant_event_permissions(sender, instance: OrganisationPage, raw: bool = False, **kwargs) -> None:
    if raw or instance.editors_group_id is None:
        return
    codenames = [f"{action}_{model}" for model, action in EDITOR_PERMISSIONS]
    permissions = Permission.objects.filter(content_type__app_label="events", codename__in=codenames)
    instance.editors_group.permissions.add(*permissions)


@receiver(page_published, sender=EventPage)
def tell_registrants_of_changed_dates(sender, instance: EventPage, **kwargs) -> None:
    """A cancelled or moved date (or a series changed so that a date is gone) reaches the people
    registered for it when the change is published, not when they stand at a closed door."""
    tell_of_changed_dates(instance)
