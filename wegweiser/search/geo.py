"""Distances for "near me": a bounding box the database can use, then the exact great-circle distance."""

from __future__ import annotations

import math
from dataclasses import dataclass

from wegweiser.site.models import District
from wegweiser.site.taxonomy_labels import term_labels

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class GeoPoint:
    """Where "near me" is: the browser's location or a district's centre."""

    latitude: float
    longitude: float
    label: str = ""


def haversine_km(point: GeoPoint, latitude: float, longitude: float) -> float:
    lat1, lat2 = math.radians(point.latitude), math.radians(latitude)
    dlat = lat2 - lat1
    dlon = math.radians(longitude - point.longitude)
    a = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(point: GeoPoint, radius_km: float) -> tuple[float, float, float, float]:
    """``(min_lat, max_lat, min_lon, max_lon)`` enclosing the circle: a cheap pre-filter for the database."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    cos_lat = max(math.cos(math.radians(point.latitude)), 1e-6)
    dlon = min(180.0, math.degrees(radius_km / (EARTH_RADIUS_KM * cos_lat)))
    return point.latitude - dlat, point.latitude + dlat, point.longitude - dlon, point.longitude + dlon


def district_centres() -> dict[str, GeoPoint]:
    """District slug -> its centre, labelled in the visitor's language (districts without one are left out)."""
    labels = term_labels(District)
    centres: dict[str, GeoPoint] = {}
    rows = District.objects.filter(latitude__isnull=False, longitude__isnull=False).order_by(
        "sort_order", "name"
    )
    for slug, latitude, longitude in rows.values_list("slug", "latitude", "longitude"):
        # A German name stays a TermName (cached with its language), so the form marks it German.
        centres.setdefault(slug, GeoPoint(latitude, longitude, labels.get(slug, slug)))
    return centres
