"""The dashboard's heading: a partner sees its organisation, the office the portal's name (never the
page tree's placeholder host name ``localhost``)."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.translation import gettext as _

from wegweiser.site.models import OrganisationPage

register = template.Library()


@register.simple_tag
def dashboard_title(root_page, root_site) -> str:
    specific = getattr(root_page, "specific_deferred", None)
    if isinstance(specific, OrganisationPage):
        return _("Your organisation: %(organisation)s") % {"organisation": specific.title}
    if root_site is not None and root_site.site_name:
        return root_site.site_name
    return settings.WAGTAIL_SITE_NAME
