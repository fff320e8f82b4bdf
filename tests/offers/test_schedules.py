"""Course dates meet in weekly slots: the editor ticks weekdays and enters times, the finder offers mornings,
evenings and weekends, and the page, the API and JSON-LD show the slots (in the visitor's language)."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.apps import apps
from django.utils import timezone, translation

from tests.offers.admin_forms import offer_form_data, slot
from wegweiser.offers.models import CourseDate, OfferPage
from wegweiser.offers.offer_import import import_offers
from wegweiser.plugin_api.testing import built_once, make_organisation, make_organisation_index, make_user
from wegweiser.site.blocks import slots_stream
from wegweiser.site.models import ListingDayPart, ListingIndexPage
from wegweiser.site.schedules import parse_schedule
from wegweiser.site.setup import ensure_portal

API = "/api/v1"


def _course(parent, title: str, *dates: dict) -> OfferPage:
    offer = OfferPage(
        title=title, slug=title.lower().replace(" ", "-"), summary=title, kind=OfferPage.Kind.COURSE
    )
    start = timezone.localdate() + datetime.timedelta(days=20)
    offer.course_dates = [
        CourseDate(start_date=start, end_date=start + datetime.timedelta(days=60), **date) for date in dates
    ]
    parent.add_child(instance=offer)
    offer.save_revision().publish()
    return offer


def _build_world():
    home = ensure_portal(home_title="Willkommen in Teststadt")
    organisation = make_organisation(make_organisation_index(home), "Verein A", "verein-a")
    editor = make_user("editor-a", organisation.editors_group)
    finder = home.add_child(
        instance=ListingIndexPage(title="Angebote", slug="angebote", listing_type="offer")
    )
    finder.save_revision().publish()
    morning = _course(
        organisation,
        "Integrationskurs Vormittag",
        {"slots": slots_stream(parse_schedule("Mo–Fr 8:30–12:45")), "schedule": "nicht in den Schulferien"},
    )
    evening = _course(
        organisation,
        "Abendkurs A2",
        {"slots": slots_stream(parse_schedule("Di, Do 18–20 Uhr; Sa 10–13 Uhr"))},
    )
    cancelled = _course(
        organisation,
        "Nachmittagskurs",
        {
            "slots": slots_stream(parse_schedule("Mi 14–16 Uhr")),
            "status": CourseDate.Status.CANCELLED,
            "cancellation_reason": "Die Lehrkraft ist krank.",
        },
    )
    return {
        "organisation": organisation.pk,
        "editor": editor.pk,
        "finder": finder.pk,
        "morning": morning.pk,
        "evening": evening.pk,
        "cancelled": cancelled.pk,
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, _build_world) as ids:
        yield ids


@pytest.fixture
def pages(world, db):
    from wagtail.models import Page

    return {name: Page.objects.get(pk=pk).specific for name, pk in world.items() if name not in ("editor",)}


def _day_parts(page) -> set[str]:
    return set(ListingDayPart.objects.filter(page_id=page.pk).values_list("value", flat=True))


def test_publishing_stores_the_parts_of_the_day_of_the_course_dates_not_cancelled(pages):
    assert _day_parts(pages["morning"]) == {"morning"}
    assert _day_parts(pages["evening"]) == {"evening", "morning", "weekend"}
    assert _day_parts(pages["cancelled"]) == set()


def test_the_finder_lists_evening_courses_under_evenings(client, pages):
    response = client.get(f"{pages['finder'].url}?time_of_day=evening")
    assert [listing.title for listing in response.context["listings"]] == ["Abendkurs A2"]
    html = response.content.decode()
    assert "Tageszeit" in html and "Abends (Beginn ab 17:00)" in html


def test_the_course_page_shows_the_slots_in_german(client, pages):
    html = client.get(pages["evening"].url).content.decode()
    assert '<span class="course-date__slot">Di, Do <bdi>18:00–20:00</bdi></span>' in html
    assert '<span class="course-date__slot">Sa <bdi>10:00–13:00</bdi></span>' in html
    morning = client.get(pages["morning"].url).content.decode()
    assert "Mo–Fr <bdi>08:30–12:45</bdi>" in morning and "nicht in den Schulferien" in morning


def test_the_course_page_shows_the_slots_in_arabic(client, pages):
    html = client.get(pages["evening"].url.replace("/de/", "/ar/", 1)).content.decode()
    assert '<span class="course-date__slot">ثلاثاء، خميس <bdi>18:00–20:00</bdi></span>' in html


def test_the_api_gives_the_slots_and_filters_by_time_of_day(client, pages):
    response = client.get(f"{API}/listings/offer/", {"time_of_day": "weekend"})
    assert response.status_code == 200, response.content
    [item] = response.json()["items"]
    assert item["title"] == "Abendkurs A2"
    assert item["facets"]["time_of_day"] == ["morning", "evening", "weekend"]
    [course_date] = item["course_dates"]
    assert course_date["slots"] == [
        {"weekdays": ["TU", "TH"], "start": "18:00", "end": "20:00", "text": "Di, Do 18:00–20:00"},
        {"weekdays": ["SA"], "start": "10:00", "end": "13:00", "text": "Sa 10:00–13:00"},
    ]
    assert course_date["times"] == "Di, Do 18:00–20:00; Sa 10:00–13:00"


def test_json_ld_has_a_weekly_schedule_per_slot(client, pages):
    html = client.get(pages["morning"].url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    schedule = data["hasCourseInstance"][0]["courseSchedule"]
    assert schedule["repeatFrequency"] == "P1W"
    assert schedule["byDay"][0] == "https://schema.org/Monday" and len(schedule["byDay"]) == 5
    assert (schedule["startTime"], schedule["endTime"]) == ("08:30:00", "12:45:00")
    assert schedule["description"] == "nicht in den Schulferien"


def test_the_editor_enters_two_slots_for_a_course_date(client, world, pages):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(pk=world["editor"]))
    start = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    response = client.post(
        f"/admin/pages/add/offers/offerpage/{world['organisation']}/",
        offer_form_data(
            "publish",
            title="Wochenendkurs",
            slug="wochenendkurs",
            kind="course",
            course_dates=[
                {
                    "start_date": start,
                    "end_date": "",
                    "slots": _streamfield(
                        [slot(["TU", "TH"], "18:00", "20:00"), slot(["SA"], "10:00", "13:00")]
                    ),
                    "schedule": "",
                    "seats_total": "",
                    "seats_free": "",
                    "registration_deadline": "",
                    "status": "open",
                    "cancellation_reason": "",
                }
            ],
        ),
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    offer = OfferPage.objects.get(slug="wochenendkurs")
    with translation.override("de"):
        assert [str(shown) for shown in offer.course_dates.get().shown_slots] == [
            "Di, Do 18:00–20:00",
            "Sa 10:00–13:00",
        ]
    assert _day_parts(offer) == {"evening", "morning", "weekend"}


def test_an_end_before_the_start_is_a_german_message_on_the_slot(client, world, pages):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(pk=world["editor"]))
    response = client.post(
        f"/admin/pages/add/offers/offerpage/{world['organisation']}/",
        offer_form_data(
            title="Falscher Kurs",
            slug="falscher-kurs",
            kind="course",
            course_dates=[
                {
                    "start_date": timezone.localdate().isoformat(),
                    "end_date": "",
                    "slots": _streamfield([slot(["MO"], "18:00", "17:00")]),
                    "schedule": "",
                    "seats_total": "",
                    "seats_free": "",
                    "registration_deadline": "",
                    "status": "open",
                    "cancellation_reason": "",
                }
            ],
        ),
    )
    assert response.status_code == 200
    [course_date_form] = response.context["form"].formsets["course_dates"].forms
    [error] = course_date_form.errors["slots"].as_data()
    with translation.override("de"):
        assert [str(message) for message in error.block_errors[0].block_errors["end"]] == [
            "Das Ende (17:00) muss nach dem Beginn (18:00) liegen."
        ]
    assert not OfferPage.objects.filter(slug="falscher-kurs").exists()


def _streamfield(items):
    from wagtail.test.utils.form_data import streamfield

    return streamfield(items)


def test_the_import_reads_the_times_column_into_slots(pages):
    organisation = pages["organisation"]
    csv = (
        "title;summary;kind;course_start;course_schedule\n"
        "Kurs am Abend;Deutsch am Abend.;Kurs;05.01.2027;Di, Do 18–20 Uhr\n"
        'Kurs am Abend;;;01.04.2027;"Mo–Fr 8:30–12:45; Sa 10-13"\n'
    ).encode()
    report = import_offers(csv, organisation, dry_run=False)
    assert report.ok, report.problems
    offer = OfferPage.objects.get(title="Kurs am Abend")
    dates = offer.course_dates.order_by("start_date")
    assert [[slot.as_dict() for slot in date.time_slots] for date in dates] == [
        [{"weekdays": ["TU", "TH"], "start": "18:00", "end": "20:00"}],
        [
            {"weekdays": ["MO", "TU", "WE", "TH", "FR"], "start": "08:30", "end": "12:45"},
            {"weekdays": ["SA"], "start": "10:00", "end": "13:00"},
        ],
    ]
    assert _day_parts(offer) == {"evening", "morning", "weekend"}


def test_the_import_reports_times_it_cannot_read_in_their_row(pages):
    csv = (
        b"title;summary;kind;course_start;course_schedule\n"
        b"Kurs nach Absprache;Deutsch.;Kurs;05.01.2027;nach Absprache\n"
    )
    with translation.override("de"):
        report = import_offers(csv, pages["organisation"], dry_run=True)
    [problem] = report.problems
    assert (problem.row, problem.column) == (2, "course_schedule")
    assert problem.message.startswith("Die Zeiten „nach Absprache“ können nicht gelesen werden.")


def test_the_data_migration_turns_readable_text_into_slots_and_keeps_the_rest(pages):
    migration = __import__(
        "wegweiser.offers.migrations.0005_course_date_slots_from_text", fromlist=["text_into_slots"]
    )
    offer = pages["cancelled"]
    readable = CourseDate.objects.create(
        page=offer, start_date=timezone.localdate(), schedule="Di, Do 18–20 Uhr"
    )
    unreadable = CourseDate.objects.create(
        page=offer, start_date=timezone.localdate(), schedule="nach Absprache"
    )
    ListingDayPart.objects.filter(page_id=offer.pk).delete()
    migration.text_into_slots(apps, None)
    readable.refresh_from_db()
    unreadable.refresh_from_db()
    assert ([slot.as_dict() for slot in readable.time_slots], readable.schedule) == (
        [{"weekdays": ["TU", "TH"], "start": "18:00", "end": "20:00"}],
        "",
    )
    assert (unreadable.time_slots, unreadable.schedule) == ([], "nach Absprache")
    assert _day_parts(offer) == {"evening"}
