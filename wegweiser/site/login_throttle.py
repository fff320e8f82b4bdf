"""Slow down password guessing: after too many failed logins an account, or a client, waits a while.

Failures are counted per account (whatever client tries it) and per client (whatever account it
tries; the client address comes from :func:`wegweiser.site.public_forms.client_address`, so it is
right behind trusted reverse proxies). Counts live in the database (:mod:`wegweiser.site.rate_limits`),
which every worker process and app server shares. Once a limit is
reached, every login of that account or from that client is refused for the cool-off time, even with
the right password, and the login form says so in the user's language.

The check sits in the authentication backend, so it holds for every login view; the Wagtail admin's
login form only turns the refusal into its message.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from wegweiser.site import rate_limits
from wegweiser.site.public_forms import client_address

THROTTLED_MESSAGE = _(
    "Too many failed login attempts for this account or from this device. "
    "For your protection, logging in is paused for a while. Please try again later."
)


def _limits() -> tuple[int, int, datetime.timedelta]:
    return (
        int(getattr(settings, "WEGWEISER_LOGIN_FAILURES_PER_ACCOUNT", 10)),
        int(getattr(settings, "WEGWEISER_LOGIN_FAILURES_PER_CLIENT", 30)),
        datetime.timedelta(seconds=int(getattr(settings, "WEGWEISER_LOGIN_COOL_OFF_SECONDS", 900))),
    )


def _subjects(request: HttpRequest, username: str) -> list[tuple[str, str, int]]:
    """``(bucket, subject, limit)`` for the account and for the client."""
    per_account, per_client, _cool_off = _limits()
    return [
        ("login-account", (username or "").strip().lower(), per_account),
        ("login-client", client_address(request), per_client),
    ]


def is_throttled(request: HttpRequest, username: str) -> bool:
    """Whether this account or this client is in its cool-off time."""
    return any(rate_limits.held(bucket, subject) for bucket, subject, _limit in _subjects(request, username))


def record_failure(request: HttpRequest, username: str) -> None:
    """Count one failed login; an account or client that reaches its limit starts its cool-off."""
    _per_account, _per_client, cool_off = _limits()
    for bucket, subject, limit in _subjects(request, username):
        if limit <= 0 or rate_limits.held(bucket, subject):
            continue
        if rate_limits.hit(bucket, subject, cool_off).count >= limit:
            rate_limits.hold(bucket, subject, cool_off)
            rate_limits.clear(bucket, subject)


def record_success(request: HttpRequest, username: str) -> None:
    """A correct password clears the account's failures (not the client's: it may try many accounts)."""
    bucket, subject, _limit = _subjects(request, username)[0]
    rate_limits.clear(bucket, subject)


class ThrottledModelBackend(ModelBackend):
    """Django's model backend, refusing accounts and clients in their cool-off time."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:  # not a login over HTTP (management commands, tests' client.login)
            return super().authenticate(request, username=username, password=password, **kwargs)
        username = username or kwargs.get(get_user_model().USERNAME_FIELD) or ""
        if is_throttled(request, username):
            record_failure(request, username)
            raise PermissionDenied
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            record_failure(request, username)
        else:
            record_success(request, username)
        return user


class ThrottledLoginForm(LoginForm):
    """The Wagtail admin's login form, saying why a login is refused during the cool-off time."""

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            if is_throttled(self.request, self.cleaned_data.get("username", "")):
                raise ValidationError(THROTTLED_MESSAGE, code="throttled") from None
            raise
