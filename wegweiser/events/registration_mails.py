"""The mails of an event registration, in the language the person registered in.

``confirm``: the link that makes the place final (and the one that cancels); ``registered``: the place is
final, with the date as a calendar file; ``moved_up``: a place became free for someone on the waiting list
(with the calendar file too); ``withdrawn``: the organiser took the registration back;
``cancelled``: the date does not take place; ``moved``: it takes place at another time. They go through
the core's outbox, so the request never waits for the mail server and a mail server outage delays a mail
but never loses it.
"""

from __future__ import annotations

import datetime

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from wegweiser.events.ical_export import booked_date_calendar, file_name
from wegweiser.events.models import EventRegistration
from wegweiser.events.templatetags.event_tags import when_text
from wegweiser.plugin_api import in_language, localized_url, public_base_url, queue_mail

KINDS = ("confirm", "registered", "moved_up", "withdrawn", "cancelled", "moved")
STILL_REGISTERED = ("confirm", "registered", "moved_up", "moved")  # mails that carry the link to cancel
WITH_THE_DATE = ("registered", "moved_up")  # mails of a place that is final: the date as a calendar file


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


def send_registration_mail(
    registration,
    kind: str,
    note: str = "",
    was: datetime.datetime | None = None,
    other_dates: bool = False,
) -> None:
    """Compose one mail in the registration's language and queue it; it goes with the registration if
    that is deleted before the mail is delivered. ``note``: the organiser's word on a cancelled or moved
    date; ``was``: where a moved date started before; ``other_dates``: a cancelled date's mail links the
    event's page, whose other dates take registrations."""
    if kind not in KINDS:
        raise ValueError(kind)
    original = registration.event  # whose dates take the registrations, whichever language shows them
    with translation.override(registration.language):
        event = in_language(original, registration.language)
        context = {
            "kind": kind,
            "registration": registration,
            "event": event,
            "when": when_text(registration.starts, event.all_day),
            "was": when_text(was, event.all_day) if was else "",
            "note": note,
            **registration_links(registration),
        }
        page_url = ""
        if kind in WITH_THE_DATE or (kind == "cancelled" and other_dates):
            url = localized_url(event)  # under the person's language prefix, translated or not
            page_url = public_base_url(event.get_site()) + url if url.startswith("/") else url
        if kind == "cancelled" and other_dates:
            context["other_dates_url"] = page_url
        attachment = None
        if kind in WITH_THE_DATE:
            ics = booked_date_calendar(registration, event, page_url).decode()
            attachment = (f"{file_name(event)}.ics", ics, "text/calendar")
        subject = render_to_string("events/mail/registration_subject.txt", context).strip()
        body = render_to_string("events/mail/registration_body.txt", context)
    queue_mail(
        to=registration.email,
        subject=subject,
        body=body,
        purpose=f"events.registration_{kind}",
        owner=registration,
        headers={"List-Unsubscribe": f"<{context['withdraw_url']}>"} if kind in STILL_REGISTERED else None,
        attachment=attachment,
    )


def withdraw_and_tell(registration, *, by_organiser: bool = False) -> None:
    """Withdraw ``registration``: its place goes to the first confirmed address on the waiting list, who is
    told. Withdrawn ``by_organiser``, the person is told too (if their address was ever confirmed)."""
    moved_up = registration.withdraw()
    if moved_up is not None:
        send_registration_mail(moved_up, "moved_up")
    if by_organiser and registration.address_confirmed:
        send_registration_mail(registration, "withdrawn")


def tell_of_changed_dates(event) -> int:
    """After ``event`` was published: whoever is registered for a date that no longer takes place, or that
    moved since they were last told, is told, once. A registration for a date gone ends; one for a moved
    date stays. An address never confirmed gets no mail."""
    changed = event.registrations_on_changed_dates()
    other_dates = None  # whether other dates take registrations: asked once, not for every mail
    for registration, start, note in changed:
        if start is None:
            registration.end_for_date_gone()
            if registration.address_confirmed:
                if other_dates is None:
                    other_dates = event.takes_registrations and bool(event.registration_dates())
                send_registration_mail(registration, "cancelled", note=note, other_dates=other_dates)
        else:
            was = registration.starts
            registration.announce_start(start)
            if registration.address_confirmed:
                send_registration_mail(registration, "moved", note=note, was=was)
    return len(changed)


def release_unconfirmed_registrations() -> dict[str, int]:
    """The scheduled job: give unconfirmed places back; whoever moves up from the waiting list is told."""
    moved_up = EventRegistration.release_unconfirmed()
    for registration in moved_up:
        send_registration_mail(registration, "moved_up")
    return {"moved_up": len(moved_up)}
