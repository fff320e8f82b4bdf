"""What the admin start page costs the database: as much for an organisation with many listings (stale, in
draft) as for one with a few, for the office and for a partner. Its panels list listings per organisation
and listing type; a query per listing would make the start page of a large course provider slow."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.reports.test_dashboards import in_german

pytestmark = pytest.mark.django_db


def dashboard_queries(user) -> int:
    client = in_german(Client(), user)
    client.get(reverse("wagtailadmin_home"))  # the first view after a change fills the admin's caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return len(captured)


def test_the_start_page_costs_the_same_with_many_more_listings(
    office_user, editor_a, make_listing, organisation_a, organisation_b, town
):
    before = {"office": dashboard_queries(office_user), "partner": dashboard_queries(editor_a)}
    for number in range(12):
        make_listing(organisation_a, f"Sprachkurs {number}", topics=["sprache"], reviewed_days_ago=400)
        make_listing(organisation_a, f"Nähtreff {number}", topics=["arbeit"], live=False)
        make_listing(organisation_b, f"Beratung {number}", topics=["beratung"], reviewed_days_ago=400)
    after = {"office": dashboard_queries(office_user), "partner": dashboard_queries(editor_a)}
    assert after == before
