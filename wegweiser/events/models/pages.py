"""The event page: one-off or recurring, with single occurrences cancelled or moved, and registration."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from wegweiser.events.models.registrations import EventRegistration
from wegweiser.events.occurrences import Occurrence, expand, zone
from wegweiser.events.recurrence import (
    WEEKDAYS,
    Frequency,
    RecurrenceRule,
    WeekOfMonth,
    last_local_start,
    parse_rrule,
    starts_on_rule,
    weekly_slots,
)
from wegweiser.events.structured_data import event_json_ld_data
from wegweiser.plugin_api import Listing, TaxonomyPageForm, TimeSlot, optional_foreign_key

UPCOMING_DAYS = 366


class EventPageForm(TaxonomyPageForm):
    """Weekdays as checkboxes rather than raw JSON."""

    recurrence_weekdays = forms.MultipleChoiceField(
        label=_("on these weekdays"),
        choices=WEEKDAYS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Weekly: every chosen weekday. Monthly: the first chosen weekday (default: the weekday of the start)."
        ),
    )


class EventPage(Listing):
    """An event of a partner organisation: information evening, Sprachcafé, festival, office hours."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("takes place")
        CANCELLED = "cancelled", _("cancelled")

    class RegistrationMode(models.TextChoices):
        NONE = "none", _("no registration needed")
        EXTERNAL = "external", _("registration via the link above")
        INTERNAL = "internal", _("registration on this portal")

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Times are ignored; the end is the last day.")
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Berlin", editable=False)
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("For online events: where to join.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    status_note = models.CharField(
        _("note on the status"),
        max_length=300,
        blank=True,
        help_text=_(
            "For example why it was cancelled. Everyone registered for a date that no longer takes place gets "
            "a mail with this note when you publish."
        ),
    )

    recurrence_frequency = models.CharField(
        _("repeats"), max_length=10, choices=Frequency.choices, default=Frequency.NONE, blank=True
    )
    recurrence_interval = models.PositiveSmallIntegerField(
        _("repeat every"), default=1, help_text=_("1 = every day/week/month, 2 = every second …")
    )
    recurrence_weekdays = models.JSONField(_("on these weekdays"), default=list, blank=True)
    recurrence_week_of_month = models.SmallIntegerField(
        _("week of the month"), choices=WeekOfMonth.choices, null=True, blank=True
    )
    recurrence_until = models.DateField(_("repeats until"), null=True, blank=True)
    recurrence_count = models.PositiveSmallIntegerField(_("number of dates"), null=True, blank=True)
    imported_rrule = models.TextField(_("imported repetition rule"), blank=True, editable=False)
    series_end = models.DateTimeField(editable=False, null=True, db_index=True)
    #: The start of the next date (the finder lists the next first), moved on by the job
    #: ``events.move_on_next_dates`` once it has passed; empty when no date is ahead.
    next_start = models.DateTimeField(editable=False, null=True, db_index=True)

    registration_mode = models.CharField(
        _("registration"), max_length=10, choices=RegistrationMode.choices, default=RegistrationMode.NONE
    )
    capacity = models.PositiveIntegerField(
        _("places per date"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    waiting_list = models.BooleanField(_("waiting list when full"), default=True)

    source_feed = optional_foreign_key("events.CalendarFeed", editable=False, related_name="events")
    ical_uid = models.CharField(max_length=255, blank=True, editable=False, db_index=True)
    ical_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    base_form_class = EventPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading=_("Date and time"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("recurrence_frequency"), FieldPanel("recurrence_interval")]),
                FieldPanel("recurrence_weekdays"),
                FieldPanel("recurrence_week_of_month"),
                FieldRowPanel([FieldPanel("recurrence_until"), FieldPanel("recurrence_count")]),
            ],
            # Open, not collapsed: a partner reopening a weekly event saw no sign that it repeats.
            heading=_("Repetition"),
        ),
        InlinePanel(
            "exceptions", heading=_("Single dates cancelled or moved"), label=_("Change of one date")
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("status_note")], heading=_("Status")),
        FieldPanel("body"),
        *Listing.classification_panels,
        *Listing.participation_panels,
        MultiFieldPanel(
            [
                FieldPanel("registration_mode"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_list")]),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("online_url"),
        *Listing.place_panels,
    ]
    search_fields = [*Listing.search_fields, index.FilterField("start"), index.FilterField("status")]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    # -- time --------------------------------------------------------------------------------------
    @property
    def tz(self):
        return zone(self.time_zone)

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def recurrence(self) -> RecurrenceRule | None:
        if not self.recurrence_frequency:
            return None
        return RecurrenceRule(
            frequency=self.recurrence_frequency,
            interval=self.recurrence_interval or 1,
            weekdays=tuple(self.recurrence_weekdays or ()),
            week_of_month=self.recurrence_week_of_month,
            until=self.recurrence_until,
            count=self.recurrence_count,
        )

    @property
    def rrule(self) -> str:
        """The RFC 5545 RRULE value of the series ('' for a one-off event)."""
        recurrence = self.recurrence
        if recurrence is None:
            return self.imported_rrule
        return recurrence.to_rrule(self.start.astimezone(self.tz), self.tz, all_day=self.all_day)

    def set_rrule(self, text: str) -> None:
        """Take a rule from a calendar: into the editor's fields if they can express it, else kept verbatim."""
        recurrence = parse_rrule(text, self.tz) if text else None
        self.imported_rrule = "" if recurrence or not text else text
        recurrence = recurrence or RecurrenceRule(frequency=Frequency.NONE)
        self.recurrence_frequency = recurrence.frequency
        self.recurrence_interval = recurrence.interval
        self.recurrence_weekdays = list(recurrence.weekdays)
        self.recurrence_week_of_month = recurrence.week_of_month
        self.recurrence_until = recurrence.until
        self.recurrence_count = recurrence.count

    def time_slots(self) -> list[TimeSlot]:
        """The weekly slot of the event's own dates, for the ``time_of_day`` facet (evenings, weekends)."""
        if not self.start:
            return []
        tz = self.tz
        local_end = self.end.astimezone(tz) if self.end else None
        return weekly_slots(
            self.start.astimezone(tz),
            local_end,
            self.all_day,
            self.recurrence_frequency,
            self.recurrence_weekdays or (),
        )

    def occurrences(self, window_start: datetime.datetime, window_end: datetime.datetime) -> list[Occurrence]:
        return expand(self, window_start, window_end)

    def upcoming_occurrences(self, limit: int = 10, now: datetime.datetime | None = None) -> list[Occurrence]:
        now = now or timezone.now()
        return self.occurrences(now, now + datetime.timedelta(days=UPCOMING_DAYS))[:limit]

    @cached_property
    def next_occurrence(self) -> Occurrence | None:
        upcoming = self.upcoming_occurrences(limit=1)
        return upcoming[0] if upcoming else None

    def occurrence_by_key(self, key: str) -> Occurrence | None:
        for occurrence in self.upcoming_occurrences(limit=100):
            if occurrence.key == key:
                return occurrence
        return None

    def _compute_series_end(self) -> datetime.datetime | None:
        tz = self.tz
        length = (self.end - self.start) if self.end and self.end > self.start else datetime.timedelta(0)
        if self.all_day:
            length += datetime.timedelta(days=1)
        rule = self.rrule
        if rule:
            last = last_local_start(rule, self.start.astimezone(tz).replace(tzinfo=None), tz)
            if last is None:
                return None
            end = last.replace(tzinfo=tz) + length
        else:
            end = self.start + length
        if self.pk:
            for exception in self.exceptions.all():
                if exception.new_start:
                    end = max(end, exception.new_end or exception.new_start + length)
        return end

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.all_day:
            local = self.start.astimezone(self.tz)
            self.start = datetime.datetime.combine(local.date(), datetime.time.min, tzinfo=self.tz)
            if self.end:
                self.end = datetime.datetime.combine(
                    self.end.astimezone(self.tz).date(), datetime.time.min, tzinfo=self.tz
                )
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if self.recurrence_frequency:
            if self.recurrence_until and self.recurrence_count:
                errors["recurrence_count"] = _("Give either an end date or a number of dates, not both.")
            if (
                self.recurrence_until
                and self.start
                and self.recurrence_until < self.start.astimezone(self.tz).date()
            ):
                errors["recurrence_until"] = _("The repetition cannot end before the first date.")
            if self.recurrence_frequency == Frequency.MONTHLY and not self.recurrence_week_of_month:
                errors["recurrence_week_of_month"] = _("Choose in which week of the month the event repeats.")
            if self.start and not errors:
                errors.update(self._first_date_errors())
        elif self.recurrence_weekdays or self.recurrence_until or self.recurrence_count:
            errors["recurrence_frequency"] = _(
                "Choose how often the event repeats, or clear the repetition fields."
            )
        if self.registration_mode == self.RegistrationMode.EXTERNAL and not self.registration_url:
            errors["registration_mode"] = _(
                "Enter the registration link, or choose another kind of registration."
            )
        if errors:
            raise ValidationError(errors)

    def _first_date_errors(self) -> dict:
        """The first date must itself follow the rule, or calendars would disagree about it."""
        if not starts_on_rule(self.rrule, self.start.astimezone(self.tz).replace(tzinfo=None)):
            return {"start": _("The first date does not match the repetition (check the weekday).")}
        return {}

    def save(self, *args, **kwargs):
        if self.start:
            self.series_end = self._compute_series_end()
        self.next_start = self.compute_next_start()
        return super().save(*args, **kwargs)

    def compute_next_start(self, now: datetime.datetime | None = None) -> datetime.datetime | None:
        """The start of the date under way at ``now`` or else of the next one (a moved date where it moved to)."""
        if not self.start:
            return None
        upcoming = self.upcoming_occurrences(limit=1, now=now)
        return upcoming[0].start if upcoming else None

    # -- registration ------------------------------------------------------------------------------
    @property
    def takes_registrations(self) -> bool:
        return self.registration_mode == self.RegistrationMode.INTERNAL and not self.is_cancelled

    @cached_property
    def registration_event(self) -> EventPage:
        """Registrations count against the original (German) page, whichever translation they come from."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        original = EventPage.objects.filter(translation_key=self.translation_key, locale=default).first()
        return original or self

    def places_left(self, occurrence: Occurrence) -> int | None:
        """Places not yet confirmed or held for someone; ``None`` when there is no limit."""
        if self.capacity is None:
            return None
        taken = EventRegistration.places_taken(self.registration_event, occurrence.original_start).count()
        return max(self.capacity - taken, 0)

    def registrations_on_changed_dates(
        self, now: datetime.datetime | None = None
    ) -> list[tuple[EventRegistration, datetime.datetime | None, str]]:
        """Registrations still holding a place for a date that changed since the person was last told: each
        with where the date now starts (``None``: it no longer takes place) and the organiser's note.

        A date is gone when the event or the date was cancelled, or the series was changed so that the
        date is not in it any more; it moved when it now starts at another time than the one the person
        knows (``EventRegistration.announced_start``, else the time they registered for)."""
        now = now or timezone.now()
        registrations = (
            EventRegistration.objects.filter(event=self, occurrence_start__gte=now)
            .exclude(status=EventRegistration.Status.WITHDRAWN)
            .order_by("occurrence_start", "pk")
        )
        changed, dates = [], {}
        for registration in registrations:
            original = registration.occurrence_start
            if original not in dates:
                dates[original] = self.date_now(original)
            start, note = dates[original]
            if start != registration.starts:
                changed.append((registration, start, note))
        return changed

    def date_now(self, original_start: datetime.datetime) -> tuple[datetime.datetime | None, str]:
        """Where the date planned for ``original_start`` now starts (``None``: it does not take place), and
        the note on it."""
        if self.is_cancelled:
            return None, self.status_note
        occurrence = self.occurrence_now(original_start)
        if occurrence is None or occurrence.cancelled:
            return None, occurrence.note if occurrence else ""
        return occurrence.start, occurrence.note

    def occurrence_now(self, original_start: datetime.datetime) -> Occurrence | None:
        """The date planned for ``original_start`` as it is now: where it moved to, with its own end, or
        cancelled (``None``: the series was changed so that it is not in it any more)."""
        day = original_start.astimezone(self.tz).date()
        moved_to = [
            exception.new_start
            for exception in self.exceptions.all()
            if exception.occurrence_date == day and not exception.is_cancellation and exception.new_start
        ]
        for moment in (original_start, *moved_to):
            for occurrence in self.occurrences(moment, moment):
                if occurrence.original_start == original_start:
                    return occurrence
        return None

    def registration_dates(self) -> list[tuple[Occurrence, int | None]]:
        """The dates open for registration with their places left (``None``: no limit)."""
        return [
            (occurrence, self.places_left(occurrence))
            for occurrence in self.upcoming_occurrences()
            if not occurrence.cancelled
        ]

    # -- page --------------------------------------------------------------------------------------
    def structured_data(self, request=None) -> dict:
        return event_json_ld_data(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        upcoming = self.upcoming_occurrences(limit=12)
        context["upcoming"] = upcoming
        if self.takes_registrations:
            context["registration_dates"] = self.registration_dates()
            context["a_date_is_full"] = any(left == 0 for _occurrence, left in context["registration_dates"])
        return context


class EventException(Orderable):
    """One date of a series cancelled or moved, without touching the series itself."""

    class Action(models.TextChoices):
        CANCEL = "cancel", _("cancelled")
        MOVE = "move", _("moved")

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="exceptions")
    occurrence_date = models.DateField(_("date concerned"), help_text=_("The date as it was planned."))
    action = models.CharField(_("what happens"), max_length=10, choices=Action.choices, default=Action.CANCEL)
    new_start = models.DateTimeField(_("new start"), null=True, blank=True)
    new_end = models.DateTimeField(_("new end"), null=True, blank=True)
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_(
            "For example: moved to room 2. Everyone registered for the date gets a mail with this note when "
            "you publish."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("occurrence_date"), FieldPanel("action")]),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("change of one date")
        verbose_name_plural = _("changes of single dates")

    @property
    def is_cancellation(self) -> bool:
        return self.action == self.Action.CANCEL

    def clean(self):
        if self.action == self.Action.MOVE and not self.new_start:
            raise ValidationError({"new_start": _("Enter when the moved date now starts.")})
        if self.new_start and self.new_end and self.new_end < self.new_start:
            raise ValidationError({"new_end": _("The moved date cannot end before it starts.")})
