"""A volunteer opportunity: a listing below its organisation that volunteers can sign up for."""

from __future__ import annotations

from django import forms
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from wegweiser.plugin_api import Listing, PlaceMixin
from wegweiser.volunteers.models.applications import VolunteerApplication


class Suitability(models.Model):
    """Who an opportunity suits ("students", "seniors"): a fixed list, so filter links stay stable."""

    class Kind(models.TextChoices):
        ADULTS = "adults", _("adults")
        YOUNG_PEOPLE = "young-people", _("young people (16+)")
        STUDENTS = "students", _("students")
        SENIORS = "seniors", _("older people")
        FAMILIES = "families", _("families")
        NEWCOMERS = "newcomers", _("newcomers (little German needed)")

    slug = models.SlugField(_("code"), max_length=20, choices=Kind.choices, unique=True)

    class Meta:
        verbose_name = _("suitable for")
        verbose_name_plural = _("suitable for")
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(self.get_slug_display())

    @classmethod
    def ensure_all(cls) -> None:
        """Create the fixed rows (run from the data migration, the demo and tests)."""
        for value in cls.Kind.values:
            cls.objects.get_or_create(slug=value)


class VolunteerOpportunityPage(Listing):
    """Volunteering offered by a partner organisation ("Sprachpatenschaft", "Lesepatin")."""

    class Commitment(models.TextChoices):
        ONE_OFF = "one-off", _("one-off")
        WEEKLY = "weekly", _("weekly")
        FLEXIBLE = "flexible", _("flexible")

    tasks = RichTextField(
        _("tasks"), features=["bold", "italic", "link", "ul", "ol"], help_text=_("What volunteers will do.")
    )
    requirements = RichTextField(
        _("what we expect"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("For example: an extended police clearance certificate, reliability, a language."),
    )
    commitment = models.CharField(
        _("time commitment"), max_length=10, choices=Commitment.choices, default=Commitment.FLEXIBLE
    )
    time_note = models.CharField(
        _("time"),
        max_length=200,
        blank=True,
        help_text=_("For example: Tuesdays 3–5 pm, about two hours a week."),
    )
    suitable_for = ParentalManyToManyField(
        Suitability, verbose_name=_("suitable for"), blank=True, related_name="opportunities"
    )
    languages_wanted = ParentalManyToManyField(
        "core.Language", verbose_name=_("languages wanted"), blank=True, related_name="+"
    )
    places = models.PositiveSmallIntegerField(
        _("volunteers wanted"), default=1, validators=[MinValueValidator(1)]
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("tasks"),
        FieldPanel("requirements"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("commitment"), FieldPanel("places")]),
                FieldPanel("time_note"),
                FieldPanel("suitable_for", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages_wanted"),
            ],
            heading=_("Who you are looking for"),
        ),
        FieldPanel("body"),
        *Listing.topic_panels,
        *Listing.taking_part_panels(registration_link=False),
        *PlaceMixin.place_panels,
    ]
    search_fields = [
        *Listing.search_fields,
        index.SearchField("tasks"),
        index.SearchField("requirements"),
        index.FilterField("commitment"),
    ]

    class Meta:
        verbose_name = _("volunteer opportunity")
        verbose_name_plural = _("volunteer opportunities")

    @property
    def accepted_count(self) -> int:
        """Accepted volunteers over every translation of this opportunity (sign-ups may come in any language)."""
        return VolunteerApplication.objects.filter(
            opportunity__translation_key=self.translation_key, status=VolunteerApplication.Status.ACCEPTED
        ).count()

    @property
    def places_free(self) -> int:
        return max(0, self.places - self.accepted_count)

    @property
    def has_waiting_list(self) -> bool:
        return self.places_free == 0

    def get_context(self, request, *args, **kwargs):
        # the form imports the models
        from wegweiser.volunteers.forms import VolunteerSignupForm

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("signup_form", VolunteerSignupForm(opportunity=self))
        context["places_free"] = self.places_free
        return context
