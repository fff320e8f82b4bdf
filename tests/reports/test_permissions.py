"""Only the integration office (and superusers) see the reports; partner editors get nothing.

One table of views × roles, every cell checked.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page

pytestmark = pytest.mark.django_db

REPORT_URLS = [
    "reports:coverage",
    "reports:coverage_results",
    "reports:coverage_print",
    "reports:duplicates",
    "reports:duplicates_results",
    "reports:duplicates_print",
    "reports:freshness",
    "reports:freshness_results",
    "reports:freshness_print",
    "reports:demand",
    "reports:demand_results",
    "reports:demand_print",
    "reports:listings",
    "reports:listings_results",
    "reports:listings_print",
]

# role -> where every report URL takes them: the report itself, or away (login / admin start page).
ROLES = {"anonymous": "login", "editor_a": "admin home", "office_user": "report", "admin_user": "report"}


def where_it_went(response) -> str:
    if response.status_code == 200:
        return "report"
    assert response.status_code == 302
    if response.url.startswith(reverse("wagtailadmin_login")):
        return "login"
    assert response.url == reverse("wagtailadmin_home")
    return "admin home"


@pytest.mark.parametrize("url_name", REPORT_URLS)
@pytest.mark.parametrize("role", ROLES)
def test_who_may_see_each_report(client, request, home, url_name, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))

    response = client.get(reverse(url_name))

    assert where_it_went(response) == ROLES[role]


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_partner_editors_cannot_export(client, editor_a, town, export):
    client.force_login(editor_a)

    response = client.get(reverse("reports:coverage"), {"export": export})

    assert where_it_went(response) == "admin home"
    assert "attachment" not in response.get("Content-Disposition", "")


def test_the_office_group_has_the_report_permission(office_user, editor_a):
    assert office_user.has_perm("reports.view_office_reports")
    assert not editor_a.has_perm("reports.view_office_reports")


def test_reports_menu_and_dashboard_only_for_the_office(client, office_user, editor_a):
    client.force_login(office_user)
    office_home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("reports:coverage") in office_home or "office-coverage" in office_home
    assert 'id="office-attention"' in office_home or "office-attention" in office_home

    client.force_login(editor_a)
    editor_home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "office-coverage" not in editor_home
    assert "office-attention" not in editor_home


def test_dashboard_counts_what_needs_attention(
    client, office_user, editor_a, make_listing, organisation_a, town, search_log_entries
):
    submitted = make_listing(
        organisation_a, "Neues Angebot", topics=["sprache"], district="altstadt", live=False
    )
    submitted.save_revision(user=editor_a)
    Page.objects.get(pk=submitted.pk).specific.get_workflow().start(submitted, editor_a)
    client.force_login(office_user)

    response = client.get(reverse("wagtailadmin_home"))

    panel = next(panel for panel in response.context["panels"] if panel.name == "office_attention")
    values = {item.name: item.value for item in panel.get_context_data()["items"]}
    assert (values["review"], values["stale"], values["no_results"]) == (1, 3, 2)
    # a Persian search's count stays after it ("دندانپزشک (5)"), not before it
    assert "<bdi>دندانپزشک</bdi></a>" in response.content.decode()


@pytest.fixture
def search_log_entries(home):
    from django.apps import apps

    log = apps.get_model("search", "SearchQueryLog")
    for query, results in [("Schuldnerberatung", 0), ("Deutschkurs", 4), ("دندانپزشک", 0)]:
        log.objects.create(query_text=query, locale="de", result_count=results, backend="database", took_ms=5)
