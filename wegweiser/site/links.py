"""Where links in mails point: the configured address of the installation, not the placeholder host name
of the page tree's default site (``localhost``), so a mail from ``make run`` opens the running portal."""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Site


def public_base_url(site: Site | None = None) -> str:
    """The start of every absolute link in a mail, without a trailing slash.

    ``WAGTAILADMIN_BASE_URL`` for the portal's main site; another town's site (a Wagtail Site that is not
    the default) has its own address.
    """
    if site is not None and not site.is_default_site:
        return site.root_url.rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
