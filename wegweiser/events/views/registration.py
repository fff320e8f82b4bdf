"""Handling the registration form posted to an event page, and withdrawing a registration by its link."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from wegweiser.events.forms import EventRegistrationForm
from wegweiser.events.models import EventRegistration
from wegweiser.events.tasks import send_registration_mail


def register_for_event(event, request: HttpRequest) -> HttpResponse:
    """Register, or show the form again with what is wrong; the answer never lands in a cache."""
    form = EventRegistrationForm(request.POST, event=event)
    registration = None
    fully_booked = False
    if form.is_valid():
        registration = EventRegistration.register(
            event, form.cleaned_data["occurrence"], form.cleaned_data["name"], form.cleaned_data["email"]
        )
        if registration is None:
            fully_booked = True
            form.add_error(None, _("This date is fully booked. Please choose another date."))
        else:
            send_registration_mail.enqueue(registration.pk, request.LANGUAGE_CODE)
    context = event.get_context(request)
    context.update(
        registration_form=form if registration is None else None,
        registration=registration,
        fully_booked=fully_booked,
    )
    response = TemplateResponse(
        request, event.get_template(request), context, status=200 if form.is_valid() else 400
    )
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def withdraw_registration(request: HttpRequest, token) -> HttpResponse:
    """The link in the confirmation mail: show what is withdrawn, withdraw on POST."""
    registration = get_object_or_404(EventRegistration.objects.select_related("event"), token=token)
    if registration.status == EventRegistration.Status.WITHDRAWN and request.method != "POST":
        return render(
            request, "events/registration_withdrawn.html", {"registration": registration, "done": True}
        )
    if request.method == "POST":
        if registration.status != EventRegistration.Status.WITHDRAWN:
            moved_up = registration.withdraw()
            if moved_up is not None:
                send_registration_mail.enqueue(moved_up.pk, request.LANGUAGE_CODE)
        return render(
            request, "events/registration_withdrawn.html", {"registration": registration, "done": True}
        )
    if request.method != "GET":
        raise Http404
    return render(
        request, "events/registration_withdrawn.html", {"registration": registration, "done": False}
    )
