"""Public pages of volunteering: sign-up, double opt-in and withdrawal (a copy or the deletion of one's
data is the core's page, ``data_requests:request``).

These pages handle personal data, so they send ``Cache-Control: private, no-store``. The forms need no
CSRF cookie (the portal sets no cookies for anonymous visitors): a forged sign-up still needs the
confirmation link from the person's mailbox, and the signed links are their own proof.
"""

from __future__ import annotations

from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wegweiser.plugin_api import (
    ask_to_confirm,
    check_your_mailbox,
    enabled_listing_types,
    for_visitors,
    in_language,
    isolate_text,
    localized_url,
    mail_link,
    notice,
    too_many_sends,
)
from wegweiser.volunteers import links, mails
from wegweiser.volunteers.forms import VolunteerSignupForm
from wegweiser.volunteers.models import VolunteerApplication, VolunteerOpportunityPage


def _open_opportunity(opportunity_id: int) -> VolunteerOpportunityPage:
    opportunity = get_object_or_404(VolunteerOpportunityPage.objects.live().public(), pk=opportunity_id)
    if not opportunity.is_current():
        raise Http404(_("This volunteer opportunity has ended."))
    if "volunteer" not in enabled_listing_types(opportunity.get_site()):
        raise Http404
    return opportunity


@for_visitors
def signup(request, opportunity_id: int):
    opportunity = _open_opportunity(opportunity_id)
    if request.method == "GET":
        # The address a sent form ends at, opened again (a phone restoring a tab, a bookmark): the form is on
        # the opportunity's page.
        return HttpResponseRedirect(f"{localized_url(opportunity, request)}#signup")
    form = VolunteerSignupForm(request.POST, opportunity=opportunity)
    sent = HttpResponseRedirect(reverse("volunteers:signup_done", args=[opportunity.pk]))
    if form.is_bot():
        return sent
    if too_many_sends(request, "volunteer-signup", form):
        return _opportunity_with_form(request, opportunity, form, status=429)
    if not form.is_valid():
        return _opportunity_with_form(request, opportunity, form, status=400)
    application, created = form.save()
    # The answer is the same either way, so the form does not tell whether an address has signed up: the
    # mail does, to the address alone.
    if created or application.status == VolunteerApplication.Status.NEW:
        mails.send_confirmation_request(application)
    else:
        mails.send_already_signed_up(application)
    return sent


def _opportunity_with_form(request, opportunity, form, status: int):
    context = opportunity.get_context(request)
    # As "form" too, the page's form with mistakes: the title then begins "Fehler:". The form's action has
    # no "#signup": a fragment's target stops the browser focusing the errors (the summary's autofocus).
    context["signup_form"] = context["form"] = form
    return TemplateResponse(request, opportunity.get_template(request), context, status=status)


#: The same answer for a new sign-up, a repeated one and a robot's.
signup_done = check_your_mailbox(
    gettext_lazy(
        "We have sent you a mail with a link. Your sign-up reaches the organisation only after you have "
        "confirmed it with this link. If the mail does not arrive, please look in your spam folder."
    ),
    back=VolunteerOpportunityPage,
    back_text=gettext_lazy("Back to the volunteer opportunity"),
)


def _application_for(token: str, salt: str, max_age: int | None = None) -> VolunteerApplication | None:
    """The sign-up a link from a mail names; ``None`` if the link has expired or the data is gone. An incomplete
    link raises ``IncompleteLink``, which the view's ``mail_link`` answers."""
    application_id = links.application_id_from(token, salt, max_age=max_age)
    application = VolunteerApplication.objects.filter(pk=application_id).first() if application_id else None
    return None if application is None or application.is_anonymised else application


@for_visitors
@mail_link(gettext_lazy("Your sign-up has not been confirmed."))
def confirm(request, token: str):
    application = _application_for(token, links.CONFIRM_SALT, max_age=links.confirm_max_age())
    if application is None:
        text = _("The link has expired or was already used. Please sign up again on the opportunity's page.")
        return notice(request, _("This link is no longer valid"), text, status=404)
    if application.status == VolunteerApplication.Status.WITHDRAWN:
        # Confirming a sign-up withdrawn since had said "You have already confirmed this sign-up."
        text = _("You have withdrawn this sign-up. To take part after all, please sign up again.")
        return notice(request, _("Sign-up withdrawn"), text, about=in_language(application.opportunity))
    if application.status != VolunteerApplication.Status.NEW:
        return notice(request, _("Sign-up already confirmed"), _("You have already confirmed this sign-up."))
    if request.method == "GET":
        text = _("Please confirm that you want to sign up for this volunteer opportunity.")
        about = in_language(application.opportunity)
        return ask_to_confirm(request, _("Confirm your sign-up"), text, _("Confirm sign-up"), about=about)
    with transaction.atomic():
        application.confirm()
    mails.notify_organisation(application, "confirmed")
    organisation = application.opportunity.organisation
    # Isolated: in Arabic "Caritasverband Neustadt e.V." closing the sentence read "..Neustadt e.V".
    text = _("Thank you! %(organisation)s will get in touch with you.") % {
        "organisation": isolate_text(organisation.title) if organisation else ""
    }
    if application.waiting_list:
        text += " " + _("All places are taken at the moment, so you are on the waiting list.")
    # The opportunity named and linked: the page was a dead end at the moment of success.
    about = in_language(application.opportunity)
    return notice(request, _("Your sign-up is confirmed"), text, about=about)


@for_visitors
@mail_link(gettext_lazy("Your sign-up has not been withdrawn."))
def withdraw(request, token: str):
    """One click in the mail (or in the mail program, RFC 8058) withdraws the sign-up, no account needed."""
    application = _application_for(token, links.WITHDRAW_SALT)
    withdrawn = _("Sign-up withdrawn")
    if application is None:
        text = _("This sign-up no longer exists. Nothing is stored.")
        return notice(request, _("Nothing to withdraw"), text, status=404)
    if application.status == VolunteerApplication.Status.WITHDRAWN:
        return notice(request, withdrawn, _("You have already withdrawn this sign-up."))
    if request.method == "GET":
        text = _("Do you want to withdraw your sign-up for this volunteer opportunity?")
        about = in_language(application.opportunity)
        return ask_to_confirm(request, _("Withdraw your sign-up"), text, _("Withdraw sign-up"), about=about)
    had_reached_organisation = application.status != VolunteerApplication.Status.NEW
    with transaction.atomic():
        application.withdraw()
    if had_reached_organisation:
        mails.notify_organisation(application, "withdrawn")
    text = _("You have withdrawn your sign-up. Your details will be deleted after the retention period.")
    return notice(request, withdrawn, text)
