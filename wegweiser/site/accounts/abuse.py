"""Keeping bots and floods out of the account request form: a honeypot field and a per-IP rate limit.

The rate limit counts in the cache under a keyed hash of the IP address, so no address is ever stored.
(The volunteers plugin keeps its own, as core must not import plugins.)
"""

from __future__ import annotations

import hashlib
import hmac
import re

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MARKUP = re.compile(r"<\s*/?\s*[a-z!?]|javascript:|on\w+\s*=", re.IGNORECASE)


def reject_markup(value: str) -> None:
    """Form validator: plain text only (no tags, no script)."""
    if value and MARKUP.search(value):
        raise ValidationError(_("Please use plain text only, without HTML or script code."), code="markup")


class HoneypotMixin(forms.Form):
    """A field hidden from people; bots fill it in. A filled honeypot means: store nothing, say nothing."""

    honeypot_field = "homepage"

    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_bot(self) -> bool:
        return bool(self.data.get(self.honeypot_field))


def requests_per_hour() -> int:
    return int(getattr(settings, "WEGWEISER_ACCOUNT_REQUESTS_PER_HOUR", 5))


def rate_limit_exceeded(request, bucket: str) -> bool:
    """Count one attempt from this client; True once it exceeds the hourly limit."""
    address = request.META.get("REMOTE_ADDR", "")
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{bucket}:{address}".encode(), hashlib.sha256)
    key = f"wegweiser:accounts:rate:{bucket}:{digest.hexdigest()[:32]}"
    if cache.add(key, 1, timeout=3600):
        return False
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=3600)
        return False
    return count > requests_per_hour()
