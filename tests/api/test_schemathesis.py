"""Schemathesis generates requests from the served OpenAPI document and checks every answer:
no server error, only documented status codes and content types, and bodies that match the schema."""

from __future__ import annotations

import datetime

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.conftest import API, add_counselling, translate
from tests.events.conftest import make_event
from wegweiser.events.models import EventPage
from wegweiser.events.recurrence import BERLIN
from wegweiser.offers.factories import CourseDateFactory, OfferPageFactory
from wegweiser.offers.models import OfferPage

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES_PER_OPERATION = 25


@pytest.fixture
def keep_test_connection():
    """Schemathesis calls the WSGI app directly; unlike Django's test client it does not stop the
    request signals from closing the test's database connection (which lives in a transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def add_offer_and_event(organisation) -> None:
    """A course with dates and a weekly event with a cancelled and a moved date, so their shapes are checked."""
    course = OfferPageFactory(
        parent=organisation, title="Integrationskurs", kind=OfferPage.Kind.COURSE, level_from="a1"
    )
    course.save_revision().publish()
    today = timezone.localdate()
    CourseDateFactory(page=course, start_date=today + datetime.timedelta(days=3), seats_free=0)
    CourseDateFactory(page=course, start_date=today - datetime.timedelta(days=3), end_date=None)
    start = timezone.now().astimezone(BERLIN).replace(hour=19, minute=0, second=0, microsecond=0)
    make_event(
        organisation,
        "Sprachcafé",
        start=start,
        recurrence_frequency="WEEKLY",
        registration_mode=EventPage.RegistrationMode.INTERNAL,
        capacity=5,
        exceptions=[
            {"occurrence_date": (start + datetime.timedelta(days=7)).date(), "action": "cancel"},
            {
                "occurrence_date": (start + datetime.timedelta(days=14)).date(),
                "action": "move",
                "new_start": start + datetime.timedelta(days=15),
            },
        ],
    )


@pytest.fixture
def served_schema(counselling_type, caritas, frauentreff, home, settings, keep_test_connection):
    settings.WEGWEISER_API_RATE_LIMIT = 0
    page = add_counselling(
        caritas, "Migrationsberatung", languages=("de", "ar"), latitude=52.52, longitude=13.4, walk_in=True
    )
    translate(page, "en", title="Migration counselling")
    add_counselling(frauentreff, "Frauencafé", target_groups=("frauen",))
    add_offer_and_event(caritas)
    return schemathesis.openapi.from_wsgi(f"{API}/openapi.json", get_wsgi_application())


@pytest.mark.django_db
def test_every_operation_conforms_to_the_served_openapi_document(served_schema):
    operations = [result.ok() for result in served_schema.get_all_operations()]
    assert any("/listings/counselling-hour/" in operation.path for operation in operations)
    assert any(operation.path.endswith(".csv") for operation in operations)
    assert any(operation.path.endswith("/listings/event/occurrences/") for operation in operations)
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def conforms(case):
            case.call_and_validate(checks=CHECKS)

        conforms()
