"""The admin's listing tables as a person reads them: each table's column headings, in order."""

from __future__ import annotations

import re
from html import unescape

LISTING_TABLE = re.compile(r'<table class="listing\b[^"]*">(.*?)</table>', re.S)


def column_headings(html: str) -> list[list[str]]:
    """The text of the heading cells in each listing table's ``<thead>``, one list per table, in page order
    (Wagtail's own tables, such as the keyboard shortcuts, are left out)."""
    return [
        [
            unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for head in re.findall(r"<thead\b[^>]*>(.*?)</thead>", table, re.S)
            for cell in re.findall(r"<th\b[^>]*>(.*?)</th>", head, re.S)
        ]
        for table in LISTING_TABLE.findall(html)
    ]
