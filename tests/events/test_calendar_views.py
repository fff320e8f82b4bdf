"""Visitors browse upcoming dates by day and by month, filter them, and see other plugins' dates too."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail import hooks
from wagtail.models import Locale

from tests.events.conftest import make_event, soon, weekly_elterncafe
from wegweiser.events.models import EventPage
from wegweiser.events.recurrence import BERLIN
from wegweiser.site.models import Topic
from wegweiser.site.registry import CalendarEntry, ListingType

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic_sprache(home):
    return Topic.objects.create(name="Sprache", slug="sprache", locale=Locale.get_default())


def test_upcoming_list_groups_dates_by_day(client, organisation_a):
    make_event(organisation_a, title="Infoabend", slug="infoabend", start=soon(2))
    make_event(organisation_a, title="Sprachcafé", slug="sprachcafe", start=soon(3, 18))
    response = client.get(reverse("events:upcoming"))
    assert response.status_code == 200
    days = response.context["days"]
    assert [day for day, _items in days] == [soon(2).date(), soon(3).date()]
    assert [item.title for item in days[0][1]] == ["Infoabend"]
    assert "Infoabend" in response.content.decode()


def test_weekly_series_shows_every_date_in_the_list(client, organisation_a):
    start = soon(1)
    weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][start.weekday()]
    make_event(organisation_a, start=start, recurrence_frequency="WEEKLY", recurrence_weekdays=[weekday])
    response = client.get(reverse("events:upcoming"))
    assert len(response.context["agenda"].items) == 4


def test_cancelled_event_stays_in_the_calendar_clearly_marked(client, organisation_a):
    make_event(organisation_a, title="Workshop Wohnen", slug="wohnen", start=soon(4), status="cancelled")
    response = client.get(reverse("events:upcoming"))
    html = response.content.decode()
    assert "Workshop Wohnen" in html
    assert "calendar-item--cancelled" in html
    assert response.context["agenda"].items[0].cancelled


def test_filter_by_topic_and_free_of_charge(client, organisation_a, topic_sprache):
    make_event(organisation_a, title="Sprachcafé", slug="sprachcafe", start=soon(2), topics=[topic_sprache])
    make_event(organisation_a, title="Kochabend", slug="kochabend", start=soon(2), cost="fee")
    titles = [
        item.title
        for item in client.get(reverse("events:upcoming"), {"topic": "sprache"}).context["agenda"].items
    ]
    assert titles == ["Sprachcafé"]
    titles = [
        item.title
        for item in client.get(reverse("events:upcoming"), {"cost": "free"}).context["agenda"].items
    ]
    assert titles == ["Sprachcafé"]


def test_date_range_filter(client, organisation_a):
    make_event(organisation_a, title="Bald", slug="bald", start=soon(2))
    make_event(organisation_a, title="Später", slug="spaeter", start=soon(40))
    day = soon(40).date().isoformat()
    response = client.get(reverse("events:upcoming"), {"date_from": day, "date_to": day})
    assert [item.title for item in response.context["agenda"].items] == ["Später"]


def test_invalid_date_gets_a_message_not_an_error(client, organisation_a):
    response = client.get(reverse("events:upcoming"), {"date_from": "31.02.2026"})
    assert response.status_code == 200
    assert response.context["filterset"].errors


def test_month_calendar_is_a_table_with_the_dates_in_their_days(client, organisation_a):
    make_event(
        organisation_a,
        title="Elternabend",
        slug="elternabend",
        start=datetime.datetime(2026, 3, 12, 19, tzinfo=BERLIN),
    )
    response = client.get(reverse("events:month", kwargs={"year": 2026, "month": 3}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<table" in html and '<th scope="col">' in html
    cells = {day: items for week in response.context["weeks"] for day, items, _in_month in week}
    assert [item.title for item in cells[datetime.date(2026, 3, 12)]] == ["Elternabend"]
    assert cells[datetime.date(2026, 3, 13)] == []


@pytest.mark.parametrize("path", ["2026/13", "2026/0", "0/5", "1999/12"])
def test_month_out_of_range_is_not_found(client, home, path):
    """Month 0 showed the current month under an address that names no month."""
    assert client.get(f"/de/kalender/monat/{path}/").status_code == 404


def test_other_plugins_dates_appear_through_the_registry(client, organisation_a, topic_sprache):
    def course_dates(start, end, locale_code):
        return [
            CalendarEntry(
                title="Integrationskurs A1 beginnt",
                url="/de/angebote/a1/",
                start=soon(5, 9),
                end=None,
                kind="course_date",
                topics=("sprache",),
                free_of_charge=True,
            )
        ]

    def register():
        return ListingType(key="course-test", model=EventPage, label="Kurs", calendar_entries=course_dates)

    Topic.objects.create(name="Arbeit", slug="arbeit", locale=Locale.get_default())
    with hooks.register_temporarily("register_listing_type", register):
        response = client.get(reverse("events:upcoming"))
        assert [item.title for item in response.context["agenda"].items] == ["Integrationskurs A1 beginnt"]
        filtered = client.get(reverse("events:upcoming"), {"topic": "arbeit"})
        assert filtered.context["agenda"].items == []


@pytest.mark.parametrize("view", ["upcoming", "month"])
def test_calendar_query_count_does_not_grow_with_the_number_of_events(
    client, organisation_a, topic_sprache, view
):
    def create(count: int, offset: int):
        for number in range(count):
            make_event(
                organisation_a,
                title=f"Termin {offset + number}",
                slug=f"termin-{offset + number}",
                start=soon(1 + number % 20),
                topics=[topic_sprache],
                recurrence_frequency="DAILY" if number % 3 == 0 else "",
                recurrence_count=3 if number % 3 == 0 else None,
            )

    today = timezone.localdate()
    url = (
        reverse("events:upcoming")
        if view == "upcoming"
        else reverse("events:month", args=[today.year, today.month])
    )
    create(5, 0)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url, {"topic": "sprache"})
    create(25, 100)
    client.get(url)  # the first request after a change rebuilds the cached navigation, as above
    with CaptureQueriesContext(connection) as many:
        response = client.get(url, {"topic": "sprache"})
    assert len(response.context["agenda"].events) == 30 if view == "upcoming" else True
    assert len(many) == len(few)


def test_a_dates_german_note_reads_as_german_in_the_arabic_calendar(client, organisation_a):
    start = soon(1)
    weekly_elterncafe(
        organisation_a,
        start,
        exceptions=[
            {
                "occurrence_date": start.date() + datetime.timedelta(days=7),
                "action": "move",
                "new_start": start + datetime.timedelta(days=8),
                "note": "Bitte Ausweis mitbringen",
            }
        ],
    )

    arabic = client.get("/ar/kalender/").content.decode()
    german = client.get("/de/kalender/").content.decode()

    assert '<p class="calendar-item__note" lang="de" dir="ltr">Bitte Ausweis mitbringen</p>' in arabic
    assert 'lang="de" dir="ltr">Elterncafé</a>' in arabic
    assert '<p class="calendar-item__note">Bitte Ausweis mitbringen</p>' in german


def test_a_translations_note_nobody_translated_reads_as_german(client, organisation_a):
    event = make_event(
        organisation_a,
        title="Workshop Wohnungssuche",
        slug="wohnungssuche",
        start=soon(3),
        status="cancelled",
        status_note="Die Referentin ist erkrankt.",
    )
    arabic = event.copy_for_translation(Locale.objects.get(language_code="ar"), copy_parents=True)
    arabic.title = "ورشة: البحث عن شقة"
    arabic.save_revision().publish()

    calendar = client.get("/ar/kalender/").content.decode()
    assert arabic.url.startswith("/ar/")
    page = client.get(arabic.url).content.decode()

    assert '<p class="calendar-item__note" lang="de" dir="ltr">Die Referentin ist erkrankt.</p>' in calendar
    assert '<a href="/ar/' in calendar and ">ورشة: البحث عن شقة</a>" in calendar
    assert '<span lang="de" dir="ltr">Die Referentin ist erkrankt.</span>' in page


def test_the_arabic_calendar_marks_untranslated_notes_without_a_query_per_event(client, organisation_a):
    """Each translated event's German original is read for its note's language: all at once, not per event."""
    arabic = Locale.objects.get(language_code="ar")

    def create(count: int, offset: int):
        for number in range(offset, offset + count):
            event = make_event(
                organisation_a,
                title=f"Termin {number}",
                slug=f"termin-{number}",
                start=soon(1 + number % 20),
                status="cancelled",
                status_note=f"Fällt aus ({number}).",
            )
            translation = event.copy_for_translation(arabic, copy_parents=True)
            translation.title = f"موعد {number}"
            translation.save_revision().publish()

    create(2, 0)
    client.get("/ar/kalender/")
    with CaptureQueriesContext(connection) as few:
        client.get("/ar/kalender/")
    create(6, 100)
    client.get("/ar/kalender/")  # the first request after a change rebuilds the cached navigation
    with CaptureQueriesContext(connection) as many:
        calendar = client.get("/ar/kalender/").content.decode()

    assert calendar.count('<p class="calendar-item__note" lang="de" dir="ltr">Fällt aus (') == 8
    assert len(many) == len(few)


def test_a_recurring_event_is_said_to_repeat_in_arabic_not_named_the_repetition(client, organisation_a):
    """The card's "repeats" shared its word with the form field's label: the Arabic card read "· التكرار ·"."""
    weekly_elterncafe(organisation_a, soon(1))
    with translation.override("ar"):
        url = reverse("search:search")
    html = client.get(url, {"q": "Elterncafé"}).content.decode()
    assert " · متكرر" in html and "التكرار" not in html


def test_the_month_link_of_later_dates_opens_their_month_with_every_date_in_it(client, organisation_a):
    """After "Later dates" (the list from 2 January), "Month" opened the current month, and there the list's
    "from" date hid the dates of events that end before it: December showed some of its dates, not all."""
    today = timezone.localdate()
    first_of_next_month = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    later = first_of_next_month + datetime.timedelta(days=1)
    this_month_event = make_event(
        organisation_a,
        title="Elterncafé",
        slug="elterncafe",
        start=datetime.datetime.combine(today.replace(day=1), datetime.time(10), BERLIN),
    )
    listing = client.get(reverse("events:upcoming"), {"date_from": later.isoformat()})
    month_url = reverse("events:month", args=[later.year, later.month])
    assert f'href="{month_url}"' in listing.content.decode()

    month = client.get(reverse("events:month-current"), {"date_from": later.isoformat()})
    assert [item.title for item in month.context["agenda"].items] == [this_month_event.title]
    html = month.content.decode()
    assert "date_from" not in html.split('class="month-calendar"')[0].split("</h1>")[1]
    list_url = reverse("events:upcoming")
    next_month = client.get(reverse("events:month", args=[later.year, later.month])).content.decode()
    assert f'href="{list_url}?date_from={first_of_next_month.isoformat()}"' in next_month
