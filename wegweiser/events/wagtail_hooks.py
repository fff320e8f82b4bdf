"""Registration only: the event listing type and the admin views for calendar feeds and registrations."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks

from wegweiser.events import jobs, privacy
from wegweiser.events.ical_import import sync_all_feeds
from wegweiser.events.listing_type import event_listing_type
from wegweiser.events.models import EventRegistration
from wegweiser.events.registration_mails import release_unconfirmed_registrations
from wegweiser.events.viewsets import EventAdminViewSetGroup
from wegweiser.plugin_api import PersonalData, ScheduledJob


@hooks.register("register_listing_type")
def register_event():
    return event_listing_type()


@hooks.register("register_personal_data")
def register_event_registrations():
    """Registrations on the core's "copy or delete my data" page."""
    return PersonalData.from_module(privacy, "event_registrations", _("Event registrations"))


@hooks.register("register_admin_viewset")
def register_event_admin():
    return EventAdminViewSetGroup()


@hooks.register("register_scheduled_jobs")
def register_event_jobs():
    return [
        ScheduledJob(
            "events.sync_calendar_feeds",
            datetime.timedelta(hours=1),
            sync_all_feeds,
            _("Imports the partners' registered iCal calendars."),
            labels={
                "feeds": _("calendars"),
                "created": _("events created"),
                "updated": _("updated"),
                "removed": _("removed"),
            },
        ),
        ScheduledJob(
            "events.delete_past_registrations",
            datetime.timedelta(days=1),
            jobs.delete_past_registrations,
            _("Deletes event registrations two weeks after the event (data minimisation)."),
        ),
        ScheduledJob(
            "events.move_on_next_dates",
            datetime.timedelta(hours=1),
            jobs.move_on_next_dates,
            _("Moves events whose next date has begun on to the date after it, for the finder's order."),
            labels={"moved_on": _("events moved on")},
        ),
        ScheduledJob(
            "events.release_registrations",
            datetime.timedelta(minutes=5),
            release_unconfirmed_registrations,
            _("Releases places whose registration was not confirmed in time and moves the waiting list up."),
            labels={"moved_up": _("moved up from the waiting list")},
        ),
    ]


@hooks.register("register_partner_dashboard_items")
def event_registrations_on_the_partner_dashboard(request, organisations):
    """Registrations for the organisation's coming event dates."""
    coming = EventRegistration.objects.filter(
        event__organisation__in=organisations,
        occurrence_start__gte=timezone.now(),
        status__in=[EventRegistration.Status.CONFIRMED, EventRegistration.Status.WAITING],
    )
    count = coming.count()
    return [
        {
            "name": "event_registrations",
            "label": ngettext(
                "Registration for your coming events", "Registrations for your coming events", count
            ),
            "value": count,
            "url": reverse("event_registrations:index"),
            "link_text": _("Open the registrations"),
        }
    ]
