"""What the API may show and how it narrows it: site, language, "near a point", "updated since", pages.

Everything public goes through these helpers so that drafts, expired and view-restricted content and
other towns' content never reach a client, whatever endpoint it asks.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, FloatField, Q, QuerySet, Value
from django.db.models.functions import ASin, Cos, Least, Power, Radians, Sin, Sqrt
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from wagtail.models import Locale, Page, Site

from wegweiser.site.listings import localized
from wegweiser.site.registry import ListingType, enabled_listing_types

EARTH_RADIUS_KM = 6371.0
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_OFFSET = 1_000_000


def portal_language_codes() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def default_language_code() -> str:
    return settings.LANGUAGE_CODE


def locale_for(code: str | None) -> Locale:
    """The requested content locale; German (the default) when none is asked for or it has no content yet."""
    if code:
        locale = Locale.objects.filter(language_code=code).first()
        if locale is not None:
            return locale
    return Locale.get_default()


def request_site(request) -> Site | None:
    return Site.find_for_request(request)


def ensure_enabled(request, listing_type: ListingType) -> None:
    """A listing type switched off for this town is not offered by its API either."""
    if listing_type.key not in enabled_listing_types(request_site(request)):
        raise HttpError(404, _("This kind of listing is not offered on this portal."))


def within_site(queryset: QuerySet, site: Site | None) -> QuerySet:
    """Only pages below this site's home page or one of its translations: one town never shows another's."""
    if site is None:
        return queryset
    root = site.root_page
    root_paths = Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
    condition = Q(pk__in=[])
    for path in root_paths:
        condition |= Q(path__startswith=path)
    return queryset.filter(condition)


def public_pages(model, request, locale: Locale) -> QuerySet:
    """Live, not view-restricted pages of ``model`` on this site, in ``locale`` with German fallback."""
    queryset = model.objects.live().public()
    return within_site(localized(queryset, locale), request_site(request))


def current_listings(listing_type: ListingType, request, locale: Locale) -> QuerySet:
    """Live, public, not expired listings of a type on this site, in ``locale`` with German fallback."""
    queryset = listing_type.model.objects.current()
    return within_site(localized(queryset, locale), request_site(request))


def updated_since(queryset: QuerySet, since: datetime.datetime | None) -> QuerySet:
    if since is None:
        return queryset
    if timezone.is_naive(since):
        since = timezone.make_aware(since, datetime.UTC)
    try:
        since = since.astimezone(datetime.UTC)
    except (OverflowError, ValueError) as error:
        raise HttpError(400, _("updated_since is not a usable date and time.")) from error
    return queryset.filter(last_published_at__gte=since)


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float
    radius_km: float


def point_from(lat: float | None, lon: float | None, radius: float) -> Point | None:
    if lat is None and lon is None:
        return None
    if lat is None or lon is None:
        raise HttpError(400, _("Give both lat and lon to search near a point."))
    return Point(lat, lon, radius)


def near(queryset: QuerySet, point: Point | None) -> QuerySet:
    """Places within ``radius_km`` of the point (great-circle distance), annotated with ``distance_km``.

    A bounding box narrows the rows first; the haversine formula then works on SQLite and PostgreSQL alike.
    """
    if point is None:
        return queryset
    lat_delta = point.radius_km / 111.0
    lon_delta = point.radius_km / max(111.0 * math.cos(math.radians(point.latitude)), 0.01)
    queryset = queryset.filter(
        latitude__isnull=False,
        longitude__isnull=False,
        latitude__gte=point.latitude - lat_delta,
        latitude__lte=point.latitude + lat_delta,
    )
    if lon_delta < 180:
        queryset = queryset.filter(
            longitude__gte=point.longitude - lon_delta, longitude__lte=point.longitude + lon_delta
        )
    lat0 = Value(math.radians(point.latitude), output_field=FloatField())
    lon0 = Value(math.radians(point.longitude), output_field=FloatField())
    half_dlat = (Radians(F("latitude")) - lat0) / 2
    half_dlon = (Radians(F("longitude")) - lon0) / 2
    a = Power(Sin(half_dlat), 2) + Cos(lat0) * Cos(Radians(F("latitude"))) * Power(Sin(half_dlon), 2)
    distance = 2 * EARTH_RADIUS_KM * ASin(Least(Sqrt(a), Value(1.0, output_field=FloatField())))
    return queryset.annotate(distance_km=distance).filter(distance_km__lte=point.radius_km)


def paginate(queryset: QuerySet, limit: int, offset: int) -> tuple[int, list]:
    """Stable order by id, so that ``offset`` walks through a changing catalogue without skipping."""
    count = queryset.count()
    return count, list(queryset.order_by("pk")[offset : offset + limit])


def page_answer(request, filters, count: int, items) -> dict:
    """The answer of every list endpoint: the count, the page asked for, links to the pages around it."""
    next_link, previous_link = page_links(request, count, filters.limit, filters.offset)
    return {
        "count": count,
        "limit": filters.limit,
        "offset": filters.offset,
        "next": next_link,
        "previous": previous_link,
        "items": items,
    }


def page_links(request, count: int, limit: int, offset: int) -> tuple[str | None, str | None]:
    def link(new_offset: int) -> str:
        query = request.GET.copy()
        query["offset"] = str(new_offset)
        query["limit"] = str(limit)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    next_link = link(offset + limit) if offset + limit < count else None
    previous_link = link(max(offset - limit, 0)) if offset > 0 else None
    return next_link, previous_link
