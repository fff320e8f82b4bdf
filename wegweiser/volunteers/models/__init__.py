"""Volunteering models: opportunities (pages) and sign-ups (personal data); their mails are in the core's
outbox (``wegweiser.site.outbox``)."""

from wegweiser.volunteers.models.applications import VolunteerApplication
from wegweiser.volunteers.models.opportunities import Suitability, VolunteerOpportunityPage

__all__ = ["Suitability", "VolunteerApplication", "VolunteerOpportunityPage"]
