"""A partner's own calendar (an iCal URL or an uploaded .ics file) that the portal imports events from."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from wegweiser.plugin_api import optional_foreign_key


class CalendarFeed(models.Model):
    class PublishMode(models.TextChoices):
        DRAFT = "draft", _("as drafts, for review")
        PUBLISHED = "published", _("published right away")

    organisation = models.ForeignKey(
        "core.OrganisationPage",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
    )
    name = models.CharField(_("name"), max_length=120)
    url = models.URLField(_("calendar address (iCal URL)"), blank=True, max_length=500)
    file = models.FileField(_("or an .ics file"), upload_to="calendar-feeds/", blank=True)
    publish_mode = models.CharField(
        _("import events"), max_length=10, choices=PublishMode.choices, default=PublishMode.DRAFT
    )
    active = models.BooleanField(_("synchronise regularly"), default=True)
    last_synced = models.DateTimeField(_("last synchronised"), null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    # Whoever last saved the feed answers for its publish mode: the import checks their right to publish.
    configured_by = optional_foreign_key(settings.AUTH_USER_MODEL, _("last set up by"), editable=False)

    panels = [
        FieldPanel("organisation"),
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("file"),
        FieldPanel("publish_mode"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        ordering = ["organisation__title", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"

    def clean(self):
        if bool(self.url) == bool(self.file):
            raise ValidationError(_("Enter either the address of the calendar or upload an .ics file."))
        if self.url and not self.url.lower().startswith(("https://", "http://", "webcal://")):
            raise ValidationError({"url": _("The address must start with https:// or http://.")})
