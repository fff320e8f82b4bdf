"""A real SMTP server on loopback for tests, so a test reads the message a person would get."""

from __future__ import annotations

import email
import re
import socket
from email import policy
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller


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
    """A started SMTP server on a free loopback port, and Django's mail settings pointing at it."""
    server = SMTPServer(free_port())
    settings.WEGWEISER_MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
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


def body_of(message) -> str:
    part = message.get_body(preferencelist=("plain",))
    return part.get_content()


def link_path(message, fragment: str) -> str:
    """The path of the first link in the mail that contains ``fragment``."""
    for url in re.findall(r"https?://\S+", body_of(message)):
        if fragment in url:
            return urlsplit(url).path
    raise AssertionError(f"No link with {fragment!r} in:\n{body_of(message)}")
