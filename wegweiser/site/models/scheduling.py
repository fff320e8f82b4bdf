"""The record of each scheduled job's last run (see :mod:`wegweiser.site.scheduling`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledJobRun(models.Model):
    name = models.CharField(_("job"), max_length=100, unique=True)
    last_started = models.DateTimeField(_("last started"), null=True, blank=True)
    last_finished = models.DateTimeField(_("last finished"), null=True, blank=True)
    last_status = models.CharField(_("last result"), max_length=20, blank=True)
    last_summary = models.TextField(_("summary"), blank=True)
    failures_in_a_row = models.PositiveIntegerField(_("failures in a row"), default=0)
    running_since = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")

    def __str__(self) -> str:
        return self.name
