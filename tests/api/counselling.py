"""A small listing type that exists only in these tests, so the API's generic machinery is tested
independently of whichever plugins are installed (the API must work for any registered type)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wegweiser.site.models import Listing
from wegweiser.site.registry import Facet, ListingType


class CounsellingHourPage(Listing):
    """Counselling hours of a partner: a focus (a choice field) and walk-in (a yes/no flag)."""

    class Focus(models.TextChoices):
        RESIDENCE = "residence", "Aufenthalt"
        WORK = "work", "Arbeit"
        FAMILY = "family", "Familie"

    focus = models.CharField(max_length=20, choices=Focus.choices, default=Focus.RESIDENCE)
    walk_in = models.BooleanField(default=False)

    class Meta:
        app_label = "api"


def counselling_listing_type() -> ListingType:
    return ListingType(
        key="counselling-hour",
        model=CounsellingHourPage,
        label=_("Counselling hour"),
        label_plural=_("Counselling hours"),
        facets=[
            Facet("focus", _("Focus"), "focus", choices=lambda: list(CounsellingHourPage.Focus.choices)),
            Facet("walk_in", _("Walk-in"), "walk_in", kind="flag"),
            Facet(
                "provider_kind",
                _("Kind of organisation"),
                "organisation__kind",
                choices=lambda: [
                    ("welfare", "welfare"),
                    ("association", "association"),
                    ("migrant", "migrant"),
                ],
            ),
        ],
    )
