"""Keeping bots and floods out of the public forms: a per-IP rate limit and an HTML check.

The rate limit counts in the cache under a keyed hash of the IP address, so no address is ever stored.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MARKUP = re.compile(r"<\s*/?\s*[a-z!?]|javascript:|on\w+\s*=", re.IGNORECASE)


def reject_markup(value: str) -> None:
    """Form validator: plain text only (no tags, no script)."""
    if value and MARKUP.search(value):
        raise ValidationError(_("Please use plain text only, without HTML or script code."), code="markup")


def _client_hash(request, bucket: str) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{bucket}:{address}".encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def rate_limit_exceeded(request, bucket: str) -> bool:
    """Count one attempt from this client; True once it exceeds the hourly limit."""
    limit = int(getattr(settings, "WEGWEISER_VOLUNTEER_SIGNUPS_PER_HOUR", 5))
    key = f"wegweiser:volunteers:rate:{bucket}:{_client_hash(request, bucket)}"
    if cache.add(key, 1, timeout=3600):
        return False
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=3600)
        return False
    return count > limit
