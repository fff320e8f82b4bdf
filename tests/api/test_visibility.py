"""Nobody gets unpublished, expired, draft, private or personal data through the API, in any language."""

from __future__ import annotations

import datetime

import pytest
from wagtail.models import Locale, Page, PageViewRestriction, Site

from tests.api.conftest import add_counselling, translate
from tests.api.crawl import every_answer
from tests.events.conftest import make_event
from wegweiser.events.models import EventPage, EventRegistration
from wegweiser.events.recurrence import BERLIN
from wegweiser.offers.factories import CourseDateFactory, OfferPageFactory
from wegweiser.offers.models import CourseDate, OfferPage
from wegweiser.plugin_api.testing import make_organisation
from wegweiser.site.models import HomePage, OrganisationIndexPage, StandardPage

SECRET = "GEHEIM"


@pytest.fixture
def hidden_and_visible(counselling_type, caritas, frauentreff, home, editor_a, office_user, today):
    """One visible listing and page, and every kind of content that must stay invisible."""
    visible = add_counselling(caritas, "Offene Sprechstunde", contact_name="Beratungsteam")
    translate(visible, "en", title="Open consultation")
    hidden = [
        add_counselling(caritas, f"{SECRET} Entwurf", publish=False),
        add_counselling(caritas, f"{SECRET} abgelaufen", valid_until=today - datetime.timedelta(days=1)),
        add_counselling(
            caritas, f"{SECRET} noch nicht gültig", valid_from=today + datetime.timedelta(days=3)
        ),
    ]
    expired_en = translate(hidden[1], "en", title=f"{SECRET} expired")
    hidden.append(expired_en)
    unpublished = add_counselling(caritas, f"{SECRET} zurückgezogen")
    unpublished.unpublish()
    hidden.append(unpublished)
    private = add_counselling(caritas, f"{SECRET} privat")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    hidden.append(private)

    private_org = make_organisation(caritas.get_parent(), f"{SECRET} Verein intern", "intern")
    PageViewRestriction.objects.create(page=private_org, restriction_type="login")
    hidden.append(add_counselling(private_org, f"{SECRET} unter privatem Verein"))
    hidden.append(private_org)

    draft_changes = add_counselling(frauentreff, "Frauencafé")
    draft_changes.title = f"{SECRET} neuer Titel im Entwurf"
    draft_changes.save_revision()

    visible_page = home.add_child(instance=StandardPage(title="Über uns", slug="ueber-uns", intro="Das Amt."))
    visible_page.save_revision().publish()
    draft_page = home.add_child(instance=StandardPage(title=f"{SECRET} Seite", slug="entwurf", live=False))
    draft_page.save_revision()
    private_page = home.add_child(instance=StandardPage(title=f"{SECRET} intern", slug="intern-seite"))
    private_page.save_revision().publish()
    PageViewRestriction.objects.create(page=private_page, restriction_type="login")
    hidden += [draft_page, private_page]

    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Andere Stadt", slug="andere-stadt", locale=Locale.get_default())
    )
    Site.objects.create(hostname="andere-stadt.example", root_page=other_home, site_name="Andere Stadt")
    other_index = other_home.add_child(instance=OrganisationIndexPage(title="Partner", slug="partner"))
    other_org = make_organisation(other_index, f"{SECRET} Verein der anderen Stadt", "anderer-verein")
    hidden += [other_org, add_counselling(other_org, f"{SECRET} andere Stadt")]

    return {"visible": visible, "hidden": hidden, "users": [editor_a, office_user]}


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.WEGWEISER_API_RATE_LIMIT = 0


@pytest.mark.django_db
def test_no_endpoint_in_any_language_shows_hidden_content_or_personal_data(client, hidden_and_visible):
    answers = every_answer(client, extra_ids=[page.pk for page in hidden_and_visible["hidden"]])
    assert not [url for url, status, _body in answers if status >= 500]
    leaks = [url for url, _status, body in answers if SECRET in body]
    assert leaks == []
    for user in hidden_and_visible["users"]:
        assert not [
            url for url, _status, body in answers if user.email in body or f'"{user.username}"' in body
        ]
    for page in hidden_and_visible["hidden"]:
        assert not [url for url, status, _body in answers if f"/{page.pk}/" in url and status == 200]


@pytest.mark.django_db
def test_visible_content_is_there_in_every_language(client, hidden_and_visible):
    answers = every_answer(client)
    listing_lists = {
        url.rsplit("locale=", 1)[1]: body
        for url, status, body in answers
        if url.startswith("/api/v1/listings/counselling-hour/?")
    }
    assert set(listing_lists) == set(Locale.objects.values_list("language_code", flat=True))
    for language, body in listing_lists.items():
        # English has its own translation; every other language gets the German original.
        expected = "Open consultation" if language == "en" else "Offene Sprechstunde"
        assert expected in body, language
        assert "Frauencafé" in body, language
    page_lists = [body for url, status, body in answers if url.startswith("/api/v1/pages/?")]
    assert all("Über uns" in body for body in page_lists)


@pytest.fixture
def hidden_dates(caritas, home, today):
    """A visible course and event beside drafts, expired ones, unpublished changes and registrants."""
    soon = datetime.datetime.combine(today + datetime.timedelta(days=4), datetime.time(18), BERLIN)
    course = OfferPageFactory(parent=caritas, title="Integrationskurs", kind=OfferPage.Kind.COURSE)
    course.save_revision().publish()
    CourseDateFactory(page=course, schedule="Mo–Fr vormittags")
    course = OfferPage.objects.get(pk=course.pk)
    course.course_dates = [CourseDate(start_date=today, schedule=f"{SECRET} neuer Termin im Entwurf")]
    course.save_revision()
    draft_course = OfferPageFactory(parent=caritas, title=f"{SECRET} Kurs im Entwurf", live=False)
    CourseDateFactory(page=draft_course)
    event = make_event(
        caritas,
        "Infoabend",
        start=soon,
        registration_mode=EventPage.RegistrationMode.INTERNAL,
        capacity=10,
    )
    registration, _created = EventRegistration.register(
        event, event.upcoming_occurrences(limit=1)[0], f"{SECRET} Teilnehmerin", "teilnehmerin@example.org"
    )
    hidden = [
        draft_course,
        make_event(caritas, f"{SECRET} Treffen im Entwurf", start=soon, live=False, publish=False),
        make_event(
            caritas, f"{SECRET} abgelaufen", start=soon, valid_until=today - datetime.timedelta(days=1)
        ),
    ]
    return {"hidden": hidden, "registration": registration}


@pytest.mark.django_db
def test_course_dates_and_event_dates_show_nothing_hidden_or_personal(client, hidden_dates):
    answers = every_answer(client, extra_ids=[page.pk for page in hidden_dates["hidden"]])
    assert any("Mo–Fr vormittags" in body for _url, _status, body in answers)
    assert any(url.startswith("/api/v1/listings/event/occurrences/") for url, _status, _body in answers)
    assert [url for url, _status, body in answers if SECRET in body] == []
    email = hidden_dates["registration"].email
    assert [
        url
        for url, _status, body in answers
        if email in body or str(hidden_dates["registration"].token) in body
    ] == []
    for page in hidden_dates["hidden"]:
        assert not [url for url, status, _body in answers if f"/{page.pk}/" in url and status == 200]
