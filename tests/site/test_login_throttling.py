"""Password guessing on the admin login is slowed down per account and per client, and the user is told."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

RIGHT = "correct horse battery"
PAUSED = "Anmeldung für eine Weile pausiert"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.WEGWEISER_LOGIN_FAILURES_PER_ACCOUNT = 10
    settings.WEGWEISER_LOGIN_FAILURES_PER_CLIENT = 30
    settings.WEGWEISER_LOGIN_COOL_OFF_SECONDS = 900
    cache.clear()
    yield
    cache.clear()


def log_in(client, username: str, password: str, address: str = "203.0.113.7", **headers):
    client.logout()
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="de",
        **headers,
    )


def logged_in(response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.wsgi_request.session


def test_thirty_wrong_passwords_then_the_right_one_is_refused_until_the_cool_off_is_over(
    client, editor_a, editor_b, monkeypatch
):
    for _attempt in range(30):
        assert not logged_in(log_in(client, "editor-a", "wrong guess"))

    refused = log_in(client, "editor-a", RIGHT)
    assert not logged_in(refused)
    assert PAUSED in refused.content.decode()

    other_account_same_client = log_in(client, "editor-b", RIGHT)
    assert not logged_in(other_account_same_client)
    assert PAUSED in other_account_same_client.content.decode()

    same_account_other_client = log_in(client, "editor-a", RIGHT, address="198.51.100.20")
    assert not logged_in(same_account_other_client)
    assert logged_in(log_in(client, "editor-b", RIGHT, address="198.51.100.20"))

    later = timezone.now() + datetime.timedelta(minutes=16)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert logged_in(log_in(client, "editor-a", RIGHT))


def test_a_few_typos_do_not_lock_anyone_out(client, editor_a):
    for _attempt in range(9):
        log_in(client, "editor-a", "typo")
    assert logged_in(log_in(client, "editor-a", RIGHT))
    for _attempt in range(9):  # a correct login starts the account's count afresh
        log_in(client, "editor-a", "typo")
    assert logged_in(log_in(client, "editor-a", RIGHT))


def test_behind_the_trusted_proxy_each_visitor_is_counted_for_itself(client, editor_a, editor_b, settings):
    settings.WEGWEISER_TRUSTED_PROXIES = 1
    for number in range(30):
        log_in(client, f"nobody-{number}", "guess", address="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert not logged_in(log_in(client, "editor-a", RIGHT, "10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9"))
    assert logged_in(log_in(client, "editor-b", RIGHT, "10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.4"))
