"""The one-time link with which a new editor sets their first password.

It is a Django password-reset token with its own salt and lifetime: it stops working once the password is
set (the token covers the password hash and the last login) or after ``WEGWEISER_INVITATION_DAYS``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_decode, urlsafe_base64_encode

from wegweiser.site.links import admin_url, public_base_url


def invitation_days() -> int:
    return int(getattr(settings, "WEGWEISER_INVITATION_DAYS", 14))


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "wegweiser.site.accounts.invitation"

    def check_token(self, user, token) -> bool:
        """Like the parent, but valid for :func:`invitation_days` instead of ``PASSWORD_RESET_TIMEOUT``."""
        if not (user and token):
            return False
        try:
            timestamp_b36, _hash = token.split("-")
            timestamp = base36_to_int(timestamp_b36)
        except ValueError:
            return False
        if self._num_seconds(self._now()) - timestamp > invitation_days() * 86400:
            return False
        return any(
            constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        )


invitation_tokens = InvitationTokenGenerator()


def admin_login_url() -> str:
    return admin_url("wagtailadmin_login")


def invitation_url(user, language: str) -> str:
    with translation.override(language):
        path = reverse(
            "accounts:set_password",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": invitation_tokens.make_token(user),
            },
        )
    return public_base_url() + path


def invited_user(uidb64: str, token: str):
    """The user the link was made for, if it is still valid; else None."""
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
        return None
    user = get_user_model().objects.filter(pk=pk).first()
    if user is None or not invitation_tokens.check_token(user, token):
        return None
    return user
