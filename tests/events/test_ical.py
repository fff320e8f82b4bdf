"""iCal feeds are valid RFC 5545 and, expanded by a calendar app, give exactly the dates the portal shows."""

from __future__ import annotations

import datetime

import pytest
import recurring_ical_events
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar
from wagtail.models import Locale

from tests.events.conftest import berlin, make_event
from wegweiser.events.recurrence import BERLIN
from wegweiser.offers.models import CourseDate, OfferPage

pytestmark = pytest.mark.django_db


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def local_start(value) -> str:
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time.min, BERLIN)
    return value.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M")


def app_dates(calendar: Calendar, start, end) -> list[tuple[str, str]]:
    events = recurring_ical_events.of(calendar).between(start, end)
    return sorted((str(event["SUMMARY"]), local_start(event.decoded("DTSTART"))) for event in events)


def portal_dates(events, start, end) -> list[tuple[str, str]]:
    return sorted(
        (event.title, occurrence.start.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M"))
        for event in events
        for occurrence in event.occurrences(start, end)
        if not occurrence.cancelled or event.is_cancelled
    )


@pytest.fixture
def sprachcafe(organisation_a):
    return make_event(
        organisation_a,
        title="Sprachcafé",
        start=berlin(2026, 3, 10, 19),
        recurrence_frequency="WEEKLY",
        recurrence_weekdays=["TU"],
        recurrence_until=datetime.date(2026, 11, 10),
        exceptions=[
            {"occurrence_date": datetime.date(2026, 3, 31), "action": "cancel"},
            {
                "occurrence_date": datetime.date(2026, 10, 27),
                "action": "move",
                "new_start": berlin(2026, 10, 28, 18),
                "new_end": berlin(2026, 10, 28, 20),
            },
        ],
    )


def test_single_event_feed_round_trip_across_both_dst_changes(client, sprachcafe):
    calendar = parse(client.get(reverse("events:event-feed", args=[sprachcafe.pk])))
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    series = [event for event in calendar.walk("VEVENT") if "RECURRENCE-ID" not in event][0]
    assert series["UID"] and series["DTSTAMP"]
    assert series["RRULE"]["FREQ"] == ["WEEKLY"]
    assert "EXDATE" in series
    window = (berlin(2026, 3, 1), berlin(2026, 12, 1))
    dates = app_dates(calendar, *window)
    assert dates == portal_dates([sprachcafe], *window)
    assert ("Sprachcafé", "2026-03-24 19:00") in dates and ("Sprachcafé", "2026-04-07 19:00") in dates
    assert ("Sprachcafé", "2026-03-31 19:00") not in dates
    assert ("Sprachcafé", "2026-10-28 18:00") in dates and ("Sprachcafé", "2026-11-03 19:00") in dates


def test_all_day_and_monthly_events_round_trip(client, organisation_a):
    week = make_event(
        organisation_a,
        title="Interkulturelle Woche",
        slug="woche",
        start=berlin(2027, 9, 19),
        end=berlin(2027, 9, 25),
        all_day=True,
    )
    breakfast = make_event(
        organisation_a,
        title="Frauenfrühstück",
        slug="fruehstueck",
        start=berlin(2027, 1, 1, 9),
        recurrence_frequency="MONTHLY",
        recurrence_weekdays=["FR"],
        recurrence_week_of_month=1,
        recurrence_count=6,
    )
    calendar = parse(client.get(reverse("events:organisation-feed", args=[organisation_a.pk])))
    woche = [event for event in calendar.walk("VEVENT") if str(event["SUMMARY"]) == "Interkulturelle Woche"][
        0
    ]
    assert woche.decoded("DTSTART") == datetime.date(2027, 9, 19)
    assert woche.decoded("DTEND") == datetime.date(2027, 9, 26)
    window = (berlin(2027, 1, 1), berlin(2027, 12, 31))
    assert [d for d in app_dates(calendar, *window) if d[0] == "Frauenfrühstück"] == [
        d for d in portal_dates([breakfast], *window)
    ]
    assert len([d for d in app_dates(calendar, *window) if d[0] == "Interkulturelle Woche"]) == 1
    assert week.pk


def test_cancelled_event_is_cancelled_in_the_feed(client, organisation_a):
    event = make_event(
        organisation_a, title="Fest", slug="fest", start=berlin(2026, 6, 6, 14), status="cancelled"
    )
    calendar = parse(client.get(reverse("events:event-feed", args=[event.pk])))
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


@pytest.mark.parametrize(
    ("language", "cancelled"), [("uk", "Скасовано"), ("de", "Abgesagt"), ("ar", "ملغاة")]
)
def test_a_cancelled_event_says_so_in_the_visitor_s_language_and_offers_no_calendar_file(
    client, organisation_a, language, cancelled
):
    """The file said "ABGESAGT / CANCELLED: …" in every language, and the page still offered "Add to my
    calendar" as its main button for an event that will not take place."""
    event = make_event(
        organisation_a, title="Fest", slug="fest", start=berlin(2027, 6, 6, 14), status="cancelled"
    )
    event.status_note = "Die Referentin ist erkrankt."
    event.save_revision().publish()
    with translation.override(language):
        feed = reverse("events:event-feed", args=[event.pk])
    description = str(parse(client.get(feed)).walk("VEVENT")[0]["DESCRIPTION"])
    assert description.startswith(f"{cancelled}: Die Referentin ist erkrankt.")
    page = client.get(f"/{language}{event.url.removeprefix('/de')}", follow=True).content.decode()
    assert "Die Referentin ist erkrankt." in page
    assert feed not in page


def test_filtered_feed_uses_the_same_filters_as_the_calendar(client, organisation_a, organisation_b):
    make_event(organisation_a, title="Gratis", slug="gratis", start=berlin(2026, 12, 1, 19))
    make_event(organisation_b, title="Kostet", slug="kostet", start=berlin(2026, 12, 2, 19), cost="fee")
    params = {"cost": "free", "date_from": "2026-11-01", "date_to": "2026-12-31"}
    calendar = parse(client.get(reverse("events:feed"), params))
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Gratis"]


def test_organisation_feed_has_only_its_events(client, organisation_a, organisation_b):
    make_event(organisation_a, title="Von A", slug="von-a", start=berlin(2026, 12, 1, 19))
    make_event(organisation_b, title="Von B", slug="von-b", start=berlin(2026, 12, 1, 19))
    calendar = parse(client.get(reverse("events:organisation-feed", args=[organisation_b.pk])))
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Von B"]


def test_unknown_event_feed_is_not_found(client, home):
    assert client.get(reverse("events:event-feed", args=[999999])).status_code == 404


def test_an_event_s_calendar_file_names_the_organiser_s_address_and_has_a_name_in_any_script(
    client, organisation_a
):
    """A Ukrainian event's file was "event.ics" (its title has no Latin letters for a file name), and an event
    without a contact address named "noreply@localhost" as its organiser, which a calendar app offers to write
    to. The file takes the page's address; the organiser is the organisation with its own address."""
    organisation_a.email = "kontakt@verein-a.example"
    organisation_a.save_revision().publish()
    event = make_event(organisation_a, title="Sprachcafé", slug="sprachcafe", start=berlin(2026, 12, 2, 10))
    ukrainian = event.copy_for_translation(Locale.objects.get(language_code="uk"), copy_parents=True)
    ukrainian.title = "Мовне кафе"
    ukrainian.save_revision().publish()

    answer = client.get(f"/uk/kalender/veranstaltung/{ukrainian.pk}.ics")
    assert answer["Content-Disposition"] == 'attachment; filename="sprachcafe.ics"'
    (entry,) = parse(answer).walk("VEVENT")
    assert str(entry["ORGANIZER"]) == "mailto:kontakt@verein-a.example"
    assert entry["ORGANIZER"].params["CN"] == organisation_a.title

    organisation_a.email = ""
    organisation_a.save_revision().publish()
    (entry,) = parse(client.get(f"/uk/kalender/veranstaltung/{ukrainian.pk}.ics")).walk("VEVENT")
    assert "ORGANIZER" not in entry


def test_feeds_in_a_language_link_every_event_to_its_page_in_that_language(client, organisation_a):
    """A Persian subscriber taps an event in their calendar app and stays on the Persian site: a
    translated event opens its translation, an untranslated one the German page under ``/fa/``."""
    persian = Locale.objects.get(language_code="fa")
    german_only = make_event(
        organisation_a, title="Bewerbungstraining", slug="bewerbung", start=berlin(2026, 12, 1, 10)
    )
    translated = make_event(
        organisation_a, title="Sprachcafé", slug="sprachcafe", start=berlin(2026, 12, 2, 10)
    )
    persian_page = translated.copy_for_translation(persian, copy_parents=True)
    persian_page.title = "کافه زبان"
    persian_page.save_revision().publish()
    course = OfferPage(title="Deutschkurs", slug="deutschkurs", summary="A1", kind=OfferPage.Kind.COURSE)
    course.course_dates = [CourseDate(start_date=datetime.date(2026, 12, 3))]
    organisation_a.add_child(instance=course)
    course.save_revision().publish()
    expected = {
        "Bewerbungstraining": "http://testserver/fa/partner/verein-a/bewerbung/",
        "کافه زبان": f"http://testserver{persian_page.url}",
    }
    assert expected["کافه زبان"].startswith("http://testserver/fa/")

    calendar = parse(client.get("/fa/kalender/feed.ics?date_from=2026-11-01&date_to=2026-12-31"))
    links = {str(event["SUMMARY"]): str(event["URL"]) for event in calendar.walk("VEVENT")}
    assert links == {**expected, "Deutschkurs": "http://testserver/fa/partner/verein-a/deutschkurs/"}
    calendar = parse(client.get(f"/fa/kalender/organisation/{organisation_a.pk}.ics"))
    links = {str(event["SUMMARY"]): str(event["URL"]) for event in calendar.walk("VEVENT")}
    assert links == expected
    single = parse(client.get(f"/fa/kalender/veranstaltung/{german_only.pk}.ics"))
    assert [str(event["URL"]) for event in single.walk("VEVENT")] == [expected["Bewerbungstraining"]]
    assert expected["Bewerbungstraining"] in str(single.walk("VEVENT")[0]["DESCRIPTION"])

    page = client.get(expected["Bewerbungstraining"].removeprefix("http://testserver"))
    assert page.status_code == 200
    assert page.wsgi_request.LANGUAGE_CODE == "fa"
