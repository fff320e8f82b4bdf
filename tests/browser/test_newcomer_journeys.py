"""A newcomer on a 360 × 740 phone, in Arabic, Ukrainian, Persian, Turkish or Russian, from the home page to a
confirmed place.

They type a query in their own language on the home page, see the first result without scrolling, open
it, never get a link out of their language, register for an event and read the confirmation on the page
and in the mail (delivered to a real SMTP server on loopback) in the language they chose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from wagtail.models import Locale, Page

from tests.browser.conftest import PHONE
from tests.browser.test_accessibility import public_path
from tests.browser.test_rtl import reads_left_to_right
from wegweiser.events.models import EventRegistration
from wegweiser.events.recurrence import BERLIN
from wegweiser.plugin_api.testing import body_of, link_path
from wegweiser.site.registry import listing_types

pytestmark = pytest.mark.browser

# Language-neutral addresses a public page may link to without a language prefix: the API reference
# (for developers; its answers are data, not prose in a language).
LANGUAGE_NEUTRAL = ("/api/",)


@dataclass(frozen=True)
class Newcomer:
    """What a person types in their language, and the phrases the portal answers with in it."""

    language: str
    query: str
    mailbox_heading: str
    subject: str
    confirm_button: str
    registered: str


NEWCOMERS = [
    Newcomer(
        "ar",
        "دورة ألمانية",
        "يُرجى التحقق من بريدكم الإلكتروني",
        "يُرجى تأكيد تسجيلكم:",
        "تأكيد تسجيلي",
        "أنتم مسجَّلون.",
    ),
    Newcomer(
        "uk",
        "мовний курс",
        "Будь ласка, перевірте свою поштову скриньку",
        "Будь ласка, підтвердьте реєстрацію:",
        "Підтвердити мою реєстрацію",
        "Ви зареєстровані.",
    ),
    Newcomer(
        "fa",
        "دوره زبان آلمانی",
        "لطفاً صندوق ایمیل خود را نگاه کنید",
        "لطفاً ثبت‌نام خود را تأیید کنید:",
        "تأیید ثبت‌نام من",
        "ثبت‌نام شما انجام شد.",
    ),
    Newcomer(
        "tr",
        "Almanca kursu",
        "Lütfen e-posta kutunuzu kontrol edin",
        "Lütfen kaydınızı onaylayın:",
        "Kaydımı onayla",
        "Kaydınız yapıldı.",
    ),
    Newcomer(
        "ru",
        "курсы немецкого",
        "Пожалуйста, проверьте почту",
        "Пожалуйста, подтвердите запись:",
        "Подтвердить мою запись",
        "Вы записаны.",
    ),
]


def event_taking_registrations(language: str):
    """A German event of the demo with a registration form; one translated into ``language`` if there is."""
    events = listing_types()["event"].model.objects.current().filter(locale__language_code="de")
    taking = [
        event for event in events.order_by("path") if event.takes_registrations and event.registration_dates()
    ]
    assert taking, "the demo town has an event that takes registrations"
    translated = [
        event
        for event in taking
        if event.get_translations().filter(locale__language_code=language, live=True).exists()
    ]
    return (translated or taking)[0]


def listing_behind(href: str, language: str):
    """The listing a result links to, as its German original."""
    segments = urlsplit(href).path.strip("/").split("/")
    assert segments[0] == language, href
    tail = "/" + "/".join(segments[1:]) + "/"
    page = Page.objects.filter(url_path__endswith=tail, depth__gt=3).first()
    assert page is not None, href
    return page.specific.get_translation(Locale.objects.get(language_code="de"))


def links_out_of_language(page, language: str, server_url: str) -> list[str]:
    """Links (and form actions) that leave the visitor's language; the switcher and hreflang links excepted."""
    targets = page.evaluate(
        """() => [
            ...[...document.querySelectorAll('a[href]')]
                .filter(a => !a.hasAttribute('hreflang') && !a.closest('.language-switcher'))
                .map(a => a.href),
            ...[...document.querySelectorAll('form[action]')].map(form => form.action),
        ]"""
    )
    own_host = urlsplit(server_url).netloc
    leaving = []
    for target in targets:
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https") or parts.netloc != own_host:
            continue  # mailto:, tel:, geo: and other hosts carry no language of ours
        if parts.path.startswith(f"/{language}/") or parts.path.startswith(LANGUAGE_NEUTRAL):
            continue
        leaving.append(target)
    return leaving


def within_first_screen(locator) -> bool:
    box = locator.bounding_box()
    assert box is not None, "the element is rendered"
    return box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


@pytest.mark.parametrize("newcomer", NEWCOMERS, ids=lambda newcomer: newcomer.language)
def test_newcomer_finds_a_course_and_registers_for_an_event_without_leaving_their_language(
    page_on_phone, live_server, demo_town, smtp_server, newcomer
):
    language = newcomer.language
    page = page_on_phone

    # On the home page, a query in their own language.
    page.goto(f"{live_server.url}/{language}/")
    search = page.locator("main form[role=search]").first
    search.locator('input[name="q"]').fill(newcomer.query)
    search.locator('input[name="q"]').press("Enter")
    page.wait_for_url(re.compile(rf"/{language}/.*\?(.*&)?q="))

    # The search box, the number of results and the first result are on the first screen.
    results = page.locator("#search-results")
    first_hit = results.locator(".card-list > li").first
    assert within_first_screen(page.locator('main input[name="q"]').first)
    assert within_first_screen(results.locator("h2").first)
    assert within_first_screen(first_hit), f"the first result is below the first screen in {language}"

    # The first result is a German course, and it opens in the visitor's language.
    link = first_hit.locator(".card__title a")
    listing = listing_behind(link.get_attribute("href"), language)
    assert listing.kind == "course"
    assert "sprache" in {topic.slug for topic in listing.topics.all()}
    title = link.inner_text().strip()
    with page.expect_navigation():
        link.click()
    assert urlsplit(page.url).path.startswith(f"/{language}/")
    assert page.locator("main h1").first.inner_text().strip() == title
    assert links_out_of_language(page, language, live_server.url) == []

    # An event with a registration form, in the same language; its clock times keep their order in rtl.
    event = event_taking_registrations(language)
    page.goto(f"{live_server.url}/{language}{public_path(event)}")
    assert page.locator("html").get_attribute("lang") == language
    occurrence = event.next_occurrence
    if page.locator("html").get_attribute("dir") == "rtl" and not event.all_day and occurrence.end:
        clock = f"{occurrence.start.astimezone(BERLIN):%H:%M}–{occurrence.end.astimezone(BERLIN):%H:%M}"
        assert reads_left_to_right(page, clock), f"the time range is reversed in {language}"
    assert links_out_of_language(page, language, live_server.url) == []
    with page.expect_navigation():
        page.locator(".event__registration-dates a").first.click()
    assert urlsplit(page.url).path.startswith(f"/{language}/")
    assert links_out_of_language(page, language, live_server.url) == []
    form = page.locator("main form").filter(has=page.locator('input[name="email"]'))
    address = f"newcomer-{language}@example.org"
    form.locator('input[name="name"]').fill("Amal Haddad")
    form.locator('input[name="email"]').fill(address)
    form.locator('input[name="consent"]').check()
    with page.expect_navigation():
        form.locator('button[type="submit"]').click()

    # The page says to check the mailbox, in the visitor's language.
    assert urlsplit(page.url).path.startswith(f"/{language}/")
    assert page.locator("main h1").inner_text().strip() == newcomer.mailbox_heading
    assert links_out_of_language(page, language, live_server.url) == []

    # The mail, delivered to the SMTP server, is in that language and links back into it.
    (mail,) = smtp_server.to(address)
    subject = str(mail["Subject"]).strip()  # a folded header may start with the folding's space
    assert subject.startswith(newcomer.subject), subject
    confirm_path = link_path(mail, "/bestaetigen/")
    assert confirm_path.startswith(f"/{language}/"), body_of(mail)

    # Following the link and confirming makes the place final, said in the same language.
    page.goto(f"{live_server.url}{confirm_path}")
    with page.expect_navigation():
        page.get_by_role("button", name=newcomer.confirm_button).click()
    assert page.locator("main .notice").inner_text().strip() == newcomer.registered
    assert links_out_of_language(page, language, live_server.url) == []
    registration = EventRegistration.objects.get(email=address)
    assert (registration.language, registration.status) == (language, EventRegistration.Status.CONFIRMED)


def test_switching_language_on_a_finder_keeps_the_filters_ticked(page_on_phone, live_server, demo_town):
    """The finder shows a ticked filter's results without loading the page, and its language links stayed as
    the page was first loaded: a Ukrainian who switched to Arabic after ticking "Sprache" lost the filter."""
    page = page_on_phone
    page.goto(f"{live_server.url}/uk/angebote/")
    page.locator("details[data-filter-panel] > summary").first.click()
    with page.expect_response(lambda response: "topic=sprache" in response.url):
        page.locator('details[data-filter-panel] input[name="topic"][value="sprache"]').check()
    page.wait_for_url(re.compile(r"topic=sprache"))

    arabic = page.locator('nav.language-switcher a[hreflang="ar"]').get_attribute("href")
    assert urlsplit(arabic).path.startswith("/ar/") and "topic=sprache" in urlsplit(arabic).query
    with page.expect_navigation():
        page.locator('nav.language-switcher a[hreflang="ar"]').click()
    assert page.locator('details[data-filter-panel] input[name="topic"][value="sprache"]').is_checked()
