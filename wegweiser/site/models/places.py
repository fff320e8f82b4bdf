"""Where something happens: an address with its district, coordinates and accessibility."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail_localize.fields import SynchronizedField

from wegweiser.site.models.fields import optional_foreign_key


class PlaceMixin(models.Model):
    """Address fields shared by organisations and listings (the design's ``Location``)."""

    place_name = models.CharField(_("name of the place"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("town"), max_length=100, blank=True)
    district = optional_foreign_key("core.District", _("district"))
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    wheelchair_accessible = models.BooleanField(_("wheelchair accessible"), default=False)
    accessibility_notes = models.CharField(
        _("accessibility notes"),
        max_length=300,
        blank=True,
        help_text=_("For example: lift at the side entrance, accessible toilet on the ground floor."),
    )

    # A translation keeps the page's district as it is (shown by its slug in the visitor's language): the
    # office translates districts, and wagtail-localize would otherwise submit the district along with a
    # partner's page and write its German name over the office's translation. The postcode is no text to
    # translate either: offered in the translation editor, "٣٤١١٧" or a word in its place broke the page.
    override_translatable_fields = [SynchronizedField("district"), SynchronizedField("postcode")]

    place_panels = [
        MultiFieldPanel(
            [
                FieldPanel("place_name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("district"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("wheelchair_accessible"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Place"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def has_address(self) -> bool:
        return bool(self.street or self.city)

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def address_lines(self) -> list[str]:
        lines = [self.place_name, self.street, " ".join(part for part in (self.postcode, self.city) if part)]
        return [line for line in lines if line]
