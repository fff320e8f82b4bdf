"""A change of the German event reaches its live translations when it is published: a newcomer reading the
Arabic page sees the cancelled date and can register, as on the German page."""

from __future__ import annotations

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from tests.events.conftest import soon, weekly_elterncafe
from wegweiser.events.models import EventException, EventPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated(organisation_a, django_capture_on_commit_callbacks):
    """A weekly event without registration, translated to Arabic and to Ukrainian through wagtail-localize
    (the Ukrainian translation not yet published)."""
    start = soon(3)
    event = weekly_elterncafe(organisation_a, start)
    source, _created = TranslationSource.get_or_create_from_instance(event)
    translations = {}
    for code, publish in (("ar", True), ("uk", False)):
        locale = Locale.objects.get_or_create(language_code=code)[0]
        translation = Translation.objects.create(source=source, target_locale=locale)
        with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
            translation.save_target(publish=publish)
        translations[code] = event.get_translation(locale)
    return event, translations


def test_a_cancelled_date_and_the_registration_reach_the_live_translation(
    translated, client, django_capture_on_commit_callbacks
):
    event, translations = translated
    first = event.upcoming_occurrences(limit=1)[0]
    page = EventPage.objects.get(pk=event.pk)
    page.registration_mode = EventPage.RegistrationMode.INTERNAL
    page.capacity = 12
    page.exceptions = [
        EventException(occurrence_date=first.local_start.date(), action="cancel", note="Raum gesperrt")
    ]
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    arabic = EventPage.objects.get(pk=translations["ar"].pk)
    assert (arabic.registration_mode, arabic.capacity) == ("internal", 12)
    assert arabic.upcoming_occurrences(limit=1)[0].cancelled
    html = client.get(arabic.url).content.decode()
    assert "Raum gesperrt" in html
    assert "?termin=" in html  # the Arabic page takes registrations now

    # the translation nobody has published yet is left to its translator
    ukrainian = EventPage.objects.get(pk=translations["uk"].pk)
    assert not ukrainian.live and ukrainian.registration_mode == "none"


def test_a_translation_with_unreviewed_changes_waits_for_its_own_review(
    translated, django_capture_on_commit_callbacks
):
    """Publishing the German page must not publish an Arabic text a partner changed and nobody reviewed."""
    event, translations = translated
    source = TranslationSource.objects.get_for_instance_or_none(event)
    title = StringSegment.objects.get(source=source, context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string,
        locale=Locale.objects.get(language_code="ar"),
        context=title.context,
        data="مقهى الأهل – نص لم تتم مراجعته",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    page = EventPage.objects.get(pk=event.pk)
    page.capacity = 12
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    arabic = EventPage.objects.get(pk=translations["ar"].pk)
    assert arabic.title == "Elterncafé" and arabic.capacity is None


def test_codes_and_numbers_are_not_offered_for_translation(organisation_a):
    """The translation editor offered the currency "EUR", the postcode and the phone numbers as texts to
    translate: an Arabic translation with "يورو" for the currency ended in a server error when the office
    published it."""
    event = weekly_elterncafe(organisation_a, soon(3))
    event.cost, event.cost_amount, event.cost_currency = "fee", 5, "EUR"
    event.postcode, event.contact_phone = "34117", "0561 123456"
    event.save_revision().publish()
    organisation_a.phone, organisation_a.postcode = "0561 654321", "34117"
    organisation_a.save_revision().publish()
    for page in (event, organisation_a):
        source, _created = TranslationSource.get_or_create_from_instance(page)
        offered = set(StringSegment.objects.filter(source=source).values_list("context__path", flat=True))
        assert "title" in offered
        assert not offered & {"cost_currency", "postcode", "contact_phone", "phone"}, offered


def test_a_translation_published_before_anyone_translated_it_marks_its_german_title_and_summary(
    translated, client
):
    """ "Translate this page" put the Persian page live with the German title and summary, read out by a Persian
    screen reader as Persian."""
    event, translations = translated
    arabic = EventPage.objects.get(pk=translations["ar"].pk)
    assert (arabic.title, arabic.summary) == (event.title, event.summary)
    html = client.get(arabic.url).content.decode()
    assert f'<h1><span lang="de" dir="ltr">{event.title}</span></h1>' in html
    assert f'<p class="lead" lang="de" dir="ltr">{event.summary}</p>' in html
