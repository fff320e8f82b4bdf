"""Registration only: the event listing type and the admin views for calendar feeds and registrations."""

from wagtail import hooks

from wegweiser.events.listing_type import event_listing_type
from wegweiser.events.viewsets import EventAdminViewSetGroup


@hooks.register("register_listing_type")
def register_event():
    return event_listing_type()


@hooks.register("register_admin_viewset")
def register_event_admin():
    return EventAdminViewSetGroup()
