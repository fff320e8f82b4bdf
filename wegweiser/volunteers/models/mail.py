"""The outgoing mail queue: a mail is stored first and sent by the task worker, so a mail server outage
loses nothing. A mail's row is deleted once it is delivered, so personal data does not linger here.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingMailQuerySet(models.QuerySet):
    def due(self, now=None):
        now = now or timezone.now()
        return self.filter(next_attempt_at__lte=now).filter(
            models.Q(claimed_until__isnull=True) | models.Q(claimed_until__lt=now)
        )


class OutgoingMail(models.Model):
    application = models.ForeignKey(
        "volunteers.VolunteerApplication",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="outgoing_mails",
    )
    purpose = models.CharField(_("purpose"), max_length=40)
    to = models.EmailField(_("recipient"), max_length=254)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    attachment_name = models.CharField(max_length=100, blank=True)
    attachment_content = models.TextField(blank=True)
    attachment_mimetype = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(
        _("last error"), max_length=200, blank=True, help_text=_("Only the kind of error, never an address.")
    )

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mails")
        ordering = ["next_attempt_at", "pk"]

    def __str__(self) -> str:
        return f"{self.purpose} #{self.pk}"
