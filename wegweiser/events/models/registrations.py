"""Registrations for events with limited places: confirmed while places last, then the waiting list.

Personal data lives only here: never in a page, the search index or a cache, and it is deleted
once the event is over (see :func:`wegweiser.events.tasks.delete_past_registrations`).
"""

from __future__ import annotations

import uuid

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


class EventRegistration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("on the waiting list")
        WITHDRAWN = "withdrawn", _("withdrawn")

    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    occurrence_start = models.DateTimeField(
        _("date of the event"), help_text=_("The date as planned, also if it was moved.")
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    token = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["occurrence_start", "created_at", "pk"]
        indexes = [models.Index(fields=["event", "occurrence_start", "status"])]

    def __str__(self) -> str:
        return f"{self.name} – {self.event} ({self.get_status_display()})"

    @classmethod
    def register(cls, event, occurrence, name: str, email: str) -> EventRegistration | None:
        """A confirmed place, else a waiting-list place, else ``None`` (fully booked, no waiting list).

        The event row is locked while counting, so two people cannot both take the last place.
        """
        target = event.registration_event
        with transaction.atomic():
            type(target).objects.select_for_update().filter(pk=target.pk).first()
            taken = cls.objects.filter(
                event=target, occurrence_start=occurrence.original_start, status=cls.Status.CONFIRMED
            ).count()
            if event.capacity is None or taken < event.capacity:
                status = cls.Status.CONFIRMED
            elif event.waiting_list:
                status = cls.Status.WAITING
            else:
                return None
            return cls.objects.create(
                event=target,
                occurrence_start=occurrence.original_start,
                name=name,
                email=email,
                status=status,
            )

    def withdraw(self) -> EventRegistration | None:
        """Give the place back; the first on the waiting list moves up and is returned."""
        with transaction.atomic():
            was_confirmed = self.status == self.Status.CONFIRMED
            self.status = self.Status.WITHDRAWN
            self.save(update_fields=["status"])
            if not was_confirmed:
                return None
            next_waiting = (
                type(self)
                .objects.select_for_update()
                .filter(event=self.event, occurrence_start=self.occurrence_start, status=self.Status.WAITING)
                .order_by("created_at", "pk")
                .first()
            )
            if next_waiting is not None:
                next_waiting.status = self.Status.CONFIRMED
                next_waiting.save(update_fields=["status"])
            return next_waiting
