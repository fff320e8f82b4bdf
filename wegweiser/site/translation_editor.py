"""wagtail-localize's translation editor writes dates as the admin's language does.

Under each translated text the editor notes how and when it was translated ("Manuell übersetzt am …"), and
wagtail-localize writes that date with ``strftime``: the month in English whatever the admin's language
("7 December 2026"), the day in UTC (one translated at half past midnight was dated the day before). The
note keeps wagtail-localize's words, in its catalogue's language or the portal's German for it, with the
date as the admin's language writes it, in the portal's time zone ("7. Dezember 2026").
"""

from __future__ import annotations

from django.utils import formats, timezone
from wagtail_localize.compat import DATE_FORMAT
from wagtail_localize.models import StringTranslation

_notes_in_utc_and_english = StringTranslation.get_comment


def translation_note(string_translation: StringTranslation) -> str | None:
    """``StringTranslation.get_comment``: how and when a text was translated, for the editor."""
    note = _notes_in_utc_and_english(string_translation)
    if not note:
        return note
    written = string_translation.updated_at.strftime(DATE_FORMAT)
    local = formats.date_format(timezone.localtime(string_translation.updated_at), "DATE_FORMAT")
    return note.replace(written, local)
