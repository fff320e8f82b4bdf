"""Registering for an event, confirming the address and cancelling, each on its own URL.

Why a page of its own for the form: the event page is public and must set no cookie, and every Wagtail
page URL is exempt from CSRF. Django's CSRF protection needs its cookie on the page that shows the form,
so the event page only shows the dates with their places left and a "Register" link; the form lives at
:func:`register`, which sets the CSRF cookie when someone has chosen to register and checks the token on
POST with Django's own ``csrf_protect`` (no hand-made token scheme). Its URL carries the language prefix,
so the form, the answer and the mails stay in the visitor's language.

The confirm and cancel links in the mail carry a secret token; that token is their proof, so they are
exempt from CSRF and set no cookie. GET only shows a button (mail scanners open links), POST acts.
"""

from __future__ import annotations

import uuid

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from wegweiser.events.forms import EventRegistrationForm
from wegweiser.events.ical_export import booked_date_calendar, file_name
from wegweiser.events.models import EventPage, EventRegistration
from wegweiser.events.registration_mails import send_registration_mail, withdraw_and_tell
from wegweiser.events.templatetags.event_tags import event_when
from wegweiser.plugin_api import (
    IncompleteLink,
    about_page,
    ask_to_confirm,
    check_your_mailbox,
    for_visitors,
    forget_send,
    in_language,
    localized_url,
    mail_link,
    notice,
    private_no_store,
    too_many_sends,
    visitor_language,
)


def _event_taking_registrations(pk: int) -> EventPage:
    event = get_object_or_404(EventPage.objects.live().public(), pk=pk)
    if not (event.takes_registrations and event.is_current()):
        raise Http404
    return event


@csrf_protect
@private_no_store
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, pk: int) -> HttpResponse:
    """The registration form; a valid POST holds a place and mails the confirmation link."""
    event = _event_taking_registrations(pk)
    form = EventRegistrationForm(
        request.POST if request.method == "POST" else None,
        event=event,
        initial={"occurrence": request.GET.get("termin", "")},
    )
    status = 200
    if request.method == "POST":
        sent = HttpResponseRedirect(reverse("events:registration-sent", kwargs={"pk": event.pk}))
        if form.is_bot():
            return sent
        if too_many_sends(request, "event-registration", form):
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            with transaction.atomic():
                registration, created = EventRegistration.register(
                    event,
                    data["occurrence"],
                    data["name"].strip(),
                    data["email"],
                    language=visitor_language(),
                    consent=form.consent_record(),
                )
            if registration is not None:
                _mail_again_or_first(registration, created)
                return sent
            forget_send(request, "event-registration", form)
            form.add_error("occurrence", _("This date is fully booked. Please choose another date."))
            status = 400
        else:
            status = 400
    return TemplateResponse(
        request,
        "events/registration_form.html",
        {"event": event, "form": form, **about_page(event)},
        status=status,
    )


def _mail_again_or_first(registration: EventRegistration, created: bool) -> None:
    """The confirmation link for a new registration, and again for one sent again before it was confirmed: a
    newcomer whose first mail went astray got nothing more and could not register until the hold ran out. A
    confirmed place gets its record again (the date, the link to cancel). The page says the same either way,
    so it tells nobody whether an address is registered: the mail does, to the address alone."""
    if created or not registration.address_confirmed:
        send_registration_mail(registration, "confirm")
    elif registration.status == EventRegistration.Status.CONFIRMED:
        send_registration_mail(registration, "registered")


#: The same answer for a new registration, a repeated one and a robot's.
registration_sent = check_your_mailbox(
    gettext_lazy(
        "We have sent you a mail with a link. Your registration is final only after you have confirmed it "
        "with this link. If the mail does not arrive, please look in your spam folder."
    ),
    back=EventPage,
    back_text=gettext_lazy("Back to the event"),
)


def _by_token(token: str) -> EventRegistration | None:
    """The registration a link from its mail names (``None`` if there is none). A token that is no UUID was cut
    off or mistyped: :class:`IncompleteLink`, which the view's ``mail_link`` answers. Its URLs took UUIDs only,
    and a cut link got a bare "not found"."""
    try:
        uuid.UUID(token)
    except ValueError:
        raise IncompleteLink from None
    return EventRegistration.objects.select_related("event").filter(token=token).first()


def _about(registration: EventRegistration) -> dict:
    """The event in the visitor's language and the registration's date, for the top of a notice."""
    event = in_language(registration.event)
    when = render_to_string("events/includes/when.html", event_when(registration.starts, None, event.all_day))
    return {"about": event, "about_detail": when}


def _registered(registration: EventRegistration) -> str:
    if registration.status == EventRegistration.Status.CONFIRMED:
        return _("You are registered.")
    return (
        _("The date is fully booked; you are on the waiting list.")
        + " "
        + _("We will email you if a place becomes free.")
    )


@for_visitors
@mail_link(gettext_lazy("Your registration has not been confirmed."))
def confirm_registration(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the mail: the place becomes final (or the waiting-list position counts)."""
    registration = _by_token(token)
    title = _("Confirm your registration")
    if registration is None or registration.status == EventRegistration.Status.WITHDRAWN:
        text = _(
            "This link is no longer valid: the registration was cancelled, or it was not confirmed in time. "
            "Please register again on the event's page."
        )
        return notice(request, title, text, status=404)
    about = _about(registration)
    if registration.address_confirmed:
        return _confirmed(request, registration, about)
    if request.method == "GET":
        return ask_to_confirm(request, title, "", _("Confirm my registration"), **about)
    if not registration.confirm():
        text = _("Sorry, the time to confirm has run out and the date is now fully booked.")
        return notice(request, title, text, **about)
    if registration.status == EventRegistration.Status.CONFIRMED:
        send_registration_mail(registration, "registered")  # a record of the place, with the date
    return _confirmed(request, registration, about)


def _confirmed(request: HttpRequest, registration: EventRegistration, about: dict) -> HttpResponse:
    """ "You are registered", the booked date for the visitor's calendar (not for the waiting list), and the
    way to give the place back: the page of the moment of success, not only the mail, says how to cancel.
    Its heading says what happened ("Anmeldung bestätigt"), no longer the request "Anmeldung bestätigen"."""
    token = {"token": registration.token}
    links = [(reverse("events:withdraw-registration", kwargs=token), _("Withdraw my registration"))]
    title = _("On the waiting list")
    if registration.status == EventRegistration.Status.CONFIRMED:
        calendar = (reverse("events:registration-calendar", kwargs=token), _("Add to my calendar"))
        links.insert(0, calendar)
        title = _("Registration confirmed")
    return notice(request, title, _registered(registration), links=links, **about)


@private_no_store
@mail_link(gettext_lazy("The date has not been added to your calendar."))
def registration_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """The booked date as a calendar file, for a confirmed place only."""
    registration = _by_token(token)
    if registration is None or registration.status != EventRegistration.Status.CONFIRMED:
        raise Http404
    event = in_language(registration.event)
    url = request.build_absolute_uri(localized_url(event, request))
    response = HttpResponse(
        booked_date_calendar(registration, event, url), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{file_name(event)}.ics"'
    return response


@for_visitors
@mail_link(gettext_lazy("Your registration has not been withdrawn."))
def withdraw_registration(request: HttpRequest, token: str) -> HttpResponse:
    """The cancel link in every mail: show what is cancelled, cancel on POST."""
    registration = _by_token(token)
    title = _("Withdraw registration")
    if registration is None:
        return notice(request, title, _("This registration no longer exists. Nothing is stored."), status=404)
    if request.method == "POST" and registration.status != EventRegistration.Status.WITHDRAWN:
        withdraw_and_tell(registration)
    about = _about(registration)
    if registration.status == EventRegistration.Status.WITHDRAWN:
        text = _("Your registration is withdrawn. Thank you for letting us know.")
        return notice(request, title, text, **about)
    waiting = EventRegistration.waiting_list(registration.event, registration.occurrence_start)
    if registration.status != EventRegistration.Status.WAITING and waiting.exists():
        text = _(
            "Can you not come after all? Then please give your place back, so that someone from the waiting "
            "list can come."
        )
    else:  # nobody is waiting (or they are on the list themselves): no list to speak of
        text = _(
            "Can you not come after all? Then please give your place back, so that someone else can come."
        )
    return ask_to_confirm(request, title, text, _("Withdraw my registration"), **about)
