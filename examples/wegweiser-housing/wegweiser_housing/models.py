"""Housing offers: flats, rooms and temporary accommodation that partners acquire for refugees and newcomers.

Finding a flat is the hardest step after arrival; integration offices collect offers from landlords,
welfare associations and volunteers. The facts people filter by (size, rent, whether the Jobcenter's rent
payment is accepted, whether a WBS is needed) are plain fields so that the finder, search and API can use them.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from wegweiser.plugin_api import Listing


class HousingKind(models.TextChoices):
    FLAT = "flat", _("flat")
    SHARED_FLAT = "shared_flat", _("room in a shared flat")
    ROOM = "room", _("room in a private household")
    TEMPORARY = "temporary", _("temporary accommodation")


class Wbs(models.TextChoices):
    """Whether a housing entitlement certificate (Wohnberechtigungsschein) is needed — a choice, not a
    yes/no flag, because visitors filter for the offers they *can* take ("no WBS needed")."""

    NOT_NEEDED = "not_needed", _("no WBS needed")
    REQUIRED = "required", _("WBS required")


class RoomBand(models.TextChoices):
    """Room counts grouped for the finder, so "4 or more rooms" also finds a five-room flat."""

    ONE = "1", _("1 room")
    TWO = "2", _("2 rooms")
    THREE = "3", _("3 rooms")
    FOUR_PLUS = "4+", _("4 or more rooms")


def room_band_for(rooms: int | None) -> str:
    if not rooms or rooms <= 1:
        return RoomBand.ONE
    if rooms >= 4:
        return RoomBand.FOUR_PLUS
    return str(rooms)


MONEY_VALIDATORS = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("99999"))]


def rent_field(verbose_name, help_text) -> models.DecimalField:
    """A monthly rent in euros and cents, optional (a partner may not know it yet)."""
    return models.DecimalField(
        verbose_name,
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=MONEY_VALIDATORS,
        help_text=help_text,
    )


class HousingOfferPage(Listing):
    """One flat, room or temporary accommodation, offered through a partner organisation."""

    kind = models.CharField(
        _("kind of housing"), max_length=20, choices=HousingKind.choices, default=HousingKind.FLAT
    )
    rooms = models.PositiveSmallIntegerField(
        _("rooms"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("Number of rooms without kitchen and bathroom; 1 for a single room."),
    )
    room_band = models.CharField(max_length=2, choices=RoomBand.choices, default=RoomBand.ONE, editable=False)
    living_space = models.DecimalField(
        _("living space (m²)"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("5")), MaxValueValidator(Decimal("1000"))],
    )
    rent_cold = rent_field(
        _("basic rent (€ per month)"), _("Kaltmiete: without heating and service charges.")
    )
    rent_warm = rent_field(
        _("total rent (€ per month)"), _("Warmmiete: including heating and service charges.")
    )
    available_from = models.DateField(
        _("available from"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the housing is available now."),
    )
    wbs = models.CharField(
        _("housing entitlement certificate (WBS)"), max_length=12, choices=Wbs.choices, default=Wbs.NOT_NEEDED
    )
    kdu_accepted = models.BooleanField(
        _("rent paid by Jobcenter or social welfare office accepted"),
        default=False,
        help_text=_(
            "The landlord accepts that the Jobcenter or Sozialamt pays the rent (Kosten der Unterkunft)."
        ),
    )
    furnished = models.BooleanField(_("furnished"), default=False)
    barrier_free = models.BooleanField(
        _("barrier-free"),
        default=False,
        help_text=_("Step-free access and barrier-free bathroom (DIN 18040-2)."),
    )
    family_suitable = models.BooleanField(_("suitable for families"), default=False)
    # Housing usually costs rent, so a new offer starts at "fee" rather than the base's "free of charge".
    cost = models.CharField(_("cost"), max_length=10, choices=Listing.Cost.choices, default=Listing.Cost.FEE)

    housing_panels = [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("rooms"), FieldPanel("living_space")]),
                FieldRowPanel([FieldPanel("rent_cold"), FieldPanel("rent_warm")]),
                FieldPanel("available_from"),
                FieldPanel("wbs"),
                FieldPanel("kdu_accepted"),
                FieldRowPanel(
                    [FieldPanel("furnished"), FieldPanel("barrier_free"), FieldPanel("family_suitable")]
                ),
            ],
            heading=_("The housing"),
        )
    ]
    content_panels = [
        *Listing.content_panels[:2],  # title, summary
        *housing_panels,
        *Listing.content_panels[2:],
    ]
    search_fields = [
        *Listing.search_fields,
        index.FilterField("kind"),
        index.FilterField("room_band"),
        index.FilterField("wbs"),
        index.FilterField("kdu_accepted"),
        index.FilterField("barrier_free"),
        index.FilterField("family_suitable"),
    ]

    class Meta:
        verbose_name = _("housing offer")
        verbose_name_plural = _("housing offers")

    def clean(self):
        super().clean()
        if self.rent_cold is not None and self.rent_warm is not None and self.rent_warm < self.rent_cold:
            raise ValidationError(
                {
                    "rent_warm": _(
                        "The total rent cannot be lower than the basic rent; it includes heating and charges."
                    )
                }
            )
        if self.kind in (HousingKind.SHARED_FLAT, HousingKind.ROOM) and self.rooms and self.rooms > 1:
            raise ValidationError({"rooms": _("A room offer has one room. Offer several rooms one by one.")})

    def save(self, *args, **kwargs):
        self.room_band = room_band_for(self.rooms)
        return super().save(*args, **kwargs)

    def is_available_now(self, today: datetime.date | None = None) -> bool:
        return self.available_from is None or self.available_from <= (today or timezone.localdate())

    @property
    def rent_shown(self) -> Decimal | None:
        """The rent a newcomer must plan for: the total rent, else the basic rent."""
        return self.rent_warm if self.rent_warm is not None else self.rent_cold
