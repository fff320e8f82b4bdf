"""Fixtures for volunteering: an opportunity below organisation A, and a real SMTP server on loopback."""

from __future__ import annotations

import email
import re
import socket
from email import policy
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale

from wegweiser.site.models import Language
from wegweiser.volunteers.models import Suitability, VolunteerOpportunityPage


class MailStore:
    """aiosmtpd handler that keeps every delivered message."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SMTPServer:
    """A real SMTP server on 127.0.0.1 that tests can stop and start again on the same port."""

    def __init__(self, port: int):
        self.port = port
        self.store = MailStore()
        self.controller = None

    @property
    def messages(self):
        return self.store.messages

    def start(self):
        self.controller = Controller(self.store, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def to(self, address: str):
        return [message for message in self.messages if address in message["To"]]


@pytest.fixture
def smtp_server(settings):
    server = SMTPServer(free_port())
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def german_by_default():
    """Each test starts in the default language (a request to /en/ leaves English active in the thread)."""
    with translation.override("de"):
        yield


def body_of(message) -> str:
    part = message.get_body(preferencelist=("plain",))
    return part.get_content()


def link_path(message, fragment: str) -> str:
    """The path of the first link in the mail that contains ``fragment``."""
    for url in re.findall(r"https?://\S+", body_of(message)):
        if fragment in url:
            return urlsplit(url).path
    raise AssertionError(f"No link with {fragment!r} in:\n{body_of(message)}")


@pytest.fixture
def languages(home):
    default = Locale.get_default()
    return {
        code: Language.objects.get_or_create(
            slug=code, locale=default, defaults={"name": name, "native_name": native}
        )[0]
        for code, name, native in [("ar", "Arabisch", "العربية"), ("uk", "Ukrainisch", "Українська")]
    }


def make_opportunity(organisation, title="Sprachpatenschaft", slug="sprachpatenschaft", places=2, **fields):
    Suitability.ensure_all()
    defaults = {
        "summary": "Einmal pro Woche Deutsch üben.",
        "tasks": "<p>Gespräche im Alltag</p>",
        "requirements": "<p>Erweitertes Führungszeugnis</p>",
        "commitment": "weekly",
        "contact_email": "kontakt@verein.example",
    }
    defaults.update(fields)
    page = organisation.add_child(
        instance=VolunteerOpportunityPage(title=title, slug=slug, places=places, **defaults)
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def opportunity(organisation_a, languages):
    page = make_opportunity(organisation_a)
    page.suitable_for.set(Suitability.objects.filter(slug__in=["adults", "students"]))
    page.languages_wanted.set([languages["ar"]])
    page.save_revision().publish()
    return page


@pytest.fixture
def other_opportunity(organisation_b, languages):
    return make_opportunity(
        organisation_b, title="Fahrradwerkstatt", slug="fahrradwerkstatt", commitment="flexible"
    )


def signup_data(**overrides) -> dict:
    data = {
        "name": "Erika Mustermann",
        "email": "erika@example.org",
        "phone": "0171 2345678",
        "availability": "dienstags nachmittags",
        "message": "Ich spreche etwas Arabisch.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data
