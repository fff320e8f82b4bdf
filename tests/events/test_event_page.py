"""The event page: dates, place, registration with capacity and waiting list, JSON-LD."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from tests.events.conftest import make_event, soon
from wegweiser.events.models import EventRegistration

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


@pytest.fixture
def training(organisation_a):
    return make_event(
        organisation_a,
        title="Bewerbungstraining",
        slug="bewerbungstraining",
        start=soon(3, 9),
        registration_mode="internal",
        capacity=1,
        street="Marktstraße 1",
        city="Neustadt",
    )


def register(client, event, name, email="person@example.org", consent="on", confirm=True):
    """Send the form and, as the person would, follow the confirmation link."""
    occurrence = event.upcoming_occurrences()[0]
    response = client.post(
        reverse("events:register", kwargs={"pk": event.pk}),
        {"occurrence": occurrence.key, "name": name, "email": email, "consent": consent},
    )
    registration = EventRegistration.objects.filter(name=name).first()
    if confirm and registration is not None and response.status_code == 302:
        client.post(reverse("events:confirm-registration", kwargs={"token": registration.token}))
    return response


def test_event_page_shows_date_place_and_add_to_calendar_link(client, training):
    response = client.get(training.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Marktstraße 1" in html
    assert reverse("events:event-feed", args=[training.pk]) in html
    data = json_ld(html)
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["startDate"] == soon(3, 9).isoformat()


def test_cancelled_event_page_is_marked_and_json_ld_says_cancelled(client, organisation_a):
    event = make_event(
        organisation_a, title="Fest", slug="fest", start=soon(5), status="cancelled", status_note="Regen"
    )
    html = client.get(event.url).content.decode()
    assert "notice--cancelled" in html and "Regen" in html
    assert json_ld(html)["eventStatus"] == "https://schema.org/EventCancelled"


def test_a_cancelled_date_of_a_series_is_struck_through_with_its_note(client, organisation_a):
    """The same way a cancelled course date is shown (the core's ``cancelled_date`` tag)."""
    first = soon(3)
    event = make_event(
        organisation_a,
        title="Nähcafé",
        slug="naehcafe",
        start=first,
        recurrence_frequency="WEEKLY",
        recurrence_count=4,
        exceptions=[
            {
                "occurrence_date": (first + datetime.timedelta(weeks=1)).date(),
                "action": "cancel",
                "note": "Feiertag",
            }
        ],
    )
    html = client.get(event.url).content.decode()
    dates = re.findall(r"<li>(.*?)</li>", html.split('class="event__dates"')[1].split("</ul>")[0], re.S)
    assert [("<s>" in date, "abgesagt" in date) for date in dates] == [
        (False, False),
        (True, True),
        (False, False),
        (False, False),
    ]
    assert re.search(
        r"<s>.+</s> <strong class=\"date-cancelled\">abgesagt</strong> – <span>Feiertag</span>",
        dates[1],
        re.S,
    )


def test_registration_confirmed_then_waiting_list_then_moves_up(client, training):
    first = register(client, training, "Amal")
    assert first.status_code == 302
    second = register(client, training, "Bohdan", "bohdan@example.org")
    statuses = dict(EventRegistration.objects.values_list("name", "status"))
    assert statuses == {"Amal": "confirmed", "Bohdan": "waiting"}
    assert "Amal" not in client.get(training.url).content.decode()
    # Amal asked to confirm, then told she is registered (with the date attached); Bohdan asked to confirm.
    assert [message.to for message in mail.outbox] == [["person@example.org"]] * 2 + [["bohdan@example.org"]]
    assert mail.outbox[1].subject == "Sie sind angemeldet: \u2068Bewerbungstraining\u2069"
    assert second.status_code == 302

    amal = EventRegistration.objects.get(name="Amal")
    withdraw_url = reverse("events:withdraw-registration", kwargs={"token": amal.token})
    assert withdraw_url in mail.outbox[0].body
    assert client.get(withdraw_url).status_code == 200
    client.post(withdraw_url)
    statuses = dict(EventRegistration.objects.values_list("name", "status"))
    assert statuses == {"Amal": "withdrawn", "Bohdan": "confirmed"}
    assert len(mail.outbox) == 4 and mail.outbox[3].to == ["bohdan@example.org"]


def shown(response) -> str:
    """The page's text as a reader meets it: without markup, scripts and runs of white space."""
    html = re.sub(r"<script.*?</script>|<[^>]+>", " ", response.content.decode(), flags=re.S)
    return " ".join(html.split())


def test_the_pages_behind_the_mails_links_name_the_event_and_date_and_act_only_on_post(client, training):
    register(client, training, "Amal", confirm=False)
    amal = EventRegistration.objects.get(name="Amal")
    with translation.override("de"):
        sent_url = reverse("events:registration-sent", kwargs={"pk": training.pk})
        confirm_url = reverse("events:confirm-registration", kwargs={"token": amal.token})
    with translation.override("ar"):
        withdraw_url = reverse("events:withdraw-registration", kwargs={"token": amal.token})
    date = f'datetime="{soon(3, 9).isoformat()}"'

    sent = client.get(sent_url)
    assert "Bitte schauen Sie in Ihr E-Mail-Postfach" in shown(sent)
    assert f'<a href="{training.url}">Zurück zur Veranstaltung</a>' in sent.content.decode()

    asked = client.get(confirm_url)
    assert asked.status_code == 200 and "Anmeldung bestätigen" in shown(asked)
    assert "Bewerbungstraining" in shown(asked) and date in asked.content.decode()
    assert f'<form method="post" action="{confirm_url}">' in asked.content.decode()
    assert "Meine Anmeldung bestätigen" in shown(asked)
    amal.refresh_from_db()
    assert not amal.address_confirmed, "opening the link (a mail scanner) must change nothing"

    confirmed = client.post(confirm_url)
    assert '<p class="notice" role="status">Sie sind angemeldet.</p>' in confirmed.content.decode()
    assert "<h1>Anmeldung bestätigt</h1>" in confirmed.content.decode(), "what happened, not the request"
    assert "<form" not in confirmed.content.decode()
    amal.refresh_from_db()
    assert amal.status == EventRegistration.Status.CONFIRMED

    # In Arabic: the German event's title is marked as German, left to right, inside the Arabic page.
    asked = client.get(withdraw_url)
    assert "سحب التسجيل" in shown(asked) and date in asked.content.decode()
    arabic_url = training.url.replace("/de/", "/ar/", 1)
    assert f'<a href="{arabic_url}" lang="de" dir="ltr">Bewerbungstraining</a>' in asked.content.decode()
    amal.refresh_from_db()
    assert amal.status == EventRegistration.Status.CONFIRMED
    withdrawn = client.post(withdraw_url)
    assert "تم سحب تسجيلكم" in shown(withdrawn)
    amal.refresh_from_db()
    assert amal.status == EventRegistration.Status.WITHDRAWN

    gone = client.get(confirm_url)
    assert gone.status_code == 404 and "Dieser Link gilt nicht mehr" in shown(gone)
    assert "<form" not in gone.content.decode()


def test_the_registration_form_is_arabic_around_the_german_title(client, training):
    with translation.override("ar"):
        url = reverse("events:register", kwargs={"pk": training.pk})
    html = client.get(url).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<bdi lang="de" dir="ltr">Bewerbungstraining</bdi></h1>' in html
    # The date to choose is written as the event page writes it in Arabic, not in a German pattern.
    [label] = re.findall(r'<option value="[^"]+"[^>]*>([^<]*)</option>', html)
    assert "، " in label and label.endswith("09:00") and ". " not in label, label


def test_fully_booked_without_waiting_list_says_so(client, training):
    training.waiting_list = False
    training.save_revision().publish()
    register(client, training, "Amal")
    response = register(client, training, "Bohdan", "bohdan@example.org")
    assert EventRegistration.objects.count() == 1
    assert response.status_code == 400
    assert "occurrence" in response.context["form"].errors


def test_registration_needs_valid_email_and_consent(client, training):
    response = register(client, training, "Amal", email="not-an-address", consent="")
    assert response.status_code == 400
    form = response.context["form"]
    assert "email" in form.errors and "consent" in form.errors
    assert EventRegistration.objects.count() == 0


def test_unknown_occurrence_is_refused(client, training):
    response = client.post(
        reverse("events:register", kwargs={"pk": training.pk}),
        {"occurrence": "19990101T1000", "name": "X", "email": "x@example.org", "consent": "on"},
    )
    assert response.status_code == 400
    assert EventRegistration.objects.count() == 0


def test_event_cards_in_the_finder_and_on_the_organisation_page_show_the_next_date(
    client, home, organisation_a
):
    from wegweiser.site.models import ListingIndexPage

    finder = home.add_child(
        instance=ListingIndexPage(title="Veranstaltungen", slug="veranstaltungen", listing_type="event")
    )
    finder.save_revision().publish()
    make_event(organisation_a, title="Elternabend", slug="elternabend", start=soon(6, 19))
    make_event(organisation_a, title="Absage", slug="absage", start=soon(7, 19), status="cancelled")
    for url in (finder.url, organisation_a.url):
        html = client.get(url).content.decode()
        assert "Elternabend" in html
        assert soon(6, 19).strftime("%H:%M") in html
        assert "card--cancelled" in html


def test_a_finder_card_whose_next_date_is_cancelled_says_so_before_the_date(client, home, organisation_a):
    """The card shows a series' next date: when that one is cancelled, a newcomer must not set off for it."""
    from wegweiser.site.models import ListingIndexPage

    finder = home.add_child(
        instance=ListingIndexPage(title="Veranstaltungen", slug="veranstaltungen", listing_type="event")
    )
    finder.save_revision().publish()
    first = soon(3, 19)
    cancelled = {"occurrence_date": first.date(), "action": "cancel", "note": "Die Kursleiterin ist krank."}
    make_event(
        organisation_a,
        title="Sprachcafé",
        slug="sprachcafe",
        start=first,
        recurrence_frequency="WEEKLY",
        recurrence_count=4,
        exceptions=[cancelled],
    )
    make_event(organisation_a, title="Elternabend", slug="elternabend", start=soon(6, 19))
    make_event(organisation_a, title="Sommerfest", slug="sommerfest", start=soon(8, 15), status="cancelled")
    cards = re.findall(
        r'<article class="card[^"]*">(.*?)</article>', client.get(finder.url).content.decode(), re.S
    )
    meta = {
        re.search(r'class="card__title">.*?<a [^>]*>\s*([^<]+?)\s*<', card, re.S).group(1): re.sub(
            r"<[^>]+>", "", card.split('class="card__meta"')[1].split("</p>")[0]
        )
        for card in cards
    }
    assert meta["Sprachcafé"].startswith(">Abgesagt ")
    assert "Abgesagt" not in meta["Elternabend"]
    # A cancelled event says so once, before its title, not again before its date.
    [festival] = [card for card in cards if "Sommerfest" in card]
    assert re.sub(r"<[^>]+>", "", festival).count("Abgesagt") == 1


def test_the_events_finder_lists_the_next_date_first_and_moves_on_as_dates_pass(client, home, organisation_a):
    """The events finder was in the order of the titles ("Bewerbungstraining" on the 18th before "Elterncafé"
    tomorrow), in every language. A weekly series that began months ago stands at its next date; once that
    has begun, the hourly job moves the series on to the date after it."""
    from wegweiser.events.jobs import move_on_next_dates
    from wegweiser.site.models import ListingIndexPage

    finder = home.add_child(
        instance=ListingIndexPage(title="Veranstaltungen", slug="veranstaltungen", listing_type="event")
    )
    finder.save_revision().publish()
    weekly_from = soon(-60 + (3 - (-60) % 7) % 7)  # a weekday three days from today, two months ago
    make_event(organisation_a, title="Zumba im Park", slug="zumba", start=soon(1))
    make_event(organisation_a, title="Abschlussfest", slug="abschlussfest", start=soon(20))
    weekly = make_event(
        organisation_a,
        title="Nähcafé",
        slug="naehcafe",
        start=weekly_from,
        recurrence_frequency="WEEKLY",
        recurrence_weekdays=[["MO", "TU", "WE", "TH", "FR", "SA", "SU"][weekly_from.weekday()]],
    )
    make_event(organisation_a, title="Bewerbungstraining", slug="bewerbung", start=soon(10))

    def titles() -> list[str]:
        html = client.get(finder.url).content.decode()
        return re.findall(r'class="card__title"><a [^>]*>\s*([^<]+?)\s*<', html)

    assert weekly.next_start == soon(3, weekly_from.hour)
    assert titles() == ["Zumba im Park", "Nähcafé", "Bewerbungstraining", "Abschlussfest"]

    later = soon(3, weekly_from.hour) + datetime.timedelta(hours=3)
    assert move_on_next_dates(now=later) == {"moved_on": 2}  # the series, and "Zumba" with no date ahead
    weekly.refresh_from_db()
    assert weekly.next_start == soon(10, weekly_from.hour)
    assert move_on_next_dates(now=later) == {"moved_on": 0}


def test_registration_on_the_english_page_counts_against_the_german_event(client, training, english):
    translated = training.copy_for_translation(english, copy_parents=True)
    for ancestor in translated.get_ancestors().filter(depth__gt=1, alias_of__isnull=True).specific():
        ancestor.save_revision().publish()
    translated.title = "Job application training"
    translated.save_revision().publish()
    register(client, training, "Amal")
    register(client, translated, "Bohdan", "bohdan@example.org")
    assert dict(EventRegistration.objects.values_list("name", "status")) == {
        "Amal": "confirmed",
        "Bohdan": "waiting",
    }
    assert set(EventRegistration.objects.values_list("event_id", flat=True)) == {training.pk}


def test_german_visitors_read_german_labels_and_times(client, organisation_a):
    event = make_event(organisation_a, title="Fest", slug="fest", start=soon(5, 19), status="cancelled")
    html = client.get(event.url).content.decode()
    assert '<bdi dir="ltr">19:00–21:00</bdi> Uhr' in html
    assert "Diese Veranstaltung ist abgesagt." in html
    assert "Abgesagt" in client.get(reverse("events:upcoming")).content.decode()


@pytest.mark.parametrize(
    "language, places_left",
    [("en", "1 place left"), ("tr", "1 yer kaldı"), ("ru", "осталось 1 место"), ("de", "noch 1 Platz frei")],
)
def test_the_colon_after_a_registration_date_follows_the_time_without_a_space(
    client, training, language, places_left
):
    """The registration list read "Saturday, Dec. 12, 2026, 18:00–21:00 : 15 places left": the date's template
    ended with a line break, which the page shows as a space before the colon."""
    with translation.override(language):
        html = client.get(training.localized.url if language == "de" else f"/{language}{training.url[3:]}")
    text = " ".join(re.sub(r"<[^>]+>", "", html.content.decode()).split())
    assert re.search(rf"\d\d:\d\d(?: Uhr)?: {places_left}", text), text[text.find(places_left) - 80 :][:120]
    assert " : " not in text


def test_the_english_mail_s_confirm_by_deadline_does_not_end_in_two_full_stops(client, training):
    """The English mail read "by Dec. 5, 2026, 6:48 p.m.. Until then…": the time's "p.m." ended the sentence."""
    with translation.override("en"):
        register(client, training, "John", "john@example.org", confirm=False)
    (message,) = mail.outbox
    assert "Hello \u2068John\u2069," in message.body
    assert ".." not in message.body.replace("...", "")
    assert re.search(r"by \d+ \w+ \d{4}, \d\d:\d\d at the latest\.", message.body)


def test_each_register_link_is_named_with_its_date_for_a_screen_reader(client, training):
    """A screen reader's list of links read "Anmelden" nine times on an event with nine dates."""
    html = client.get(training.localized.url).content.decode()
    links = re.findall(
        r'<a class="button" href="[^"]*\?termin=([^"]+)" id="([^"]+)" aria-labelledby="([^"]+)">', html
    )
    assert links
    for key, link_id, labelled_by in links:
        own, date = labelled_by.split()
        assert own == link_id and date == f"date-{key}"
        assert re.search(rf'<span id="{date}">(?:(?!</li>).)*?\d\d:\d\d', html, re.S)
