"""iCal feeds to subscribe to: any filtered calendar, one organisation's events, or a single event."""

from __future__ import annotations

import dataclasses
import datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from wegweiser.events.agenda import (
    build_filterset,
    entry_matches,
    event_listing_type,
    events_in_range,
    other_entries,
)
from wegweiser.events.ical_export import build_calendar, file_name
from wegweiser.plugin_api import OrganisationPage, localized_url, public_listings, slug_for

PAST_DAYS = 31
FUTURE_DAYS = 366


def _calendar_response(content: bytes, filename: str, download: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}.ics"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def _listing_type(request: HttpRequest):
    listing_type = event_listing_type(Site.find_for_request(request))
    if listing_type is None:
        raise Http404
    return listing_type


def _full_url(request: HttpRequest):
    """An event's link as the portal's pages in the feed's language link it, made absolute for a calendar
    app: an untranslated event opens in German under the feed's prefix, not on the German site."""
    return lambda event: request.build_absolute_uri(localized_url(event, request))


def _with_full_url(request: HttpRequest, entry):
    return dataclasses.replace(entry, url=request.build_absolute_uri(entry.url)) if entry.url else entry


def filtered_feed(request: HttpRequest) -> HttpResponse:
    """The calendar with the same filters as the page it was linked from (same GET parameters)."""
    listing_type = _listing_type(request)
    filterset = build_filterset(listing_type, request.GET, request)
    first_day, last_day = filterset.clean_range()
    today = timezone.localdate()
    first_day = first_day or today - datetime.timedelta(days=PAST_DAYS)
    last_day = last_day or today + datetime.timedelta(days=FUTURE_DAYS)
    events = events_in_range(filterset.qs, first_day, last_day)
    cleaned = filterset.form.cleaned_data if filterset.is_valid() else {}
    site = Site.find_for_request(request)
    entries = [
        _with_full_url(request, entry)
        for entry, _type in other_entries(site, first_day, last_day)
        if entry_matches(entry, cleaned)
    ]
    content = build_calendar(_("Events"), events, entries, _full_url(request))
    return _calendar_response(content, "veranstaltungen")


def organisation_feed(request: HttpRequest, pk: int) -> HttpResponse:
    listing_type = _listing_type(request)
    organisation = get_object_or_404(OrganisationPage.objects.live().public(), pk=pk)
    today = timezone.localdate()
    queryset = public_listings(listing_type).filter(
        organisation__translation_key=organisation.translation_key
    )
    past, future = today - datetime.timedelta(days=PAST_DAYS), today + datetime.timedelta(days=FUTURE_DAYS)
    events = events_in_range(queryset.order_by("start", "pk"), past, future)
    content = build_calendar(organisation.title, events, (), _full_url(request))
    return _calendar_response(content, slug_for(organisation.title) or "organisation")


def event_feed(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Add to my calendar": the one event, as a download."""
    listing_type = _listing_type(request)
    event = get_object_or_404(public_listings(listing_type).prefetch_related("exceptions"), pk=pk)
    content = build_calendar(event.title, [event], (), _full_url(request))
    return _calendar_response(content, file_name(event), download=True)
