"""The portal's own date formats where Django's locale has none (``FORMAT_MODULE_PATH``).

Django takes every format a module here does not set from its own locale files.
"""

from __future__ import annotations

from importlib import import_module

from django.conf import global_settings, settings


def taking_admin_dates(language: str) -> tuple[list[str], list[str]]:
    """``language``'s date and date-time input formats (Django's, or its defaults where its locale has none),
    with the admin's first (``WAGTAIL_DATE_FORMAT``, ``WAGTAIL_DATETIME_FORMAT``, "12.01.2027 18:00"), so that
    what the admin's date picker writes is read whatever the editor's language."""
    try:
        django_own = import_module(f"django.conf.locale.{language}.formats")
    except ImportError:
        django_own = None
    pairs = (
        (settings.WAGTAIL_DATE_FORMAT, "DATE_INPUT_FORMATS"),
        (settings.WAGTAIL_DATETIME_FORMAT, "DATETIME_INPUT_FORMATS"),
    )
    dates, datetimes = (
        [
            admin,
            *(found for found in getattr(django_own, name, getattr(global_settings, name)) if found != admin),
        ]
        for admin, name in pairs
    )
    return dates, datetimes
