"""The one outbox for every mail the portal sends: a mail is stored first and sent by the task worker, so
a mail server outage loses nothing. A delivered mail's row is deleted, so personal data does not linger;
a mail that still fails after ``WEGWEISER_MAIL_MAX_ATTEMPTS`` tries is kept as failed for the office.

A mail may belong to an object (a volunteer sign-up, an event registration, an account request): deleting
that object deletes its waiting mails: the owning model declares ``outgoing_mails = owned_mails()``.
"""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingMailQuerySet(models.QuerySet):
    def waiting(self):
        """Mails still being tried (not given up)."""
        return self.filter(failed_at__isnull=True)

    def failed(self):
        """Mails given up after the last attempt: the office sees and can retry them."""
        return self.filter(failed_at__isnull=False)

    def due(self, now=None):
        now = now or timezone.now()
        return (
            self.waiting()
            .filter(next_attempt_at__lte=now)
            .filter(models.Q(claimed_until__isnull=True) | models.Q(claimed_until__lt=now))
        )


class OutgoingMail(models.Model):
    owner_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    owner_id = models.PositiveBigIntegerField(null=True, blank=True)
    owner = GenericForeignKey("owner_type", "owner_id")
    purpose = models.CharField(_("purpose"), max_length=60)
    to = models.EmailField(_("recipient"), max_length=254)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    attachment_name = models.CharField(max_length=100, blank=True)
    attachment_content = models.TextField(blank=True)
    attachment_mimetype = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_until = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(_("given up"), null=True, blank=True)
    last_error = models.CharField(
        _("last error"), max_length=200, blank=True, help_text=_("Only the kind of error, never an address.")
    )

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mails")
        ordering = ["next_attempt_at", "pk"]
        indexes = [
            models.Index(fields=["next_attempt_at"], name="core_outbox_due"),
            models.Index(fields=["owner_type", "owner_id"], name="core_outbox_owner"),
        ]

    def __str__(self) -> str:
        return f"{self.purpose} #{self.pk}"


def owned_mails() -> GenericRelation:
    """The field a model adds to own its mails, so that deleting it deletes them (and its waiting mails
    can be listed): ``outgoing_mails = owned_mails()``."""
    return GenericRelation(OutgoingMail, content_type_field="owner_type", object_id_field="owner_id")
