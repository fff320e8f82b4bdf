"""The mails of an event registration, in the language the person registered in.

``confirm``: the link that makes the place final (and the one that cancels); ``moved_up``: a place became
free for someone on the waiting list. They are django-tasks tasks, so the request never waits for the
mail server.
"""

from __future__ import annotations

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from wegweiser.site.links import public_base_url

KINDS = ("confirm", "moved_up")


def registration_links(registration) -> dict[str, str]:
    """Absolute confirm and cancel links, in the registration's language."""
    root = public_base_url(registration.event.get_site())
    with translation.override(registration.language):
        return {
            "confirm_url": root
            + reverse("events:confirm-registration", kwargs={"token": registration.token}),
            "withdraw_url": root
            + reverse("events:withdraw-registration", kwargs={"token": registration.token}),
        }


@task()
def send_registration_mail(registration_id: int, kind: str) -> None:
    """Render and send one mail; a registration deleted meanwhile gets none."""
    from wegweiser.events.models import EventRegistration

    registration = EventRegistration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or kind not in KINDS:
        return
    event = registration.event
    with translation.override(registration.language):
        event = event.get_translation_or_none(translation_locale(registration.language)) or event
        context = {
            "kind": kind,
            "registration": registration,
            "event": event,
            "when": registration.occurrence_start.astimezone(event.tz),
            **registration_links(registration),
        }
        subject = render_to_string("events/mail/registration_subject.txt", context).strip()
        body = render_to_string("events/mail/registration_body.txt", context)
    send_mail(subject, body, None, [registration.email])


def release_unconfirmed_registrations() -> dict[str, int]:
    """The scheduled job: give unconfirmed places back; whoever moves up from the waiting list is told."""
    from wegweiser.events.models import EventRegistration

    moved_up = EventRegistration.release_unconfirmed()
    for registration in moved_up:
        send_registration_mail.enqueue(registration.pk, "moved_up")
    return {"moved_up": len(moved_up)}


def translation_locale(language: str):
    from wagtail.models import Locale

    return Locale.objects.filter(language_code=language).first()
