"""The public calendar: upcoming dates grouped by day, and a month table."""

from __future__ import annotations

import calendar as month_calendar
import datetime

from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from wegweiser.events.agenda import build_agenda

LIST_DAYS = 28


def _site(request: HttpRequest) -> Site | None:
    return Site.find_for_request(request)


def _changed(request: HttpRequest, **changes) -> QueryDict:
    """The visitor's filters with ``changes`` (``None`` leaves a key out)."""
    query = request.GET.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value is not None:
            query[key] = value
    return query


def _without_days(request: HttpRequest) -> QueryDict:
    """The visitor's filters without the list's date range: a month view's days are the month itself."""
    return _changed(request, date_from=None, date_to=None)


def _with_query(url: str, query: str) -> str:
    return f"{url}?{query}" if query else url


def upcoming(request: HttpRequest) -> HttpResponse:
    """Dates from ``date_from`` (today) for four weeks or up to ``date_to``, day by day."""
    today = timezone.localdate()
    agenda = build_agenda(
        _site(request), request.GET, today, today + datetime.timedelta(days=LIST_DAYS - 1), request
    )
    if agenda is None:
        raise Http404
    first_day, last_day = agenda.filterset.clean_range()
    if first_day or last_day:
        first_day = first_day or today
        last_day = last_day or first_day + datetime.timedelta(days=LIST_DAYS - 1)
        if last_day < first_day:
            first_day, last_day = last_day, first_day
        agenda = build_agenda(_site(request), request.GET, first_day, last_day, request)
    next_from = agenda.last_day + datetime.timedelta(days=1)
    context = {
        "agenda": agenda,
        "filterset": agenda.filterset,
        "days": agenda.by_day(),
        "next_query": _changed(request, date_from=next_from.isoformat(), date_to=None).urlencode(),
        "feed_query": request.GET.urlencode(),
        "list_url": _with_query(reverse("events:upcoming"), request.GET.urlencode()),
        # The month of the first date shown ("Later dates" leads into January: January's month).
        "month_url": _with_query(
            reverse("events:month", kwargs={"year": agenda.first_day.year, "month": agenda.first_day.month}),
            _without_days(request).urlencode(),
        ),
        "filter_query": request.GET.urlencode(),
    }
    return render(request, "events/calendar_list.html", context)


def month(request: HttpRequest, year: int | None = None, month: int | None = None) -> HttpResponse:
    """An accessible month table; each day lists its dates, links lead to the event pages."""
    today = timezone.localdate()
    if year is None:  # the current month's own address; /monat/2026/0/ is no month
        year, month = today.year, today.month
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404
    first_day = datetime.date(year, month, 1)
    last_day = datetime.date(year, month, month_calendar.monthrange(year, month)[1])
    data = _without_days(request)
    agenda = build_agenda(_site(request), data, first_day, last_day, request)
    if agenda is None:
        raise Http404
    cells: dict[datetime.date, list] = {}
    for item in agenda.items:
        item_last = item.local_end.date() if (item.all_day and item.local_end) else item.day
        day = max(item.day, first_day)
        while day <= min(item_last, last_day):
            cells.setdefault(day, []).append(item)
            day += datetime.timedelta(days=1)
    weeks = [
        [(day, cells.get(day, []), day.month == month) for day in week]
        for week in month_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    previous_month = first_day - datetime.timedelta(days=1)
    next_month = last_day + datetime.timedelta(days=1)
    query = data.urlencode()
    list_data = _changed(
        request, date_from=first_day.isoformat() if first_day > today else None, date_to=None
    )
    context = {
        "agenda": agenda,
        "filterset": agenda.filterset,
        "weeks": weeks,
        "month_has_dates": bool(cells),
        "month_start": first_day,
        "today": today,
        "previous_url": reverse(
            "events:month", kwargs={"year": previous_month.year, "month": previous_month.month}
        ),
        "next_url": reverse("events:month", kwargs={"year": next_month.year, "month": next_month.month}),
        "list_url": _with_query(reverse("events:upcoming"), list_data.urlencode()),
        "month_url": _with_query(reverse("events:month", kwargs={"year": year, "month": month}), query),
        "filter_query": query,
        "feed_query": query,
        "weekday_names": [
            first_day + datetime.timedelta(days=offset - first_day.weekday()) for offset in range(7)
        ],
    }
    return render(request, "events/calendar_month.html", context)
