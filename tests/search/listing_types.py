"""Two small listing types of the finder's own, so its tests do not depend on any plugin being installed.

They are registered only while a test runs (``hooks.register_temporarily``), exactly as a third-party
plugin's types would be; their tables exist because pytest builds the schema from the models it knows.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wegweiser.site.facets import time_of_day_facet
from wegweiser.site.models import Listing
from wegweiser.site.registry import Facet, ListingType
from wegweiser.site.schedules import TimeSlot, parse_schedule


class BulletinPage(Listing):
    """A notice on the town's board: information or a call for participation."""

    class Kind(models.TextChoices):
        INFORMATION = "information", "Information"
        CALL = "call", "Aufruf"

    class German(models.TextChoices):
        A1 = "a1", "A1"
        A2 = "a2", "A2"
        B1 = "b1", "B1"
        B2 = "b2", "B2"

    bulletin_kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.INFORMATION)
    #: The German a notice's offer is for, as a range (A1 to B1): a range facet, like a course's levels.
    german_from = models.CharField(max_length=2, choices=German.choices, blank=True)
    german_to = models.CharField(max_length=2, choices=German.choices, blank=True)
    #: When the notice's offer meets ("Mo–Fr 8:30–12:45"): its weekly slots give the time-of-day facet.
    meets = models.CharField(max_length=100, blank=True)

    class Meta:
        app_label = "search"

    def time_slots(self) -> list[TimeSlot]:
        return parse_schedule(self.meets)


class MeetingPage(Listing):
    """A regular meeting (a café, a group); no facets of its own."""

    class Meta:
        app_label = "search"


def bulletin_type() -> ListingType:
    return ListingType(
        key="bulletin",
        model=BulletinPage,
        label="Aushang",
        label_plural="Aushänge",
        facets=[
            Facet(
                "bulletin_kind",
                _("Kind of notice"),
                "bulletin_kind",
                choices=lambda: BulletinPage.Kind.choices,
            ),
            Facet(
                "german",
                _("German level"),
                "german_from",
                field_to="german_to",
                choices=lambda: BulletinPage.German.choices,
            ),
            time_of_day_facet(),
        ],
        document_fields={"bulletin_kind": lambda page: page.bulletin_kind},
    )


def meeting_type() -> ListingType:
    return ListingType(key="meeting", model=MeetingPage, label="Treffen", label_plural="Treffen")


def register_test_types():
    return [bulletin_type(), meeting_type()]
