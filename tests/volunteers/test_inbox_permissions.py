"""Who sees which sign-ups in the admin: one table of views × people, every cell checked."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Locale, ModelLogEntry

from tests.admin_tables import column_headings
from tests.volunteers.conftest import read_world
from wegweiser.volunteers.models import VolunteerApplication

pytestmark = [pytest.mark.django_db, pytest.mark.built_once("people", "sign_up")]

NAME = "Erika Mustermann"


@pytest.fixture
def application(world, db):
    return read_world(world, "application")


def snapshot(application):
    application.refresh_from_db()
    return (application.status, application.answered_at, application.closed_at, application.name)


@pytest.fixture
def people(editor_a, editor_b, office_user, admin_user, world):
    return {
        "editor of the organisation": editor_a,
        "editor of another organisation": editor_b,
        "integration office": office_user,
        "office with personal-data permission": read_world(world, "privileged_office"),
        "administrator": admin_user,
    }


SEES_PERSONAL_DATA = {
    "editor of the organisation": True,
    "editor of another organisation": False,
    "integration office": False,
    "office with personal-data permission": True,
    "administrator": True,
}


@pytest.mark.parametrize("who", list(SEES_PERSONAL_DATA))
def test_personal_data_only_for_the_organisation_and_explicitly_permitted_people(
    client, people, application, who
):
    client.force_login(people[who])
    allowed = SEES_PERSONAL_DATA[who]

    listing = client.get(reverse("volunteers_inbox:index"))
    assert listing.status_code == 200
    assert (NAME in listing.content.decode()) is allowed

    # follow: Django's LocaleMiddleware answers a 404 outside the language prefix with a redirect first.
    detail = client.get(reverse("volunteers_inbox:detail", args=[application.pk]), follow=True)
    assert detail.status_code == (200 if allowed else 404)
    assert (NAME in detail.content.decode()) is allowed

    export = client.get(reverse("volunteers_inbox:export"))
    assert export.status_code == 200
    assert (NAME in export.content.decode("utf-8-sig")) is allowed

    before = snapshot(application)
    change = client.post(
        reverse("volunteers_inbox:detail", args=[application.pk]), {"status": "declined", "message": "Nein."}
    )
    if allowed:
        assert change.status_code == 302
        assert snapshot(application)[0] == "declined"
    else:
        assert change.status_code in (302, 404)
        assert client.get(change["Location"]).status_code == 404 if change.status_code == 302 else True
        assert snapshot(application) == before


def test_anonymous_visitors_are_sent_to_the_login(client, application):
    for url in (
        reverse("volunteers_inbox:index"),
        reverse("volunteers_inbox:detail", args=[application.pk]),
        reverse("volunteers_inbox:export"),
        reverse("volunteers_inbox:report"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_unconfirmed_sign_ups_do_not_reach_the_organisation(client, editor_a, application):
    application.status = "new"
    application.save()
    client.force_login(editor_a)
    assert NAME not in client.get(reverse("volunteers_inbox:index")).content.decode()
    assert (
        client.get(reverse("volunteers_inbox:detail", args=[application.pk]), follow=True).status_code == 404
    )


def test_office_sees_numbers_in_the_report_but_no_names(client, office_user, application, other_opportunity):
    client.force_login(office_user)
    response = client.get(reverse("volunteers_inbox:report"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Sprachpatenschaft" in content and "Fahrradwerkstatt" in content
    assert NAME not in content and "erika@example.org" not in content
    # the text above the table had said "only sign-ups confirmed by the volunteer" above a column of
    # sign-ups not yet confirmed
    assert '<th scope="col">noch nicht bestätigt</th>' in content
    assert "nicht per Mail bestätigt hat, wird gelöscht, wenn ihr Link abläuft" in content


def test_partner_editors_do_not_get_the_office_report(client, editor_a, application):
    client.force_login(editor_a)
    response = client.get(reverse("volunteers_inbox:report"))
    # Wagtail answers a denied admin view with a redirect to the dashboard and a message.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_viewing_and_changing_personal_data_is_in_the_audit_log(client, editor_a, application, smtp_server):
    client.force_login(editor_a)
    client.get(reverse("volunteers_inbox:detail", args=[application.pk]))
    client.get(reverse("volunteers_inbox:export"))
    client.post(
        reverse("volunteers_inbox:detail", args=[application.pk]), {"status": "accepted", "message": ""}
    )
    entries = ModelLogEntry.objects.filter(object_id=str(application.pk)).order_by("timestamp", "pk")
    actions = [entry.action for entry in entries]
    assert "volunteers.view_personal_data" in actions
    assert "volunteers.export_personal_data" in actions
    assert "volunteers.change_status" in actions
    assert all(entry.user_id == editor_a.pk for entry in entries)
    assert all(NAME not in entry.label and "erika" not in str(entry.data) for entry in entries)


def test_withdrawn_sign_up_cannot_be_accepted(client, editor_a, application):
    application.withdraw()
    client.force_login(editor_a)
    client.post(reverse("volunteers_inbox:detail", args=[application.pk]), {"status": "accepted"})
    application.refresh_from_db()
    assert application.status == "withdrawn"


def test_csv_export_defuses_spreadsheet_formulas(client, editor_a, application):
    application.message = '=HYPERLINK("http://evil.example")'
    application.save()
    client.force_login(editor_a)
    content = client.get(reverse("volunteers_inbox:export")).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in content
    assert ";=HYPERLINK" not in content and ';"=HYPERLINK' not in content


def menu_urls(user) -> set[str]:
    """The URLs of the admin's main menu as ``user`` sees it (the dashboard links elsewhere)."""
    from django.test import RequestFactory
    from wagtail.admin.menu import admin_menu

    request = RequestFactory().get(reverse("wagtailadmin_home"))
    request.user = user
    return {item.url for item in admin_menu.menu_items_for_request(request)}


def test_inbox_menu_item_only_for_people_with_sign_ups_to_see(editor_a, editor_b, opportunity):
    assert reverse("volunteers_inbox:index") in menu_urls(editor_a)
    assert reverse("volunteers_inbox:index") not in menu_urls(editor_b)


def test_the_inbox_pages_through_many_sign_ups_keeping_its_filter_and_its_organisation(
    client, people, application, other_opportunity
):
    """Fifty sign-ups to a page, paged as Wagtail's own lists are ("Seite 1 von 2"); the link to the next page
    keeps the chosen status, and no page shows another organisation's sign-ups."""

    def sign_ups(opportunity, name, count, status):
        VolunteerApplication.objects.bulk_create(
            VolunteerApplication(
                opportunity=opportunity,
                name=f"{name} {number:02}",
                email=f"{name.lower()}{number}@example.org",
                consent_text="Einwilligung",
                consent_version="1",
                status=status,
            )
            for number in range(count)
        )

    sign_ups(application.opportunity, "Angenommen", 55, "accepted")
    sign_ups(application.opportunity, "Abgesagt", 3, "declined")
    sign_ups(other_opportunity, "Fremd", 60, "accepted")
    client.force_login(people["editor of the organisation"])

    first = client.get(reverse("volunteers_inbox:index"), {"status": "accepted"}).content.decode()
    assert "Seite 1 von 2" in first
    assert first.count("Angenommen ") == 50
    assert "?status=accepted&amp;p=2" in first
    second = client.get(reverse("volunteers_inbox:index"), {"status": "accepted", "p": "2"}).content.decode()
    assert "Seite 2 von 2" in second
    assert second.count("Angenommen ") == 5
    assert "Abgesagt" not in first + second
    assert "Fremd" not in first + second
    # "²" is a digit to isdigit() but no number to int(): the inbox answered with a server error
    assert client.get(reverse("volunteers_inbox:index"), {"opportunity": "²"}).status_code == 200


def test_the_partner_dashboard_counts_one_sign_up_as_one(client, editor_a, application):
    """The tile read "1 Ehrenamts-Anmeldungen, die auf Ihre Antwort warten"."""
    application.status = VolunteerApplication.Status.CONFIRMED
    application.save(update_fields=["status"])
    client.force_login(editor_a)

    html = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="de").content.decode()

    tile = html.split('data-item="volunteer_sign_ups"', 1)[1].split("</li>", 1)[0]
    assert '<span class="ww-attention__value">1</span>' in tile
    assert "Ehrenamts-Anmeldung, die auf Ihre Antwort wartet" in tile
    # the inbox names its state so too: "bestätigt" read as accepted by the organisation
    inbox = client.get(reverse("volunteers_inbox:index"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "<td>wartet auf Antwort</td>" in inbox.split(NAME, 1)[1]


def test_a_sign_up_on_a_translation_is_listed_under_the_german_title_the_organisation_wrote(
    client, editor_a, application
):
    """A sign-up on the English page was listed as "Interpreting Arabic", and the filter named every opportunity
    once per language ("Accompanying people to public offices (en)")."""
    opportunity = application.opportunity
    english = opportunity.copy_for_translation(
        Locale.objects.get_or_create(language_code="en")[0], copy_parents=True
    )
    english.title = "Interpreting Arabic"
    english.save_revision().publish()
    application.opportunity = english
    application.save()
    client.force_login(editor_a)
    inbox = client.get(reverse("volunteers_inbox:index"), {"opportunity": opportunity.pk}).content.decode()
    assert f"<td>{opportunity.title}</td>" in inbox and NAME in inbox
    assert "Interpreting Arabic" not in inbox
    detail = client.get(reverse("volunteers_inbox:detail", args=[application.pk])).content.decode()
    assert f"<dd>{opportunity.title}</dd>" in detail
    export = client.get(reverse("volunteers_inbox:export")).content.decode("utf-8-sig")
    assert f";{opportunity.title};" in export and "Interpreting Arabic" not in export


def test_the_inbox_names_its_columns_and_says_when_a_status_has_no_sign_ups(client, editor_a, application):
    client.force_login(editor_a)
    expected = [["Name", "Ehrenamt", "Status", "Bestätigt"]]

    listed = client.get(reverse("volunteers_inbox:index")).content.decode()
    assert column_headings(listed) == expected
    assert NAME in listed

    empty = client.get(reverse("volunteers_inbox:index"), {"status": "declined"}).content.decode()
    assert column_headings(empty) == expected
    assert '<td colspan="4">Keine Anmeldungen.</td>' in empty
