"""Template context every public page needs: the language switcher, text direction, finders."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation


def portal(request) -> dict:
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "LANGUAGE_DIRECTION": "rtl" if translation.get_language_bidi() else "ltr",
        "PORTAL_LANGUAGES": settings.LANGUAGES,
        "CURRENT_LANGUAGE": language,
        "MAP_TILE_URL": settings.WEGWEISER_MAP_TILE_URL,
        "MAP_ATTRIBUTION": settings.WEGWEISER_MAP_ATTRIBUTION,
    }
