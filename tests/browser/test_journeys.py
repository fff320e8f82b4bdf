"""Journeys on a 360 × 740 phone screen, end to end in the real browser."""

from __future__ import annotations

import datetime
import re
import socket
import threading
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from wagtail.models import Locale

from tests.browser.test_accessibility import public_path
from wegweiser.site.models import ListingIndexPage
from wegweiser.site.models.pages import office_group_name
from wegweiser.site.registry import listing_types

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery"


class Mailbox:
    """An aiosmtpd handler that keeps what a real SMTP server on loopback received."""

    def __init__(self):
        self.messages = []
        self.received = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(message_from_bytes(envelope.content, policy=default_policy))
        self.received.set()
        return "250 OK"

    def text_of(self, message) -> str:
        body = message.get_body(preferencelist=("plain", "html"))
        return body.get_content()


@pytest.fixture
def smtp_server():
    mailbox = Mailbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    with override_settings(
        WEGWEISER_MAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
    ):
        yield mailbox
    controller.stop()


def test_newcomer_switches_to_arabic_and_finds_free_counselling_in_arabic(
    page_on_phone, live_server, demo_town
):
    offer_model = listing_types()["offer"].model
    wanted = (
        offer_model.objects.current()
        .filter(locale__language_code="de", kind="counselling", cost="free", languages__slug="ar")
        .exclude(district=None)
        .select_related("district")
        .order_by("title")
        .first()
    )
    assert wanted is not None, "the demo town has free counselling in Arabic"
    page = page_on_phone
    page.goto(f"{live_server.url}/de/")
    page.get_by_role("link", name="العربية").click()
    page.wait_for_url(re.compile(r"/ar/"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    finder = ListingIndexPage.objects.get(listing_type="offer", locale__language_code="de")
    page.locator(f'a[href$="{public_path(finder)}"]').first.click()
    page.locator("#filter-panel > summary").click()  # on a phone the filters wait behind one control
    filters = page.locator("form.filters-form")
    filters.locator('input[name="kind"][value="counselling"]').check()
    filters.locator('input[name="cost"][value="free"]').check()
    filters.locator('input[name="language"][value="ar"]').check()
    filters.locator(f'input[name="district"][value="{wanted.district.slug}"]').check()
    filters.locator('.filters__actions button[type="submit"]').click()
    page.wait_for_url(re.compile(r"district="))
    url = page.url
    for parameter in ("kind=counselling", "cost=free", "language=ar", f"district={wanted.district.slug}"):
        assert parameter in url  # a shareable link of this exact selection
    # Where the demo has the offer in Arabic, the visitor reads its Arabic title; otherwise the German one.
    arabic = wanted.get_translation_or_none(Locale.objects.get(language_code="ar"))
    title = arabic.title if arabic is not None and arabic.live else wanted.title
    results = page.locator("#finder-results")
    results.get_by_role("link", name=title).click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text().strip() == title
    assert "/ar/" in page.url


def test_volunteer_signs_up_and_confirms_through_the_mailed_link(
    page_on_phone, live_server, demo_town, smtp_server
):
    opportunity_model = listing_types()["volunteer"].model
    opportunity = (
        opportunity_model.objects.current().filter(locale__language_code="de").order_by("pk").first()
    )
    page = page_on_phone
    page.goto(f"{live_server.url}/de{public_path(opportunity)}")
    form = page.locator("form").filter(has=page.locator('input[name="email"]'))
    form.locator('input[name="name"]').fill("Lena Schneider")
    form.locator('input[name="email"]').fill("lena@example.org")
    form.locator('input[name="consent"]').check()
    form.locator('button[type="submit"]').click()
    page.wait_for_load_state()
    assert smtp_server.received.wait(20), "the confirmation mail reached the SMTP server"
    message = smtp_server.messages[-1]
    assert message["To"] == "lena@example.org"
    links = re.findall(r"https?://\S+", smtp_server.text_of(message))
    confirm = next(link for link in links if "/bestaetigen/" in link)
    confirm_path = confirm.split("://", 1)[1].split("/", 1)[1]
    page.goto(f"{live_server.url}/{confirm_path}")
    # The link opens a page with one button, so that mail scanners following links confirm nothing.
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    application_model = opportunity_model._meta.apps.get_model("volunteers", "VolunteerApplication")
    application = application_model.objects.get(email="lena@example.org")
    assert application.status == "confirmed"


def _log_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.locator('input[name="username"]').fill(username)
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('form button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/admin/$"))


def _scrolls_sideways_in_its_own_box(page, selector) -> bool:
    """The table is wider than its box, and the box scrolls (rather than the admin cutting the table off)."""
    return page.evaluate(
        """selector => {
            const box = document.querySelector(selector).parentElement;
            return box.scrollWidth > box.clientWidth && ["auto", "scroll"].includes(getComputedStyle(box).overflowX)
                && box.getBoundingClientRect().right <= window.innerWidth;
        }""",
        selector,
    )


def _press_action(page, selector):
    """Wagtail's action menu hides secondary actions in a dropdown; press the button as the menu would."""
    with page.expect_navigation():
        page.evaluate("selector => document.querySelector(selector).click()", selector)


def test_partner_edits_offer_office_approves_and_the_change_is_public_and_findable(
    page_on_phone, live_server, demo_town
):
    offer_model = listing_types()["offer"].model
    offer = (
        offer_model.objects.current().filter(locale__language_code="de", organisation__slug="jasmin").first()
    )
    organisation = offer.organisation
    users = get_user_model().objects
    editor = users.create_user("partner", "partner@example.org", PASSWORD)
    editor.groups.add(organisation.editors_group)
    office = users.create_user("office", "office@example.org", PASSWORD)
    office.groups.add(Group.objects.get(name=office_group_name()))
    new_title = "Beratung auf Arabisch – jetzt auch samstags"
    page = page_on_phone
    page.set_viewport_size({"width": 1024, "height": 900})  # the admin is used on a desktop

    _log_in(page, live_server, "partner")
    page.goto(f"{live_server.url}/admin/pages/{offer.pk}/edit/")
    page.locator('input[name="title"]').fill(new_title)
    # A date typed in another format than the field shows (ISO, not 31.03.2027) is kept and read by the form;
    # Wagtail's date picker put today in its place when the field lost focus, and the offer expired tomorrow.
    valid_until = page.locator('input[name="valid_until"]')
    tab = valid_until.evaluate("field => field.closest('[role=tabpanel]').id")
    page.locator(f'[role="tab"][aria-controls="{tab}"]').click()
    valid_until.click()
    page.keyboard.type("2027-03-31")
    page.keyboard.press("Tab")
    _press_action(page, 'button[name="action-submit"]')
    offer.refresh_from_db()
    assert offer.title != new_title  # not public before the office approves
    # On a phone the dashboard's table of the partner's listings was cut off before its state column
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/admin/")
    assert _scrolls_sideways_in_its_own_box(page, "table.ww-partner-listings")
    page.set_viewport_size({"width": 1024, "height": 900})
    page.context.clear_cookies()

    _log_in(page, live_server, "office")
    page.goto(f"{live_server.url}/admin/pages/{offer.pk}/edit/")
    _press_action(page, 'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])')
    offer.refresh_from_db()
    assert offer.title == new_title
    assert offer.valid_until == datetime.date(2027, 3, 31)
    page.context.clear_cookies()

    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/de{public_path(offer)}")
    assert page.locator("h1").first.inner_text().strip() == new_title
    page.goto(f"{live_server.url}/de/search/?q=samstags")
    assert page.get_by_text(new_title).count() >= 1
