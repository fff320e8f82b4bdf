"""Registrations for events with limited places: the address is confirmed first, then a place is final.

A new registration holds its place (or its waiting-list position) for
``WEGWEISER_EVENT_REGISTRATION_HOLD_MINUTES``; until the person follows the link in the mail it is
*pending*. When the hold runs out, the scheduled job ``events.release_registrations`` gives the place to
the waiting list; the link still confirms for ``WEGWEISER_EVENT_REGISTRATION_CONFIRM_DAYS`` after the
registration and then gets a place if one is free (a newcomer reads mail once a day, not within two hours),
and after that the job deletes the registration. So a flood of forged registrations can hold places only
for a while and never makes one final.

Personal data lives only here: never in a page, the search index or a cache, and it is deleted
once the event is over (see :func:`wegweiser.events.jobs.delete_past_registrations`).
"""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wegweiser.plugin_api import announce_places_opened, in_language, owned_mails


def hold_time() -> datetime.timedelta:
    """How long an unconfirmed registration holds its place."""
    return datetime.timedelta(
        minutes=int(getattr(settings, "WEGWEISER_EVENT_REGISTRATION_HOLD_MINUTES", 120))
    )


def confirm_time() -> datetime.timedelta:
    """How long after registering the link in the mail still confirms (a place only if one is free once the
    hold ran out); an unconfirmed registration is deleted after it."""
    return datetime.timedelta(days=int(getattr(settings, "WEGWEISER_EVENT_REGISTRATION_CONFIRM_DAYS", 2)))


class EventRegistration(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("address not yet confirmed")
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("on the waiting list")
        WITHDRAWN = "withdrawn", _("withdrawn")

    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    occurrence_start = models.DateTimeField(
        _("date of the event"), help_text=_("The date as planned, also if it was moved.")
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=120)
    email = models.EmailField(_("email"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    token = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    language = models.CharField(_("language"), max_length=10, default="de")
    confirmed_at = models.DateTimeField(_("address confirmed at"), null=True, blank=True)
    hold_until = models.DateTimeField(_("held until"), null=True, blank=True)
    announced_start = models.DateTimeField(
        _("moved date announced"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Where the date starts as the person was last told, after it was moved."),
    )
    consent_text = models.TextField(_("consent text"), blank=True)
    consent_version = models.CharField(_("consent version"), max_length=20, blank=True)

    outgoing_mails = owned_mails()  # mails not yet delivered go with the registration

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["occurrence_start", "created_at", "pk"]
        indexes = [models.Index(fields=["event", "occurrence_start", "status"])]

    def __str__(self) -> str:
        """As the partner's admin names it: the event by the title the partner wrote (``event_title`` where the
        list annotated it), not that of the language version the person registered on."""
        title = getattr(self, "event_title", None) or in_language(self.event, settings.LANGUAGE_CODE).title
        return f"{self.name} – {title} ({self.get_status_display()})"

    def personal_data(self) -> dict:
        """Everything stored about the person for this registration (GDPR Art. 15 export)."""
        return {
            "event": self.event.title,
            "date": self.occurrence_start,
            "name": self.name,
            "email": self.email,
            "status": self.status,
            "language": self.language,
            "consent_text": self.consent_text,
            "consent_version": self.consent_version,
            "registered": self.created_at,
            "confirmed": self.confirmed_at,
        }

    @property
    def starts(self) -> datetime.datetime:
        """When the date starts as the person knows it: where it moved to, if it moved."""
        return self.announced_start or self.occurrence_start

    @property
    def address_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def link_expires(self) -> datetime.datetime:
        """Until when the link in the mail confirms the registration."""
        return self.created_at + confirm_time()

    @classmethod
    def holding_a_place(cls, now=None) -> Q:
        """Confirmed places and places still held for an unconfirmed address."""
        return Q(status=cls.Status.CONFIRMED) | Q(
            status=cls.Status.PENDING, hold_until__gt=now or timezone.now()
        )

    @classmethod
    def places_taken(cls, event, occurrence_start, now=None):
        return cls.objects.filter(event=event, occurrence_start=occurrence_start).filter(
            cls.holding_a_place(now)
        )

    @classmethod
    def waiting_list(cls, event, occurrence_start):
        """Who is waiting for a place on the date, first come first: those who confirmed their address (the
        others never move up)."""
        return cls.objects.filter(
            event=event,
            occurrence_start=occurrence_start,
            status=cls.Status.WAITING,
            confirmed_at__isnull=False,
        ).order_by("created_at", "pk")

    @classmethod
    def register(
        cls, event, occurrence, name: str, email: str, language: str = "de", consent: dict | None = None
    ) -> tuple[EventRegistration | None, bool]:
        """``(registration, created)``: a held place, else a waiting-list position, else ``(None, False)``
        (fully booked, no waiting list). The same address for the same date gets its registration back
        (``created`` False) and no second place.

        The event row is locked while counting, so two people cannot both take the last place.
        """
        target = event.registration_event
        now = timezone.now()
        with transaction.atomic():
            type(target).objects.select_for_update().filter(pk=target.pk).first()
            existing = (
                cls.objects.filter(
                    event=target, occurrence_start=occurrence.original_start, email__iexact=email.strip()
                )
                .exclude(status=cls.Status.WITHDRAWN)
                .exclude(confirmed_at__isnull=True, hold_until__lte=now)
                .first()
            )
            if existing is not None:
                return existing, False
            # Registered again after the hold ran out: the new registration replaces the old one.
            cls.objects.filter(
                event=target, occurrence_start=occurrence.original_start, email__iexact=email.strip()
            ).filter(confirmed_at__isnull=True, hold_until__lte=now).delete()
            taken = cls.places_taken(target, occurrence.original_start, now).count()
            if target.capacity is None or taken < target.capacity:
                status = cls.Status.PENDING
            elif target.waiting_list:
                status = cls.Status.WAITING
            else:
                return None, False
            registration = cls.objects.create(
                event=target,
                occurrence_start=occurrence.original_start,
                announced_start=occurrence.start if occurrence.start != occurrence.original_start else None,
                name=name,
                email=email.strip(),
                status=status,
                language=language,
                hold_until=now + hold_time(),
                **(consent or {}),
            )
            return registration, True

    def confirm(self) -> bool:
        """The person followed the link: a held place becomes theirs, a waiting-list position counts.

        A place whose hold ran out is given again if one is free, else the waiting list; ``False`` only
        when nothing is left at all.
        """
        target = self.event
        now = timezone.now()
        with transaction.atomic():
            type(target).objects.select_for_update().filter(pk=target.pk).first()
            self.refresh_from_db()
            if self.status == self.Status.WITHDRAWN or self.address_confirmed:
                return self.status != self.Status.WITHDRAWN
            held = self.status == self.Status.PENDING and self.hold_until and self.hold_until > now
            taken = self.places_taken(target, self.occurrence_start, now).exclude(pk=self.pk).count()
            if held or target.capacity is None or taken < target.capacity:
                self.status = self.Status.CONFIRMED
            elif target.waiting_list:
                self.status = self.Status.WAITING
            else:
                return False
            self.confirmed_at = now
            self.hold_until = None
            self.save(update_fields=["status", "confirmed_at", "hold_until"])
            return True

    def withdraw(self) -> EventRegistration | None:
        """Give the place back; the first confirmed address on the waiting list moves up and is returned."""
        with transaction.atomic():
            event = self.event
            was_full = (
                event.capacity is not None
                and type(self).places_taken(event, self.occurrence_start).count() >= event.capacity
            )
            self.status = self.Status.WITHDRAWN
            self.hold_until = None
            self.save(update_fields=["status", "hold_until"])
            moved_up = type(self).fill_free_places(event, self.occurrence_start)
            if was_full and type(self).places_taken(event, self.occurrence_start).count() < event.capacity:
                announce_places_opened(event)
            return moved_up[0] if moved_up else None

    def announce_start(self, start: datetime.datetime) -> None:
        """The person was told that the date now starts at ``start``."""
        self.announced_start = start
        self.save(update_fields=["announced_start"])

    def end_for_date_gone(self) -> None:
        """The date does not take place: the registration ends, and nobody moves up for it."""
        self.status = self.Status.WITHDRAWN
        self.hold_until = None
        self.save(update_fields=["status", "hold_until"])

    @classmethod
    def fill_free_places(cls, event, occurrence_start) -> list[EventRegistration]:
        """Move confirmed addresses up from the waiting list while places are free; returns them."""
        moved_up = []
        if event.capacity is None:
            return moved_up
        with transaction.atomic():
            type(event).objects.select_for_update().filter(pk=event.pk).first()
            free = event.capacity - cls.places_taken(event, occurrence_start).count()
            for registration in cls.waiting_list(event, occurrence_start)[: max(free, 0)]:
                registration.status = cls.Status.CONFIRMED
                registration.save(update_fields=["status"])
                moved_up.append(registration)
        return moved_up

    @classmethod
    def release_unconfirmed(cls, now=None) -> list[EventRegistration]:
        """Give the places of registrations whose address was not confirmed within the hold to the waiting
        list, and delete those whose link has expired; returns the registrations that moved up (they get a
        mail)."""
        now = now or timezone.now()
        unconfirmed = cls.objects.filter(confirmed_at__isnull=True).exclude(status=cls.Status.WITHDRAWN)
        unconfirmed.filter(created_at__lte=now - confirm_time()).delete()
        lapsed = unconfirmed.filter(status=cls.Status.PENDING, hold_until__lte=now)
        dates = set(lapsed.values_list("event_id", "occurrence_start"))
        moved_up = []
        for event_id, occurrence_start in sorted(dates):
            event = cls._meta.get_field("event").related_model.objects.filter(pk=event_id).first()
            if event is not None:
                moved_up += cls.fill_free_places(event, occurrence_start)
        return moved_up
