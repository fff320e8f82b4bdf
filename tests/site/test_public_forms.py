"""The public forms as an attacker would try them: floods behind the reverse proxy, forged proxy headers,
robots filling in the honeypot, and visitors who only read and must get no cookie.

The rate limit counts per client in the database; to show that every app server sees the same count,
each request here starts with every process-local cache cleared, as if it reached another server.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from tests.events.conftest import make_event
from tests.volunteers.conftest import make_opportunity, signup_data
from wegweiser.events.forms import EventRegistrationForm
from wegweiser.events.models import EventRegistration
from wegweiser.events.recurrence import BERLIN
from wegweiser.plugin_api.testing import body_of
from wegweiser.search.alerts.forms import PlaceAlertForm
from wegweiser.site.accounts.forms import AccountRequestForm
from wegweiser.site.data_requests.forms import DataRequestForm
from wegweiser.site.models import (
    AccessibilityStatementPage,
    AccountRequest,
    OutgoingMail,
    RateLimitCounter,
)
from wegweiser.volunteers.forms import VolunteerSignupForm
from wegweiser.volunteers.models import VolunteerApplication

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
ALICE = "203.0.113.9"
BOB = "198.51.100.4"


@pytest.fixture(autouse=True)
def behind_the_reverse_proxy(settings):
    """The README's deployment: one reverse proxy in front of the app servers, named by its address."""
    settings.WEGWEISER_TRUSTED_PROXIES = [PROXY]
    with translation.override("de"):
        yield


def another_server() -> None:
    """Forget everything one process keeps, as if the next request reached another app server."""
    for cache in caches.all():
        cache.clear()


def from_client(address: str, *, forged: str = "") -> dict:
    """Request headers of a visitor behind the proxy; the proxy appends the address it saw."""
    forwarded = f"{forged}, {address}" if forged else address
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded}


# -- the four public forms -----------------------------------------------------------------------------


@dataclass
class PublicForm:
    page_url: str
    post_url: str
    data: dict
    success_status: int

    def stored(self) -> int:
        """Everything a sent form could leave in the database, and every mail it could queue."""
        return (
            AccountRequest.objects.count()
            + VolunteerApplication.objects.count()
            + OutgoingMail.objects.count()
            + EventRegistration.objects.count()
            + FormSubmission.objects.count()
        )


def make_feedback_page(home) -> AccessibilityStatementPage:
    page = home.add_child(
        instance=AccessibilityStatementPage(
            title="Erklärung zur Barrierefreiheit",
            slug="barrierefreiheit",
            to_address="integration@teststadt.example",
            from_address="noreply@teststadt.example",
            subject="Rückmeldung zur Barrierefreiheit",
        )
    )
    page.save_revision().publish()
    return page


def feedback_form(home) -> PublicForm:
    page = make_feedback_page(home)
    return PublicForm(page.url, page.url, {"message": "Der Kontrast ist zu schwach.", "homepage": ""}, 302)


def volunteer_form(organisation) -> PublicForm:
    opportunity = make_opportunity(organisation)
    url = reverse("volunteers:signup", args=[opportunity.pk])
    return PublicForm(opportunity.url, url, signup_data(), 302)


def event_form(organisation) -> PublicForm:
    start = datetime.datetime.combine(
        timezone.localdate() + datetime.timedelta(days=4), datetime.time(10), BERLIN
    )
    event = make_event(
        organisation, title="Elterncafé", start=start, registration_mode="internal", capacity=10
    )
    url = reverse("events:register", kwargs={"pk": event.pk})
    data = {
        "occurrence": event.upcoming_occurrences()[0].key,
        "name": "Amal",
        "email": "amal@example.org",
        "consent": "on",
        "homepage": "",
    }
    return PublicForm(url, url, data, 302)


def account_form() -> PublicForm:
    url = reverse("accounts:request")
    data = {
        "organisation_name": "Frauencafé Nordstadt e. V.",
        "kind": "association",
        "contact_name": "Amina Yilmaz",
        "email": "amina@frauencafe.example",
        "offer_description": "Deutschkurs für Frauen mit Kinderbetreuung.",
        "consent": "on",
        "homepage": "",
    }
    return PublicForm(url, url, data, 302)


FORMS = ["account request", "volunteer sign-up", "event registration", "accessibility feedback"]


@pytest.fixture
def public_form(request, home, organisation_a) -> PublicForm:
    return {
        "account request": lambda: account_form(),
        "volunteer sign-up": lambda: volunteer_form(organisation_a),
        "event registration": lambda: event_form(organisation_a),
        "accessibility feedback": lambda: feedback_form(home),
    }[request.param]()


# -- floods behind the proxy ---------------------------------------------------------------------------


def test_a_flood_of_sign_ups_behind_the_proxy_stops_at_each_client_s_ceiling(
    client, organisation_a, smtp_server
):
    """Many people share one client address, so one client may send thirty sign-ups an hour, each for another
    address (six times the limit of one address); a flood beyond that is refused, and does not block another
    client."""
    form = volunteer_form(organisation_a)

    def sign_up(address: str, number: int):
        another_server()
        data = {**form.data, "email": f"person{number}@example.org"}
        return client.post(form.post_url, data, **from_client(address))

    alice = [sign_up(ALICE, number) for number in range(35)]
    bob = [sign_up(BOB, number) for number in range(35, 40)]

    assert [answer.status_code for answer in alice] == [302] * 30 + [429] * 5
    assert "Dieses Formular wurde in der letzten Stunde zu oft gesendet." in alice[-1].content.decode()
    assert [answer.status_code for answer in bob] == [302] * 5, "Alice's flood does not block Bob"
    assert VolunteerApplication.objects.count() == 35
    # The counts (each address's valid sends, each client's valid sends and sends of any kind) live in the
    # database, where every server reads them; no address is stored.
    counts = sorted(RateLimitCounter.objects.values_list("count", flat=True))
    assert counts == [1] * 40 + [5, 5, 35, 35]
    keys = " ".join(RateLimitCounter.objects.values_list("key", flat=True))
    assert ALICE not in keys and BOB not in keys and "example.org" not in keys


@pytest.mark.parametrize(
    "route",
    ["through the proxy with a forged header of its own", "directly to the app server, bypassing the proxy"],
)
def test_a_client_cannot_forge_x_forwarded_for_to_get_a_fresh_bucket(client, organisation_a, route, settings):
    settings.WEGWEISER_PUBLIC_FORM_LIMITS = {"volunteer-signup": 1}  # a ceiling of 6 valid sends per client
    form = volunteer_form(organisation_a)
    answers = []
    for number in range(9):
        another_server()
        forged = f"192.0.2.{number}"
        headers = (
            from_client(ALICE, forged=forged)
            if route.startswith("through")
            else {"REMOTE_ADDR": ALICE, "HTTP_X_FORWARDED_FOR": forged}
        )
        answers.append(
            client.post(form.post_url, {**form.data, "email": f"p{number}@example.org"}, **headers)
        )

    assert [answer.status_code for answer in answers] == [302] * 6 + [429] * 3
    assert VolunteerApplication.objects.count() == 6


def test_accessibility_feedback_takes_five_messages_an_hour_from_one_client(client, home, smtp_server):
    form = feedback_form(home)
    answers = []
    for _number in range(7):
        another_server()
        answers.append(client.post(form.post_url, form.data, **from_client(ALICE)))
    another_server()
    from_bob = client.post(form.post_url, form.data, **from_client(BOB))

    assert [answer.status_code for answer in answers] == [302] * 5 + [429] * 2
    assert "Dieses Formular wurde in der letzten Stunde zu oft gesendet." in answers[-1].content.decode()
    assert from_bob.status_code == 302
    assert FormSubmission.objects.count() == 6
    assert len(smtp_server.to("integration@teststadt.example")) == 6


#: The rate-limit bucket of each public form, by which the site sets its limit.
BUCKETS = {
    "account request": "account-request",
    "volunteer sign-up": "volunteer-signup",
    "event registration": "event-registration",
    "accessibility feedback": "feedback",
}


@pytest.mark.parametrize("public_form", FORMS, indirect=True)
def test_the_site_sets_each_forms_limit_by_its_bucket(client, public_form, smtp_server, settings, request):
    bucket = BUCKETS[request.node.callspec.params["public_form"]]

    def send():
        another_server()
        return client.post(public_form.post_url, public_form.data, **from_client(ALICE))

    settings.WEGWEISER_PUBLIC_FORM_LIMITS = {bucket: 1}
    first = send()
    stored = public_form.stored()
    refused = send()
    assert (first.status_code, refused.status_code) == (public_form.success_status, 429)
    assert public_form.stored() == stored, "a refused form stores nothing and queues no mail"

    settings.WEGWEISER_PUBLIC_FORM_LIMITS = {bucket: 0}
    assert [send().status_code for _send in range(7)] == [public_form.success_status] * 7


# -- robots and assistive technology -------------------------------------------------------------------


@pytest.mark.parametrize("public_form", FORMS, indirect=True)
def test_a_filled_honeypot_stores_nothing_and_sends_no_mail(client, public_form, smtp_server):
    data = {**public_form.data, "homepage": "https://spam.example"}
    response = client.post(public_form.post_url, data, **from_client(ALICE))

    assert response.status_code == public_form.success_status, "the robot is told nothing"
    assert public_form.stored() == 0
    assert smtp_server.messages == []


NAMED_FORMS = [
    ("account request", "organisation_name"),
    ("account request", "contact_name"),
    ("volunteer sign-up", "name"),
    ("event registration", "name"),
]


TYPED_TEXTS = [
    ("account request", "contact_name"),
    ("volunteer sign-up", "message"),
    ("event registration", "name"),
    ("accessibility feedback", "message"),
]


@pytest.mark.parametrize(
    ("public_form", "field"), TYPED_TEXTS, indirect=["public_form"], ids=[f"{f} {n}" for f, n in TYPED_TEXTS]
)
def test_text_not_sent_as_utf_8_is_refused_in_arabic_and_nothing_is_stored_or_sent(
    client, public_form, field, smtp_server
):
    """Bytes that are no UTF-8 (a browser or a script sending another encoding) came in as "\ufffd": a
    sign-up was stored and mailed as "Hallo ��" and listed so for the organisation."""
    arabic_url = "/ar/" + public_form.post_url.removeprefix("/de/")
    fields = {name: value for name, value in public_form.data.items() if name != field}
    body = urlencode(fields) + f"&{field}=Am%FF%FEal"
    response = client.post(
        arabic_url, body, content_type="application/x-www-form-urlencoded", **from_client(ALICE)
    )

    assert response.status_code == 400
    assert "تعذّرت قراءة بعض أحرف هذا النص. يُرجى كتابته مرة أخرى." in response.content.decode()
    assert public_form.stored() == 0
    assert smtp_server.messages == []


@pytest.mark.parametrize(
    ("public_form", "field"), NAMED_FORMS, indirect=["public_form"], ids=[f"{f} {n}" for f, n in NAMED_FORMS]
)
@pytest.mark.parametrize(
    "name", ["Gewinn auf https://spam.example", "www.gewinn.example", "Klick: gewinn.com"]
)
def test_a_name_with_a_web_address_is_refused_in_arabic_and_nothing_is_sent(
    client, public_form, field, name, smtp_server
):
    """The mails greet visitors by the name they typed, at the address they typed: a link in a name would go,
    signed by the portal, to whoever an attacker names."""
    arabic_url = "/ar/" + public_form.post_url.removeprefix("/de/")
    response = client.post(arabic_url, {**public_form.data, field: name}, **from_client(ALICE))

    assert response.status_code == 400
    assert "يُرجى كتابة الاسم بدون عنوان موقع إلكتروني." in response.content.decode()
    assert public_form.stored() == 0
    assert smtp_server.messages == []


@pytest.mark.parametrize(
    "name", ["Amina Yilmaz", "St.Georg e. V.", "Dr.Müller", "Caritasverband Neustadt e.V.", "Мрія", "مريم"]
)
def test_names_with_dots_are_names_not_web_addresses(name):
    assert VolunteerSignupForm.base_fields["name"].clean(name) == name


class ElementPath(HTMLParser):
    """Remembers the open elements around the honeypot input (its ancestors, outermost first)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, dict]] = []
        self.honeypot: tuple[dict, list[dict]] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "input" and attributes.get("name") == "homepage":
            self.honeypot = (attributes, [element for _tag, element in self.open])
        if tag not in self.VOID:
            self.open.append((tag, attributes))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break


@pytest.mark.parametrize("public_form", FORMS, indirect=True)
def test_the_honeypot_is_outside_the_accessibility_tree(client, public_form):
    response = client.get(public_form.page_url)
    assert response.status_code == 200
    parser = ElementPath()
    parser.feed(response.content.decode())

    assert parser.honeypot is not None, "the form has its honeypot"
    field, ancestors = parser.honeypot
    assert field.get("tabindex") == "-1" and field.get("autocomplete") == "off"
    assert any("hidden" in element for element in ancestors), "inside a hidden block"
    assert any(element.get("aria-hidden") == "true" for element in ancestors)


# -- readers get no cookie -----------------------------------------------------------------------------


def one_published_page_of_every_type_in_every_language() -> dict[tuple[str, str], str]:
    """``(page type, language) -> URL`` of one live public page for each pair the demo town publishes."""
    pages = {}
    live = Page.objects.live().public().filter(depth__gt=1).specific().select_related("locale")
    for page in live.order_by("depth", "path"):
        pages.setdefault((type(page).__name__, page.locale.language_code), page.url)
    return pages


def test_no_public_page_of_any_type_in_any_language_sets_a_cookie(demo_town, db):
    pages = one_published_page_of_every_type_in_every_language()
    assert {language for _type, language in pages} == {code for code, _name in django_settings.LANGUAGES}
    page_types = {page_type for page_type, _language in pages}
    assert {
        "HomePage",
        "OrganisationPage",
        "OfferPage",
        "EventPage",
        "VolunteerOpportunityPage",
    } <= page_types
    assert "AccessibilityStatementPage" in page_types
    reader = Client()
    for (page_type, language), url in sorted(pages.items()):
        response = reader.get(url)
        assert response.status_code == 200, (page_type, language, url)
        assert "Set-Cookie" not in response.headers, (page_type, language, url)
        assert not response.cookies, (page_type, language, url)


def test_the_registration_mail_links_open_the_configured_portal_address(
    client, organisation_a, smtp_server, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://integration.teststadt.example/"
    form = event_form(organisation_a)
    client.post(form.post_url, form.data, **from_client(ALICE))

    (message,) = smtp_server.to("amal@example.org")
    body = body_of(message)
    confirm_path = reverse(
        "events:confirm-registration", kwargs={"token": EventRegistration.objects.get().token}
    )
    assert f"https://integration.teststadt.example{confirm_path}" in body
    assert "http://localhost" not in body


@pytest.mark.parametrize("language", ["de", "ar", "uk"])
def test_every_public_form_asks_for_an_email_address_and_a_phone_number_in_the_same_words(language):
    """Account request, volunteer sign-up, event registration, place alert and data request: a missing or
    wrong email address (and a wrong phone number) get the same clear message in the visitor's language."""

    def messages(field, value) -> list[str]:
        try:
            field.clean(value)
        except ValidationError as error:
            return [str(message) for message in error.messages]
        return []

    forms = (AccountRequestForm, VolunteerSignupForm, EventRegistrationForm, PlaceAlertForm, DataRequestForm)
    with translation.override(language):
        missing = {form.__name__: messages(form.base_fields["email"], "") for form in forms}
        wrong = {form.__name__: messages(form.base_fields["email"], "amina@") for form in forms}
        phones = {
            form.__name__: messages(form.base_fields["phone"], "call me")
            for form in forms
            if "phone" in form.base_fields
        }
        too_long = {
            form.__name__: messages(form.base_fields["phone"], "0" * 200)
            for form in forms
            if "phone" in form.base_fields
        }
        expected_too_long = translation.ngettext(  # Django's own message, in every language
            "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
            "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
            30,
        ) % {"limit_value": 30, "show_value": 200}
        expected_missing = translation.gettext("Please enter your email address.")
        # The example isolated left to right: in Arabic "name@example.org." read "….name@example.org".
        expected_wrong = translation.gettext(
            "Please enter a valid email address, e.g. name@example.org."
        ).replace("name@example.org", "\u2066name@example.org\u2069")
        expected_phone = translation.gettext(
            "Please enter a phone number with digits only, e.g. %(example)s."
        ) % {"example": "\u20660171 2345678\u2069"}
    assert expected_missing != "Please enter your email address."  # translated, not the English source
    assert missing == dict.fromkeys(missing, [expected_missing])
    assert wrong == dict.fromkeys(wrong, [expected_wrong])
    assert set(phones) == {"AccountRequestForm", "VolunteerSignupForm"}
    assert phones == dict.fromkeys(phones, [expected_phone])
    assert too_long == dict.fromkeys(phones, [expected_too_long]), (
        "a number too long is told so, not 'digits only'"
    )


@pytest.mark.parametrize(
    "form", [AccountRequestForm, VolunteerSignupForm, EventRegistrationForm, PlaceAlertForm, DataRequestForm]
)
def test_an_email_address_is_typed_left_to_right_on_a_right_to_left_page(form):
    """In the Persian and Arabic forms "abc@" showed as "@abc" while it was typed; phone numbers already ran
    left to right."""
    html = str(form.base_fields["email"].widget.render("email", "abc@"))
    assert 'type="email"' in html
    assert 'dir="ltr"' in html
    assert 'autocomplete="email"' in html


#: Every address a visitor without an account sends to (``for_visitors``): the public forms' own addresses
#: and the links from their mails, with tokens that name nothing.
VISITOR_ADDRESSES = [
    ("accounts:request", {}),
    ("accounts:set_password", {"uidb64": "MQ", "token": "abc-def"}),
    ("data_requests:request", {}),
    ("data_requests:confirm", {"token": "abc:def"}),
    ("search:place_alert", {}),
    ("search:place_alert_confirm", {"token": "abc:def"}),
    ("search:place_alert_stop", {"token": "abc:def"}),
    ("search:place_alert_extend", {"token": "abc:def"}),
    ("events:confirm-registration", {"token": "00000000-0000-0000-0000-000000000000"}),
    ("events:withdraw-registration", {"token": "00000000-0000-0000-0000-000000000000"}),
    ("volunteers:confirm", {"token": "abc:def"}),
    ("volunteers:withdraw", {"token": "abc:def"}),
]


@pytest.mark.parametrize(
    ("name", "kwargs"), VISITOR_ADDRESSES, ids=[name for name, _kwargs in VISITOR_ADDRESSES]
)
def test_a_visitor_address_takes_get_and_post_without_a_cookie_and_is_never_cached(home, name, kwargs):
    with translation.override("de"):
        url = reverse(name, kwargs=kwargs)
    browser = Client(enforce_csrf_checks=True)  # a visitor: public pages set no cookie, so no CSRF token
    answers = {method: getattr(browser, method)(url) for method in ("get", "post", "put", "delete")}
    assert answers["post"].status_code != 403, "a visitor without a cookie is refused"
    assert answers["put"].status_code == answers["delete"].status_code == 405
    for method, answer in answers.items():
        assert "no-store" in answer.headers.get("Cache-Control", ""), (method, answer.status_code)


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("de", "Was möchten Sie? Bitte wählen"),
        ("ar", "ماذا تريدون؟ يرجى اختيار"),
        ("uk", "Чого ви бажаєте? Будь"),
    ],
)
def test_the_error_summary_puts_no_colon_after_a_label_that_is_a_question(client, home, language, question):
    """The summary read "Was möchten Sie?: Bitte wählen Sie, was Sie möchten."; a label ending in its own
    punctuation now takes no colon, the others keep theirs."""
    with translation.override(language):
        url = reverse("data_requests:request")
        email_label = str(DataRequestForm().fields["email"].label)
    html = client.post(url, {"email": "", "homepage": ""}).content.decode()
    summary = html.split('class="form-errors"')[1].split("</ul>")[0]
    assert question in summary and "?:" not in summary and "؟:" not in summary
    assert f"{email_label}: " in summary


@pytest.mark.parametrize("form", ["account request", "data request", "event registration"])
def test_a_form_sent_without_a_single_field_says_what_is_missing(client, home, organisation_a, form):
    """A POST with an empty body (a hand-made request; browsers send every text field) left the form unbound,
    "Form(request.POST or None)": a bare 400 without a word of what was missing."""
    data_request = reverse("data_requests:request")
    public = {
        "account request": lambda: account_form(),
        "data request": lambda: PublicForm(data_request, data_request, {"email": "amal@example.org"}, 302),
        "event registration": lambda: event_form(organisation_a),
    }[form]()
    stored = public.stored()

    answer = client.post(public.post_url, "", content_type="application/x-www-form-urlencoded")

    assert answer.status_code == 400
    summary = answer.content.decode().split('class="form-errors"')[1].split("</ul>")[0]
    assert "E-Mail-Adresse" in summary
    assert public.stored() == stored
