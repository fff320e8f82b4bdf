"""An app developer reads course dates of offers and the dates of events (one-off and recurring, with single
dates cancelled or moved) from the public API, filters events by a date range and gets a flat calendar of
occurrences — with Europe/Berlin offsets, a fixed number of queries, and never a registrant's data."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.api.conftest import API, terms, translate
from tests.events.conftest import make_event
from wegweiser.events.models import EventPage, EventRegistration
from wegweiser.events.recurrence import BERLIN
from wegweiser.offers.factories import CourseDateFactory, OfferPageFactory
from wegweiser.offers.models import OfferPage
from wegweiser.site.blocks import slots_stream
from wegweiser.site.models import PortalSettings, Topic
from wegweiser.site.schedules import parse_schedule

OFFERS = f"{API}/listings/offer/"
EVENTS = f"{API}/listings/event/"
OCCURRENCES = f"{API}/listings/event/occurrences/"
OFFSET = re.compile(r"[+-]\d\d:\d\d$")


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.WEGWEISER_API_RATE_LIMIT = 0


def days(number: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=number)


def berlin_at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BERLIN)


def next_weekday(weekday: int) -> datetime.date:
    """The next date (after today) falling on ``weekday`` (Monday = 0)."""
    today = timezone.localdate()
    return today + datetime.timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def cafe_dates_within(window_days: int = 90) -> int:
    """How many Tuesdays of the weekly café start within the next ``window_days`` days."""
    first = next_weekday(1)
    horizon = timezone.now() + datetime.timedelta(days=window_days)
    return sum(berlin_at(first + datetime.timedelta(weeks=week), 19) <= horizon for week in range(20))


def add_course(parent, title="Integrationskurs A1", dates=(), **fields) -> OfferPage:
    fields.setdefault("kind", OfferPage.Kind.COURSE)
    fields.setdefault("level_from", OfferPage.Level.A1)
    course = OfferPageFactory(parent=parent, title=title, **fields)
    course.save_revision().publish()
    for course_date in dates:
        CourseDateFactory(page=course, **course_date)
    return course


def items(client, url, **params) -> list[dict]:
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()["items"]


# -- offers and their course dates ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_offer_shows_its_own_fields_and_only_upcoming_course_dates(client, caritas):
    course = add_course(
        caritas,
        childcare=True,
        mode=OfferPage.Mode.HYBRID,
        opening_hours="Mo–Do 9–12",
        by_appointment_only=True,
        registration="<p>Bitte mit <b>Berechtigungsschein</b> kommen.</p>",
        dates=[
            {"start_date": days(-120), "end_date": days(-10), "schedule": "vorbei"},
            {"start_date": days(-5), "end_date": days(60), "schedule": "Mo–Fr 8:30–12:45", "seats_free": 2},
            {"start_date": days(40), "end_date": days(130), "seats_total": 20, "seats_free": 0},
            {"start_date": days(20), "end_date": None, "seats_free": None, "registration_deadline": days(-1)},
        ],
    )
    offer = items(client, OFFERS)[0]
    assert offer["id"] == course.pk
    assert offer["type"] == "offer"
    assert (offer["kind"], offer["level_from"], offer["level_to"], offer["mode"]) == (
        "course",
        "a1",
        "a1",
        "hybrid",
    )
    assert (offer["course_level"], offer["levels"], offer["level_label"]) == ("a1", ["a1"], "A1")
    assert offer["childcare"] is True
    assert offer["by_appointment_only"] is True
    assert offer["opening_hours"] == "Mo–Do 9–12"
    assert "<b>Berechtigungsschein</b>" in offer["registration_html"]
    assert offer["organisation"]["title"] == "Caritas Teststadt"
    assert offer["facets"] == {
        "kind": ["course"],
        "level": ["a1"],
        "childcare": True,
        "mode": ["hybrid"],
        "time_of_day": ["morning"],  # the factory's dates meet Mo–Fr 8:30–12:45
    }
    assert offer["body_html"] is None
    dates = offer["course_dates"]
    assert [date["start_date"] for date in dates] == [str(days(-5)), str(days(20)), str(days(40))]
    running, no_deadline_left, full = dates
    assert running["started"] is True and running["status"] == "open"
    assert running["schedule"] == "Mo–Fr 8:30–12:45"
    assert (running["seats_free"], running["has_free_seats"]) == (2, True)
    assert no_deadline_left["status"] == "registration_closed"
    assert no_deadline_left["end_date"] is None
    assert no_deadline_left["has_free_seats"] is True
    assert (full["status"], full["seats_total"], full["has_free_seats"]) == ("full", 20, False)


@pytest.mark.django_db
def test_one_offer_comes_with_its_details_and_status_labels_in_the_requested_language(
    client, caritas, english
):
    course = add_course(caritas, dates=[{"start_date": days(10), "seats_free": 0}])
    translate(course, "en", title="Integration course A1")
    detail = client.get(f"{OFFERS}{course.pk}/", {"locale": "en"}).json()
    assert detail["title"] == "Integration course A1"
    assert detail["locale"] == "en"
    assert isinstance(detail["body_html"], str)
    assert detail["course_dates"][0]["status_label"] == "fully booked"
    assert detail["kind_label"] == "course"


# -- events and their occurrences ----------------------------------------------------------------------------


@pytest.fixture
def weekly_cafe(caritas):
    """A Sprachcafé every Tuesday 19–21 h from next Tuesday; the second date cancelled, the third moved."""
    first = next_weekday(1)
    return make_event(
        caritas,
        "Sprachcafé",
        start=berlin_at(first, 19),
        end=berlin_at(first, 21),
        recurrence_frequency="WEEKLY",
        recurrence_weekdays=["TU"],
        topics=terms(Topic, "sprache"),
        online_url="https://treff.example/cafe",
        exceptions=[
            {"occurrence_date": first + datetime.timedelta(days=7), "action": "cancel", "note": "Ferien"},
            {
                "occurrence_date": first + datetime.timedelta(days=14),
                "action": "move",
                "new_start": berlin_at(first + datetime.timedelta(days=15), 18),
                "new_end": berlin_at(first + datetime.timedelta(days=15), 20),
                "note": "Raum 2",
            },
        ],
    )


@pytest.fixture
def festival(frauentreff):
    day = next_weekday(5) + datetime.timedelta(weeks=6)  # a Saturday: the café meets on Tuesdays
    return make_event(
        frauentreff,
        "Sommerfest",
        start=berlin_at(day, 14),
        end=berlin_at(day, 18),
        topics=terms(Topic, "freizeit"),
    )


@pytest.mark.django_db
def test_event_lists_its_dates_with_cancelled_and_moved_ones_in_berlin_time(client, weekly_cafe):
    first = next_weekday(1)
    event = items(client, EVENTS)[0]
    assert event["recurring"] is True
    assert "FREQ=WEEKLY" in event["rrule"]
    assert event["online_url"] == "https://treff.example/cafe"
    assert event["cancelled"] is False
    assert event["registration"]["mode"] == "none"
    occurrences = event["occurrences"]
    assert len(occurrences) == cafe_dates_within(90)
    assert occurrences[0]["start"] == berlin_at(first, 19).isoformat()
    assert occurrences[0]["end"] == berlin_at(first, 21).isoformat()
    assert all(OFFSET.search(occurrence["start"]) for occurrence in occurrences)
    cancelled, moved = occurrences[1], occurrences[2]
    assert (cancelled["cancelled"], cancelled["note"]) == (True, "Ferien")
    assert moved["moved"] is True
    assert moved["start"] == berlin_at(first + datetime.timedelta(days=15), 18).isoformat()
    assert moved["original_start"] == berlin_at(first + datetime.timedelta(days=14), 19).isoformat()
    assert moved["note"] == "Raum 2"


@pytest.mark.django_db
def test_date_range_narrows_the_events_and_their_dates(client, weekly_cafe, festival):
    first = next_weekday(1)
    week_two = {
        "date_from": first + datetime.timedelta(days=6),
        "date_to": first + datetime.timedelta(days=8),
    }
    listed = items(client, EVENTS, **week_two)
    assert [event["title"] for event in listed] == ["Sprachcafé"]
    assert [occurrence["cancelled"] for occurrence in listed[0]["occurrences"]] == [True]
    festival_day = festival.start.astimezone(BERLIN).date()
    on_the_day = items(client, EVENTS, date_from=festival_day, date_to=festival_day)
    assert [event["title"] for event in on_the_day] == ["Sommerfest"]
    thursday = next_weekday(3) + datetime.timedelta(weeks=28)
    assert items(client, EVENTS, date_from=thursday, date_to=thursday + datetime.timedelta(days=1)) == []
    later = items(client, EVENTS, date_from=thursday, date_to=thursday + datetime.timedelta(days=5))
    assert [len(event["occurrences"]) for event in later] == [1]
    after = festival_day + datetime.timedelta(days=1)
    detail = client.get(f"{EVENTS}{festival.pk}/", {"date_from": after}).json()
    assert detail["occurrences"] == []
    assert client.get(f"{EVENTS}{festival.pk}/").json()["occurrences"][0]["start"] == (
        berlin_at(festival_day, 14).isoformat()
    )


@pytest.mark.django_db
def test_occurrences_list_is_flat_sorted_paginated_and_filtered_like_the_finder(
    client, weekly_cafe, festival
):
    response = client.get(OCCURRENCES, {"limit": 5})
    assert response.status_code == 200, response.content
    page = response.json()
    assert page["count"] == cafe_dates_within(90) + 1  # the Tuesdays and the festival
    assert page["next"] and page["previous"] is None
    starts = [item["start"] for item in page["items"]]
    assert starts == sorted(starts, key=datetime.datetime.fromisoformat)
    assert page["items"][0]["event"]["title"] == "Sprachcafé"
    assert page["items"][0]["event"]["place"]["city"] == ""
    everything = items(client, OCCURRENCES, limit=100)
    assert [item["event"]["title"] for item in everything].count("Sommerfest") == 1
    datetimes = [datetime.datetime.fromisoformat(item["start"]) for item in everything]
    assert datetimes == sorted(datetimes)
    leisure = items(client, OCCURRENCES, topic="freizeit")
    assert [item["event"]["id"] for item in leisure] == [festival.pk]
    festival_day = festival.start.astimezone(BERLIN).date()
    in_range = items(client, OCCURRENCES, date_from=festival_day, date_to=festival_day)
    assert [(item["event"]["id"], item["start"][:10]) for item in in_range] == [
        (festival.pk, str(festival_day))
    ]


@pytest.mark.django_db
def test_drafts_and_other_types_switched_off_never_reach_the_calendar(client, caritas, weekly_cafe, home):
    make_event(caritas, "Geheimes Treffen", start=berlin_at(days(3), 10), live=False, publish=False)
    titles = {item["event"]["title"] for item in items(client, OCCURRENCES, limit=100)}
    assert titles == {"Sprachcafé"}
    settings = PortalSettings.for_site(home.get_site())
    settings.disabled_listing_types = ["event"]
    settings.save()
    assert client.get(OCCURRENCES).status_code == 404


@pytest.mark.django_db
def test_places_left_are_counted_but_registrants_never_shown(client, caritas):
    event = make_event(
        caritas,
        "Infoabend",
        start=berlin_at(days(5), 18),
        registration_mode=EventPage.RegistrationMode.INTERNAL,
        capacity=3,
    )
    occurrence = event.upcoming_occurrences(limit=1)[0]
    EventRegistration.register(event, occurrence, "Amira Beispiel", "amira@example.org")
    EventRegistration.register(event, occurrence, "Olena Muster", "olena@example.org")
    listed = client.get(EVENTS)
    event_item = listed.json()["items"][0]
    registration = event_item["registration"]
    assert (registration["mode"], registration["capacity"], registration["open"]) == ("internal", 3, True)
    assert event_item["occurrences"][0]["places_left"] == 1
    feed = client.get(OCCURRENCES)
    assert feed.json()["items"][0]["places_left"] == 1
    for response in (listed, feed, client.get(f"{EVENTS}{event.pk}/")):
        body = response.content.decode()
        assert "Amira" not in body and "amira@example.org" not in body and "Olena" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"date_from": "2030-05-10", "date_to": "2030-05-01"}, "date_to"),
        ({"date_from": "2030-01-01", "date_to": "2031-06-01"}, "date_to"),
        ({"date_from": "0001-01-01"}, "date_from"),
        ({"date_to": "31.12.2030"}, "date_to"),
        ({"date_to": "2001-01-01"}, "date_to"),
    ],
)
def test_a_bad_date_range_gets_a_clear_message_not_an_error(client, weekly_cafe, params, parameter):
    for url in (EVENTS, OCCURRENCES, f"{EVENTS}{weekly_cafe.pk}/"):
        response = client.get(url, params, HTTP_ACCEPT_LANGUAGE="de")
        assert response.status_code == 400, (url, response.content)
        body = response.json()
        assert body["detail"]
        assert body["errors"][parameter], body
        assert "Traceback" not in response.content.decode()
    message = client.get(EVENTS, {**params, "locale": "en"}).json()["errors"][parameter][0]
    assert "date" in message.lower() or "valid" in message.lower()


@pytest.mark.django_db
def test_a_cancelled_event_shows_all_its_dates_cancelled(client, caritas):
    make_event(
        caritas,
        "Abgesagt",
        start=berlin_at(days(3), 10),
        status=EventPage.Status.CANCELLED,
        status_note="Krankheit",
    )
    event = items(client, EVENTS)[0]
    assert event["cancelled"] is True and event["status_note"] == "Krankheit"
    assert [occurrence["cancelled"] for occurrence in event["occurrences"]] == [True]


# -- query budget --------------------------------------------------------------------------------------------


def queries_for(client, url: str) -> int:
    client.get(url)  # warm caches shared by every later request (site root paths, term labels)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(captured)


def add_offers(parent, start: int, end: int) -> None:
    for number in range(start, end):
        add_course(
            parent,
            title=f"Kurs {number}",
            slug=f"kurs-{number}",
            dates=[{"start_date": days(10 + number)}, {"start_date": days(100 + number)}],
        )


def add_events(parent, start: int, end: int) -> None:
    for number in range(start, end):
        first = days(1 + number % 7)
        event = make_event(
            parent,
            f"Treff {number}",
            slug=f"treff-{number}",
            start=berlin_at(first, 17),
            recurrence_frequency="WEEKLY",
            exceptions=[{"occurrence_date": first + datetime.timedelta(days=7), "action": "cancel"}],
            registration_mode=EventPage.RegistrationMode.INTERNAL,
            capacity=10,
            topics=terms(Topic, "sprache"),
        )
        EventRegistration.register(event, event.upcoming_occurrences(limit=1)[0], "X", "x@example.org")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("add", "paths"),
    [
        (add_offers, ["/listings/offer/?limit=100", "/listings/offer/?locale=en&level=a1&limit=100"]),
        (
            add_events,
            [
                "/listings/event/?limit=100",
                "/listings/event/?topic=sprache&date_from={soon}&date_to={later}&limit=100",
                "/listings/event/occurrences/?limit=100",
                "/listings/event/occurrences/?topic=sprache&date_from={soon}&limit=100",
            ],
        ),
    ],
)
def test_list_queries_stay_the_same_for_3_or_30_listings(
    client, caritas, english, add, paths, django_assert_max_num_queries
):
    urls = [f"{API}{path}".format(soon=days(2), later=days(30)) for path in paths]
    add(caritas, 0, 3)
    few = [queries_for(client, url) for url in urls]
    add(caritas, 3, 30)
    for url, budget in zip(urls, few, strict=True):
        client.get(url)  # warm the caches as for the small catalogue
        with django_assert_max_num_queries(budget) as captured:
            response = client.get(url)
        assert response.status_code == 200
        assert len(response.json()["items"]) >= 30
        assert len(captured) == budget
    assert max(few) <= 20


# -- schema.org --------------------------------------------------------------------------------------------


def page_json_ld(client, page) -> dict:
    html = client.get(page.url).content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


@pytest.mark.django_db
def test_a_series_tells_search_engines_its_schedule_and_each_date(client, weekly_cafe):
    first = next_weekday(1)
    data = page_json_ld(client, weekly_cafe)
    assert data["eventSchedule"] == {
        "@type": "Schedule",
        "startDate": first.isoformat(),
        "repeatFrequency": "P1W",
        "byDay": ["https://schema.org/Tuesday"],
        "startTime": "19:00:00",
        "endTime": "21:00:00",
        "scheduleTimezone": "Europe/Berlin",
    }
    dates = data["subEvent"]
    assert len(dates) == 10
    assert dates[0]["startDate"] == berlin_at(first, 19).isoformat()
    assert dates[1]["eventStatus"] == "https://schema.org/EventCancelled"
    assert dates[2]["eventStatus"] == "https://schema.org/EventRescheduled"
    assert dates[2]["startDate"] == berlin_at(first + datetime.timedelta(days=15), 18).isoformat()


@pytest.mark.django_db
def test_a_one_off_event_has_no_schedule_and_a_course_lists_its_upcoming_dates(client, festival, caritas):
    data = page_json_ld(client, festival)
    assert "eventSchedule" not in data and "subEvent" not in data
    course = add_course(
        caritas,
        dates=[
            {"start_date": days(-60), "end_date": days(-1)},
            {
                "start_date": days(14),
                "end_date": days(100),
                "slots": slots_stream(parse_schedule("Di und Do 18–20 Uhr")),
                "schedule": "nicht in den Ferien",
            },
        ],
    )
    instances = page_json_ld(client, course)["hasCourseInstance"]
    assert [instance["startDate"] for instance in instances] == [str(days(14))]
    assert instances[0]["courseSchedule"] == {
        "@type": "Schedule",
        "repeatFrequency": "P1W",
        "byDay": ["https://schema.org/Tuesday", "https://schema.org/Thursday"],
        "startTime": "18:00:00",
        "endTime": "20:00:00",
        "startDate": str(days(14)),
        "endDate": str(days(100)),
        "description": "nicht in den Ferien",
    }


# -- open data -----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_exports_carry_the_next_course_date_and_the_next_event_date(client, caritas, weekly_cafe):
    add_course(
        caritas,
        dates=[
            {"start_date": days(-30), "end_date": days(-2)},
            {"start_date": days(10), "seats_free": 0},
            {"start_date": days(40), "seats_free": None},
        ],
    )
    rows = list(
        csv.DictReader(
            io.StringIO(client.get(f"{API}/export/offer.csv", {"dialect": "rfc4180"}).content.decode())
        )
    )
    assert (rows[0]["next_course_date"], rows[0]["next_course_date_with_seats"]) == (
        str(days(10)),
        str(days(40)),
    )
    export = client.get(f"{API}/export/event.json").json()
    assert {"next_occurrence", "rrule", "status"} <= set(export["columns"])
    cafe = export["items"][0]
    assert cafe["next_occurrence"] == berlin_at(next_weekday(1), 19).isoformat()
    assert cafe["rrule"].startswith("FREQ=WEEKLY") and cafe["status"] == "scheduled"


@pytest.mark.django_db
def test_event_export_queries_do_not_grow_with_the_catalogue(client, caritas, django_assert_max_num_queries):
    add_events(caritas, 0, 2)
    url = f"{API}/export/event.json"
    few = queries_for(client, url)
    add_events(caritas, 2, 12)
    client.get(url)
    with django_assert_max_num_queries(few) as captured:
        assert client.get(url).json()["count"] == 12
    assert len(captured) == few


# -- the same schema.org document as the public page ---------------------------------------------------------


@pytest.mark.django_db
def test_json_ld_of_a_course_and_a_series_carries_their_dates_like_the_public_page(
    client, caritas, weekly_cafe
):
    course = add_course(caritas, dates=[{"start_date": days(20), "end_date": days(80), "schedule": "Mo–Fr"}])
    course_document = client.get(f"{OFFERS}{course.pk}.jsonld").json()
    assert course_document["@type"] == "Course"
    assert course_document["identifier"] == str(course.translation_key)
    instances = course_document["hasCourseInstance"]
    instances = instances if isinstance(instances, list) else [instances]
    assert [instance["startDate"] for instance in instances] == [str(days(20))]

    series = client.get(f"{EVENTS}{weekly_cafe.pk}.jsonld").json()
    assert series["@type"] == "Event"
    assert series["eventSchedule"]["repeatFrequency"]
    sub_events = series["subEvent"]
    assert any(sub["eventStatus"].endswith("EventCancelled") for sub in sub_events)
    page = client.get(weekly_cafe.url).content.decode()
    assert '"eventSchedule"' in page  # the public page carries the same schedule
