"""The portal's own admin lists show their tables under the German column headings, and say when a list
is empty in a row that spans every column."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.admin_tables import column_headings
from tests.reports.test_dashboards import in_german
from tests.site.account_request_data import make_request
from wegweiser.site.models import OutgoingMail

pytestmark = pytest.mark.django_db


def test_the_outbox_names_its_columns(client, admin_user, home):
    OutgoingMail.objects.create(
        to="amal@example.org", subject="Ihre Anmeldung", body="Hallo.", purpose="test"
    )

    html = in_german(client, admin_user).get(reverse("outbox")).content.decode()

    assert column_headings(html) == [["Betreff", "Empfänger", "Eingereiht", "Versuche", "Status"]]
    assert '<caption class="w-sr-only">Postausgang</caption>' in html


def test_the_scheduled_jobs_are_named_by_column(client, admin_user, home):
    html = in_german(client, admin_user).get(reverse("scheduled_jobs")).content.decode()

    assert column_headings(html) == [["Aufgabe", "Intervall", "Letzter Lauf", "Ergebnis"]]
    assert '<caption class="w-sr-only">Geplante Aufgaben</caption>' in html


def test_the_account_requests_are_named_by_column_and_an_empty_list_says_so(client, admin_user, home):
    office = in_german(client, admin_user)
    expected = [["Organisation", "Art der Organisation", "Ansprechperson", "Status", "Eingegangen am"]]

    empty = office.get(reverse("account_requests:index")).content.decode()
    assert column_headings(empty) == expected
    assert '<td colspan="5">Keine Kontoanfragen.</td>' in empty

    make_request()
    listed = office.get(reverse("account_requests:index")).content.decode()
    assert column_headings(listed) == expected
    assert "Frauencafé Nordstadt e. V." in listed and "Keine Kontoanfragen." not in listed
