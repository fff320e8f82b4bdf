"""Core models: pages, partner organisations, taxonomies, the Listing base and per-site settings."""

from wegweiser.site.models.accounts import AccountRequest
from wegweiser.site.models.day_parts import ListingDayPart
from wegweiser.site.models.easy_language import EasyLanguagePage
from wegweiser.site.models.forms import AccessibilityStatementPage, RateLimitCounter
from wegweiser.site.models.listing import (
    Listing,
    ListingManager,
    ListingQuerySet,
    current_listing_q,
    valid_on_q,
)
from wegweiser.site.models.log_entries import OrganisationLogEntry
from wegweiser.site.models.mail import OutgoingMail
from wegweiser.site.models.pages import (
    HomePage,
    ListingIndexPage,
    OrganisationIndexPage,
    OrganisationPage,
    StandardPage,
)
from wegweiser.site.models.places import PlaceMixin
from wegweiser.site.models.scheduling import ScheduledJobRun
from wegweiser.site.models.settings import PortalSettings
from wegweiser.site.models.taxonomies import District, Language, TargetGroup, Topic
from wegweiser.site.models.workflows import OfficeReviewTask

__all__ = [
    "AccessibilityStatementPage",
    "AccountRequest",
    "District",
    "EasyLanguagePage",
    "HomePage",
    "Language",
    "Listing",
    "ListingIndexPage",
    "ListingDayPart",
    "ListingManager",
    "ListingQuerySet",
    "OfficeReviewTask",
    "OrganisationIndexPage",
    "OrganisationLogEntry",
    "OutgoingMail",
    "OrganisationPage",
    "PlaceMixin",
    "PortalSettings",
    "RateLimitCounter",
    "ScheduledJobRun",
    "StandardPage",
    "TargetGroup",
    "Topic",
    "current_listing_q",
    "valid_on_q",
]
