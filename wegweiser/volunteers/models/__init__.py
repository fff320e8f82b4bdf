"""Volunteering models: opportunities (pages), sign-ups (personal data) and the outgoing mail queue."""

from wegweiser.volunteers.models.applications import VolunteerApplication
from wegweiser.volunteers.models.mail import OutgoingMail
from wegweiser.volunteers.models.opportunities import Suitability, VolunteerOpportunityPage

__all__ = ["OutgoingMail", "Suitability", "VolunteerApplication", "VolunteerOpportunityPage"]
