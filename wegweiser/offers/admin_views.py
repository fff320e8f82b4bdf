"""Admin views of the offers plugin: confirming a listing is still valid, and the spreadsheet import."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from wegweiser.site.models import Listing


@require_POST
def still_valid(request, page_id: int):
    """The "still valid" button: whoever may edit the listing (Wagtail's page permissions) may confirm it."""
    page = Page.objects.filter(pk=page_id).specific().first()
    if page is None or not isinstance(page, Listing):
        raise Http404
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    page.mark_reviewed()
    messages.success(request, _("Thank you: “%(title)s” is marked as still valid.") % {"title": page.title})
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=False):
        next_url = reverse("wagtailadmin_home")
    return redirect(next_url)
