"""What every API response goes through: a rate limit per client, the requested language, and
conditional GET (ETag / Last-Modified, 304 on revalidation) so that apps and portals can sync cheaply.
"""

from __future__ import annotations

import datetime
import hashlib
import math
from functools import wraps

from django.conf import settings
from django.db.models import Max
from django.http import JsonResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry, PageLogEntry

from wegweiser.api.querying import portal_language_codes
from wegweiser.site import rate_limits
from wegweiser.site.public_forms import client_address

DEFAULT_RATE_LIMIT = "120/minute"
PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
CACHE_MAX_AGE = 60
API_URLCONF = "wegweiser.api.root_urls"


def rate_limit() -> tuple[int, int]:
    """``(requests, seconds)`` from ``WEGWEISER_API_RATE_LIMIT``: ``"120/minute"``, or a number per minute."""
    setting = getattr(settings, "WEGWEISER_API_RATE_LIMIT", DEFAULT_RATE_LIMIT)
    if isinstance(setting, int):
        return setting, 60
    number, _slash, period = str(setting).partition("/")
    return int(number), PERIODS[period.strip().rstrip("s") or "minute"]


def too_many_requests(request) -> JsonResponse | None:
    """Count the request in a window per client (in the shared database); past the limit, a 429 with Retry-After."""
    limit, period = rate_limit()
    if limit <= 0:
        return None
    counted = rate_limits.hit("api", client_address(request), datetime.timedelta(seconds=period))
    if counted.count <= limit:
        return None
    retry_after = max(1, math.ceil((counted.resets_at - timezone.now()).total_seconds()))
    response = JsonResponse(
        {
            "detail": _(
                "Too many requests: at most %(limit)d per %(period)d seconds. Please try again in %(retry)d seconds."
            )
            % {"limit": limit, "period": period, "retry": retry_after},
            "errors": {},
        },
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


def requested_language(request) -> str:
    code = request.GET.get("locale")
    return code if code in portal_language_codes() else settings.LANGUAGE_CODE


def content_changed_at() -> datetime.datetime:
    """When public content may last have changed: the latest logged page or snippet action, or midnight.

    Expiry happens at midnight without any action, so a day's first response is always "new".
    """
    latest = [timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)]
    for model in (PageLogEntry, ModelLogEntry):
        timestamp = model.objects.aggregate(latest=Max("timestamp"))["latest"]
        if timestamp is not None:
            latest.append(timestamp)
    return max(latest)


def with_conditional_get(request, response):
    """Tag a successful response and answer revalidations with 304 Not Modified."""
    if response.status_code != 200 or response.streaming:
        return response
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    last_modified = math.floor(content_changed_at().timestamp())
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=CACHE_MAX_AGE)
    patch_vary_headers(response, ["Accept-Language"])
    return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)


def api_view(view, data_language: bool = True):
    """Wrap an API view in the rate limit, the ``?locale=`` language and conditional GET.

    Data answers speak the language asked for with ``?locale=`` (German by default), never the one a
    browser happens to send, so that one URL always means one answer. The reference page for people
    (``data_language=False``) follows the browser.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        limited = too_many_requests(request)
        if limited is not None:
            return limited
        language = requested_language(request) if data_language else translation.get_language()
        with translation.override(language):
            response = view(request, *args, **kwargs)
        if request.method in ("GET", "HEAD"):
            response = with_conditional_get(request, response)
        request.urlconf = API_URLCONF
        return response

    return wrapped
