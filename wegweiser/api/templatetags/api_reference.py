"""Filters for the API reference page: the OpenAPI descriptions are written with Markdown's inline code."""

from __future__ import annotations

import re

from django import template
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

INLINE_CODE = re.compile(r"`([^`\n]+)`")


@register.filter
def inline_code(text) -> SafeString:
    """Escape ``text`` and show each `backticked` span as ``<code>`` instead of raw backticks."""
    parts = INLINE_CODE.split(str(text or ""))
    # split() alternates: plain text, code, plain text, code, …
    return mark_safe(
        "".join(
            format_html("<code>{}</code>", part) if index % 2 else escape(part)
            for index, part in enumerate(parts)
        )
    )


@register.simple_tag
def in_english() -> SafeString:
    """``lang="en"`` for the OpenAPI document's texts, which are English, on a page in another language
    (a screen reader then reads them with an English voice); nothing on an English page."""
    return mark_safe("") if translation.get_language() == "en" else mark_safe(' lang="en"')
