"""A course date is planned, open, fully booked or cancelled, and visitors, the API and search engines see it."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.utils import timezone

from tests.offers.admin_forms import offer_form_data
from wegweiser.offers.factories import CourseDateFactory, OfferPageFactory
from wegweiser.offers.models import CourseDate, OfferPage

REASON = "Die Lehrkraft ist erkrankt."


def days(number: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=number)


@pytest.fixture
def course(organisation_a):
    offer = OfferPageFactory(
        parent=organisation_a,
        title="Integrationskurs mit Kinderbetreuung",
        kind=OfferPage.Kind.COURSE,
        level_from=OfferPage.Level.A1,
        level_to=OfferPage.Level.B1,
    )
    CourseDateFactory(
        page=offer,
        start_date=days(10),
        end_date=days(100),
        seats_free=None,
        status="full",
        registration_deadline=days(5),
    )
    CourseDateFactory(
        page=offer,
        start_date=days(30),
        end_date=days(120),
        seats_free=None,
        status="cancelled",
        cancellation_reason=REASON,
    )
    CourseDateFactory(page=offer, start_date=days(60), end_date=days(150), seats_free=5, status="planned")
    offer.save_revision().publish()
    return offer


def _course_date_items(html: str) -> list[str]:
    return re.findall(r'<li class="course-date[^"]*">(.*?)</li>', html, re.S)


def test_a_cancelled_date_is_struck_through_with_its_reason(client, course):
    html = client.get(course.url).content.decode()
    full, cancelled, planned = _course_date_items(html)
    assert re.search(
        r"<s><strong><time [^>]*>.*?</time> – <time [^>]*>.*?</time></strong>\s*</s>", cancelled, re.S
    )
    assert (
        '<strong class="date-cancelled">abgesagt</strong> – <span>Die Lehrkraft ist erkrankt.</span>'
        in cancelled
    )
    assert "Plätze" not in cancelled and "Anmeldung" not in cancelled
    assert 'class="course-date course-date--cancelled"' in html


def test_a_full_date_says_fully_booked_and_a_planned_one_that_registration_opens_later(client, course):
    full, _cancelled, planned = _course_date_items(client.get(course.url).content.decode())
    assert "<strong>Ausgebucht</strong>" in full
    assert "Anmeldung" not in full  # neither "register by" nor "closed": it is full
    assert "5 Plätze frei" in planned and "Die Anmeldung beginnt später." in planned


def test_in_arabic_the_cancellation_is_named_and_the_german_reason_marked_as_german(client, course):
    html = client.get(course.url.replace("/de/", "/ar/", 1)).content.decode()
    full, cancelled, _planned = _course_date_items(html)
    assert '<strong class="date-cancelled">ملغاة</strong>' in cancelled
    assert '<span lang="de" dir="ltr">Die Lehrkraft ist erkrankt.</span>' in cancelled
    assert "<strong>محجوز بالكامل</strong>" in full


def test_the_card_offers_the_next_start_with_places_not_a_cancelled_or_full_one(client, finder, course):
    html = client.get(f"{finder.url}?level=a2").content.decode()
    assert days(60).strftime("%d.%m.%Y") in html
    assert days(30).strftime("%d.%m.%Y") not in html


def test_status_and_reason_in_the_api(client, course):
    [item] = client.get("/api/v1/listings/offer/").json()["items"]
    statuses = [
        (date["status"], date["status_label"], date["cancellation_reason"]) for date in item["course_dates"]
    ]
    assert statuses == [
        ("full", "ausgebucht", ""),
        ("cancelled", "abgesagt", REASON),
        ("planned", "Anmeldung noch nicht möglich", ""),
    ]
    assert [date["has_free_seats"] for date in item["course_dates"]] == [False, False, True]


def test_json_ld_says_which_course_instance_is_cancelled_and_which_is_sold_out(client, course):
    html = client.get(course.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    instances = data["hasCourseInstance"]
    assert [instance["eventStatus"] for instance in instances] == [
        "https://schema.org/EventScheduled",
        "https://schema.org/EventCancelled",
        "https://schema.org/EventScheduled",
    ]
    assert instances[0]["offers"]["availability"] == "https://schema.org/SoldOut"
    assert "offers" not in instances[1] and "offers" not in instances[2]


def test_the_event_calendar_marks_a_cancelled_course_date(course):
    from wegweiser.offers.listing_type import course_calendar_entries

    entries = list(course_calendar_entries(days(0), days(90), "de"))
    assert [entry.cancelled for entry in entries] == [False, True, False]


def _course_dates_form(**date_fields) -> dict:
    return offer_form_data(
        title="Integrationskurs",
        slug="integrationskurs",
        kind="course",
        course_dates=[
            {
                "start_date": days(20).isoformat(),
                "end_date": "",
                "schedule": "",
                "seats_total": "",
                "seats_free": "",
                "registration_deadline": "",
                "status": "open",
                "cancellation_reason": "",
                **date_fields,
            }
        ],
    )


def test_the_editor_sets_the_status_in_the_course_date_inline(client, organisation_a, editor_a):
    client.force_login(editor_a)
    response = client.post(
        f"/admin/pages/add/offers/offerpage/{organisation_a.pk}/",
        _course_dates_form(status="cancelled", cancellation_reason=REASON),
    )
    assert response.status_code == 302
    course_date = CourseDate.objects.get(page__slug="integrationskurs")
    assert (course_date.status, course_date.cancellation_reason) == ("cancelled", REASON)


@pytest.mark.parametrize(
    ("date_fields", "field", "message"),
    [
        ({"status": "cancelled"}, "cancellation_reason", "Bitte geben Sie an, warum der Termin abgesagt ist"),
        ({"cancellation_reason": REASON}, "cancellation_reason", "Nur ein abgesagter Termin hat einen Grund"),
        (
            {"status": "full", "seats_free": "3"},
            "seats_free",
            "Ein ausgebuchter Termin hat keine freien Plätze",
        ),
    ],
    ids=["cancelled-without-reason", "reason-without-cancellation", "full-with-free-seats"],
)
def test_contradicting_status_is_a_clear_message_in_the_editor(
    client, organisation_a, editor_a, date_fields, field, message
):
    client.force_login(editor_a)
    response = client.post(
        f"/admin/pages/add/offers/offerpage/{organisation_a.pk}/", _course_dates_form(**date_fields)
    )
    assert response.status_code == 200
    formset = response.context["form"].formsets["course_dates"]
    assert message in " ".join(formset.forms[0].errors[field])
    assert not OfferPage.objects.filter(slug="integrationskurs").exists()
