"""The demo town's offers: enough variety to try every filter, with English translations and expiry."""

from __future__ import annotations

from django.utils import timezone

from wegweiser.offers.models import CourseDate, OfferPage
from wegweiser.plugin_api import WEEKDAY_CODES


def test_demo_loads_about_sixty_varied_offers_with_translations(demo_town):
    german = OfferPage.objects.filter(locale__language_code="de")
    assert german.count() >= 55
    assert german.values("organisation").distinct().count() == 15
    assert set(german.values_list("kind", flat=True)) == {"course", "counselling", "service", "group"}
    assert {"alpha", "a1", "a2", "b1", "b2", "c1"} <= set(german.values_list("level_to", flat=True))
    childcare_course = german.get(title="Integrationskurs mit Kinderbetreuung")
    assert (childcare_course.level_from, childcare_course.level_to) == ("a1", "b1")
    assert set(german.values_list("cost", flat=True)) == {"free", "reduced", "fee", "funded"}
    assert german.filter(childcare=True).exists() and german.filter(mode="online").exists()
    assert OfferPage.objects.filter(locale__language_code="en").count() == german.count()
    assert german.expired().count() >= 2
    assert german.current().count() == german.count() - german.expired().count()
    assert CourseDate.objects.filter(
        start_date__gt=timezone.localdate(), page__locale__language_code="de"
    ).exists()
    english = OfferPage.objects.get(locale__language_code="en", title="Language café at Domplatz")
    assert "No need to register" in english.registration


def test_a_demo_offer_by_appointment_only_names_no_hours_for_walking_in(demo_town):
    """The asylum counselling said "By appointment only" and, below it, "Open consultation: Tue 9-12" in
    every language: a newcomer could not tell whether to come without an appointment."""
    by_appointment = OfferPage.objects.filter(by_appointment_only=True)
    assert by_appointment.filter(title="Asylverfahrensberatung").exists()
    assert list(by_appointment.exclude(opening_hours="").values_list("title", flat=True)) == []
    # nor tells them to drop in: "Renewing a residence permit" said "Drop in during opening hours"
    for drop_in in ("vorbei", "Drop in", "just come", "Приходьте", "مراجعه کنید", "تعال"):
        assert (
            list(by_appointment.filter(registration__contains=drop_in).values_list("title", flat=True)) == []
        )
    assert OfferPage.objects.filter(by_appointment_only=False).exclude(opening_hours="").exists()


def test_demo_course_runs_start_and_end_on_days_they_meet(demo_town):
    """A Monday-to-Thursday course began on a Sunday, "13 грудня 2026 р.", on the demo."""
    for course_date in CourseDate.objects.select_related("page"):
        days = {code for slot in course_date.time_slots for code in slot.weekdays}
        for day in (course_date.start_date, course_date.end_date):
            assert WEEKDAY_CODES[day.weekday()] in days, (course_date.page.title, day)
