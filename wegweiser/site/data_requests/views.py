"""The public data-request pages: ask (one form), "check your mailbox", and confirm (GET shows a button,
POST does it).

These pages handle personal data, so they send ``Cache-Control: private, no-store``. The form needs no CSRF
cookie (the portal sets no cookies for anonymous visitors): the signed link from the mailbox is the proof.
"""

from __future__ import annotations

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from wegweiser.site import links
from wegweiser.site.data_requests import mails
from wegweiser.site.data_requests.forms import DataRequestForm
from wegweiser.site.data_requests.registry import erase, export, personal_data, stored_for
from wegweiser.site.listings import visitor_language
from wegweiser.site.public_forms import (
    ask_to_confirm,
    check_your_mailbox,
    for_visitors,
    mail_link,
    notice,
    too_many_sends,
)


def _form_page(request, form, status: int = 200):
    kinds = [kind.label for kind in personal_data().values()]
    return TemplateResponse(
        request, "core/data_requests/request.html", {"form": form, "kinds": kinds}, status=status
    )


@for_visitors
def request_data(request):
    # Bound on the method: an empty POST is a form sent without answers, and says what is missing.
    form = DataRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "GET":
        return _form_page(request, form)
    if form.is_bot():
        return HttpResponseRedirect(reverse("data_requests:sent"))
    if too_many_sends(request, "data-request", form):
        return _form_page(request, form, status=429)
    if not form.is_valid():
        return _form_page(request, form, status=400)
    email = form.cleaned_data["email"]
    # The same answer whether or not data exists, so the form does not reveal who uses the portal.
    if stored_for(email):
        site = Site.find_for_request(request)
        mails.send_confirmation_link(email, form.cleaned_data["action"], visitor_language(), site)
    return HttpResponseRedirect(reverse("data_requests:sent"))


request_sent = check_your_mailbox(
    gettext_lazy(
        "If we have data stored for this address, we have sent a mail with a confirmation link to it. "
        "The link is valid for two days."
    )
)


@for_visitors
@mail_link(gettext_lazy("Your request has not been confirmed."))
def confirm(request, token: str, kind: str = ""):
    """Do what the link in the mail asks. ``kind`` comes from the former links of one owner (volunteers'
    or alerts' own data-request mails), which may only touch that owner's records."""
    purpose = links.DATA_REQUEST
    if kind:
        former = personal_data().get(kind)
        purpose = former.former_link_purpose if former else ""
    asked = links.data_request_from(token, purpose) if purpose else None
    if asked is None:
        text = _("The link has expired. Please make your request again.")
        return notice(request, _("This link is no longer valid"), text, status=404)
    email, action = asked["email"], asked["action"]
    if request.method == "GET":
        items = [stored.label for stored in stored_for(email, only=kind)]
        if action == "export":
            title, text, button = (
                _("Send a copy of your data"),
                _("We will send everything we store about your email address to it, as a JSON file."),
                _("Send my data"),
            )
        else:
            title, text, button = (
                _("Delete your data"),
                _("We will delete everything we store about your email address. This cannot be undone."),
                _("Delete my data"),
            )
        return ask_to_confirm(request, title, text, button, items)
    if action == "export":
        kinds = [personal_data()[kind]] if kind else list(personal_data().values())
        site = Site.find_for_request(request)
        mails.send_copy(email, visitor_language(), export(email, only=kind), kinds, site)
        text = _("We have sent a copy of your data to your address.")
        return notice(request, _("Your data is on its way"), text)
    erase(email, only=kind)
    text = _("We have deleted everything we stored about your email address.")
    return notice(request, _("Your data has been deleted"), text)
