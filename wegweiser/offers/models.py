"""Offers: courses, counselling, services and groups that partner organisations run, with course dates."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from wegweiser.site.models import Listing


class OfferPage(Listing):
    """One offer of a partner organisation: a course, a counselling service, a service or a group."""

    class Kind(models.TextChoices):
        COURSE = "course", _("course")
        COUNSELLING = "counselling", _("counselling")
        SERVICE = "service", _("service")
        GROUP = "group", _("group or meeting")

    class Level(models.TextChoices):
        ALPHA = "alpha", _("literacy (Alpha)")
        A1 = "a1", "A1"
        A2 = "a2", "A2"
        B1 = "b1", "B1"
        B2 = "b2", "B2"
        C1 = "c1", "C1"

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("in person")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("in person and online")

    kind = models.CharField(_("kind of offer"), max_length=20, choices=Kind.choices, default=Kind.COURSE)
    course_level = models.CharField(
        _("course level"),
        max_length=10,
        choices=Level.choices,
        blank=True,
        help_text=_("Only for language courses: the level the course leads to."),
    )
    childcare = models.BooleanField(_("childcare available"), default=False)
    mode = models.CharField(
        _("online or in person"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON
    )
    opening_hours = models.TextField(
        _("opening hours"), blank=True, help_text=_("For example: Mon and Wed 9–12, Thu 14–17.")
    )
    by_appointment_only = models.BooleanField(
        _("by appointment only"), default=False, help_text=_("Visitors must make an appointment first.")
    )

    content_panels = [
        *Listing.content_panels[:3],
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("course_level")]),
                FieldRowPanel([FieldPanel("mode"), FieldPanel("childcare")]),
            ],
            heading=_("Kind of offer"),
        ),
        *Listing.content_panels[3:],
        MultiFieldPanel(
            [FieldPanel("opening_hours"), FieldPanel("by_appointment_only")],
            heading=_("Opening hours"),
        ),
        InlinePanel("course_dates", heading=_("Course dates"), label=_("course date")),
    ]
    search_fields = [
        *Listing.search_fields,
        index.FilterField("kind"),
        index.FilterField("course_level"),
        index.FilterField("childcare"),
        index.FilterField("mode"),
    ]
    template = "offers/offer_page.html"

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")

    def clean(self):
        super().clean()
        if self.course_level and self.kind != self.Kind.COURSE:
            raise ValidationError({"course_level": _("Only courses have a level.")})

    @property
    def is_course(self) -> bool:
        return self.kind == self.Kind.COURSE

    @cached_property
    def upcoming_course_dates(self) -> list[CourseDate]:
        """Dates not yet over, soonest first; uses prefetched dates when the list was prefetched."""
        today = timezone.localdate()
        dates = [course_date for course_date in self.course_dates.all() if course_date.is_upcoming(today)]
        return sorted(dates, key=lambda course_date: (course_date.start_date, course_date.pk or 0))

    @cached_property
    def next_course_date_with_seats(self) -> CourseDate | None:
        return next(
            (course_date for course_date in self.upcoming_course_dates if course_date.has_free_seats), None
        )

    def structured_data(self, request=None) -> dict:
        from wegweiser.offers.structured_data import offer_json_ld_data

        return offer_json_ld_data(self, request)

    def get_context(self, request, *args, **kwargs):
        from wegweiser.offers.structured_data import offer_json_ld

        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = offer_json_ld(self, request)
        return context


class CourseDate(Orderable):
    """One run of a course: when it starts and ends, when it meets, and how many seats are still free."""

    page = ParentalKey(OfferPage, on_delete=models.CASCADE, related_name="course_dates")
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"), null=True, blank=True)
    schedule = models.CharField(
        _("times"), max_length=200, blank=True, help_text=_("For example: Mon–Fri 8:30–12:45.")
    )
    seats_total = models.PositiveSmallIntegerField(_("seats in total"), null=True, blank=True)
    seats_free = models.PositiveSmallIntegerField(
        _("seats free"), null=True, blank=True, help_text=_("Leave empty if you do not know.")
    )
    registration_deadline = models.DateField(_("register by"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("schedule"),
        FieldRowPanel(
            [FieldPanel("seats_total"), FieldPanel("seats_free"), FieldPanel("registration_deadline")]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("course date")
        verbose_name_plural = _("course dates")

    def __str__(self) -> str:
        return f"{self.page.title}: {self.start_date:%d.%m.%Y}"

    def clean(self):
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        if (
            self.seats_free is not None
            and self.seats_total is not None
            and self.seats_free > self.seats_total
        ):
            errors["seats_free"] = _("There cannot be more free seats than seats in total.")
        if errors:
            raise ValidationError(errors)

    def is_upcoming(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (self.end_date or self.start_date) >= today

    @property
    def has_free_seats(self) -> bool:
        """Unknown counts as possibly free: the visitor should ask rather than give up."""
        return self.seats_free is None or self.seats_free > 0

    @property
    def registration_open(self) -> bool:
        return self.registration_deadline is None or self.registration_deadline >= timezone.localdate()
