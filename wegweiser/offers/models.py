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

from wegweiser.offers.structured_data import offer_json_ld, offer_json_ld_data
from wegweiser.plugin_api import Listing, ShownSlot, TimeSlot, shown_slots, time_slots_of, weekly_slots_field


class CourseLevel(models.TextChoices):
    """A language course's level, lowest first: a course's range runs from one to another."""

    ALPHA = "alpha", _("literacy (Alpha)")
    A1 = "a1", "A1"
    A2 = "a2", "A2"
    B1 = "b1", "B1"
    B2 = "b2", "B2"
    C1 = "c1", "C1"
    C2 = "c2", "C2"


def course_level_field(verbose_name, help_text) -> models.CharField:
    """One end of a course's level range, optional (not every offer is a language course)."""
    return models.CharField(
        verbose_name, max_length=10, choices=CourseLevel.choices, blank=True, help_text=help_text
    )


class OfferPage(Listing):
    """One offer of a partner organisation: a course, a counselling service, a service or a group."""

    class Kind(models.TextChoices):
        COURSE = "course", _("course")
        COUNSELLING = "counselling", _("counselling")
        SERVICE = "service", _("service")
        GROUP = "group", _("group or meeting")

    Level = CourseLevel

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("in person")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("in person and online")

    kind = models.CharField(_("kind of offer"), max_length=20, choices=Kind.choices, default=Kind.COURSE)
    level_from = course_level_field(
        _("course level from"), _("Only for language courses: the level participants start at.")
    )
    level_to = course_level_field(
        _("course level to"), _("The level the course leads to; leave empty if it is the same.")
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
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("level_from"), FieldPanel("level_to")]),
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
        index.FilterField("level_from"),
        index.FilterField("level_to"),
        index.FilterField("childcare"),
        index.FilterField("mode"),
    ]

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")

    def clean(self):
        super().clean()
        if (self.level_from or self.level_to) and self.kind != self.Kind.COURSE:
            raise ValidationError({"level_from": _("Only courses have a level.")})
        self.level_from = self.level_from or self.level_to
        self.level_to = self.level_to or self.level_from
        if self.level_rank(self.level_to) < self.level_rank(self.level_from):
            raise ValidationError(
                {
                    "level_to": _(
                        "The level a course leads to cannot be below the level it starts at "
                        "(%(start)s). Choose %(start)s or higher, or swap the two."
                    )
                    % {"start": self.get_level_from_display()}
                }
            )

    @classmethod
    def level_rank(cls, level: str) -> int:
        """Position in the order literacy, A1 … C2 (-1 for none): the range compares by it, not by code."""
        return cls.Level.values.index(level) if level in cls.Level.values else -1

    @property
    def levels(self) -> list[str]:
        """Every level the course covers, lowest first: it is found under each of them."""
        first, last = self.level_from or self.level_to, self.level_to or self.level_from
        if not first:
            return []
        return self.Level.values[self.level_rank(first) : self.level_rank(last) + 1] or [first]

    @property
    def level_range_label(self) -> str:
        """The range as visitors read it, "A1 – B1" (or "A1" alone), with level names in the active language."""
        first, last = self.level_from or self.level_to, self.level_to or self.level_from
        if not first:
            return ""
        labels = dict(self.Level.choices)
        if first == last:
            return str(labels[first])
        return f"{labels[first]} – {labels[last]}"

    @property
    def is_course(self) -> bool:
        return self.kind == self.Kind.COURSE

    @cached_property
    def upcoming_course_dates(self) -> list[CourseDate]:
        """Dates not yet over, soonest first; uses prefetched dates when the list was prefetched."""
        today = timezone.localdate()
        dates = [course_date for course_date in self.course_dates.all() if course_date.is_upcoming(today)]
        return sorted(dates, key=lambda course_date: (course_date.start_date, course_date.pk or 0))

    @property
    def has_full_course_date(self) -> bool:
        """A date not cancelled but fully booked: the page then offers a place alert."""
        return any(
            course_date.is_full and not course_date.is_cancelled for course_date in self.upcoming_course_dates
        )

    def time_slots(self) -> list[TimeSlot]:
        """The weekly slots of every course date not cancelled: the course is found by their times of day."""
        slots = []
        for course_date in self.course_dates.all():
            if not course_date.is_cancelled:
                slots.extend(course_date.time_slots)
        return slots

    @cached_property
    def next_course_date_with_seats(self) -> CourseDate | None:
        return next(
            (course_date for course_date in self.upcoming_course_dates if course_date.has_free_seats), None
        )

    def structured_data(self, request=None) -> dict:
        return offer_json_ld_data(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = offer_json_ld(self, request)
        return context


class CourseDate(Orderable):
    """One run of a course: when it starts and ends, when it meets, how many seats are still free, and
    whether one can register (planned, open, fully booked) or it is cancelled."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned – registration not open yet")
        OPEN = "open", _("open for registration")
        FULL = "full", _("fully booked")
        CANCELLED = "cancelled", _("cancelled")

    page = ParentalKey(OfferPage, on_delete=models.CASCADE, related_name="course_dates")
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"), null=True, blank=True)
    slots = weekly_slots_field(
        verbose_name=_("times"),
        help_text=_(
            "When the course meets: tick the weekdays and enter the times; add a slot for other times."
        ),
    )
    schedule = models.CharField(
        _("note on the times"),
        max_length=200,
        blank=True,
        help_text=_(
            "Only what the times above cannot say, e.g. “not in the school holidays”. Old entries that could "
            "not be read as times are kept here."
        ),
    )
    seats_total = models.PositiveSmallIntegerField(_("seats in total"), null=True, blank=True)
    seats_free = models.PositiveSmallIntegerField(
        _("seats free"), null=True, blank=True, help_text=_("Leave empty if you do not know.")
    )
    registration_deadline = models.DateField(_("register by"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    cancellation_reason = models.CharField(
        _("reason for the cancellation"),
        max_length=200,
        blank=True,
        help_text=_(
            "Shown next to the struck-through date, e.g. “The teacher is ill; the next course starts in May.”"
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("slots"),
        FieldPanel("schedule"),
        FieldRowPanel(
            [FieldPanel("seats_total"), FieldPanel("seats_free"), FieldPanel("registration_deadline")]
        ),
        FieldRowPanel([FieldPanel("status"), FieldPanel("cancellation_reason")]),
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
        if self.status == self.Status.FULL and self.seats_free:
            errors["seats_free"] = _("A fully booked date has no free seats: enter 0 or leave it empty.")
        if self.status == self.Status.CANCELLED and not self.cancellation_reason.strip():
            errors["cancellation_reason"] = _(
                "Please say why the date is cancelled: visitors see the reason."
            )
        if self.status != self.Status.CANCELLED and self.cancellation_reason.strip():
            errors["cancellation_reason"] = _(
                "Only a cancelled date has a reason: choose “cancelled” or leave the reason empty."
            )
        if errors:
            raise ValidationError(errors)

    @cached_property
    def time_slots(self) -> list[TimeSlot]:
        return time_slots_of(self.slots)

    @property
    def shown_slots(self) -> list[ShownSlot]:
        """The slots in the visitor's language and time format, for the page."""
        return shown_slots(self.time_slots)

    def is_upcoming(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (self.end_date or self.start_date) >= today

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_full(self) -> bool:
        """Fully booked: so marked, or no free seat left."""
        return self.status == self.Status.FULL or self.seats_free == 0

    @property
    def has_free_seats(self) -> bool:
        """Unknown counts as possibly free: the visitor should ask rather than give up."""
        return not self.is_cancelled and not self.is_full

    @property
    def registration_open(self) -> bool:
        if self.status in (self.Status.PLANNED, self.Status.CANCELLED):
            return False
        return self.registration_deadline is None or self.registration_deadline >= timezone.localdate()
