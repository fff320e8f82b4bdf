"""The events plugin's models: event pages with their exceptions, registrations, imported calendar feeds."""

from wegweiser.events.models.feeds import CalendarFeed
from wegweiser.events.models.pages import EventException, EventPage
from wegweiser.events.models.registrations import EventRegistration

__all__ = ["CalendarFeed", "EventException", "EventPage", "EventRegistration"]
