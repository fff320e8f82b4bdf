"""The office's reporting permission.

Reports read listings from every organisation, so they need their own permission rather than page
permissions: an organisation's editors may change their own pages but must not see the whole network.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OfficeReports(models.Model):
    """Holds the ``view_office_reports`` permission; like Wagtail's ``Admin`` model it stores no rows."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_office_reports", _("Can see the integration office's reports"))]
        verbose_name = _("office reports")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
