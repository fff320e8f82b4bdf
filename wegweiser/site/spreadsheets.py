"""CSV for every export of the portal, in one place: the German spreadsheet dialect by default.

German Excel opens a comma-separated file in one column and reads UTF-8 without a byte-order mark as
Windows-1252 (broken umlauts), so the default is semicolons and UTF-8 with BOM. Programs that want plain
RFC 4180 CSV (comma, no BOM) ask for it with ``?dialect=rfc4180``.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from django.http import HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.utils.translation import gettext

DIALECT_PARAMETER = "dialect"
BYTE_ORDER_MARK = "\ufeff"


class _SpreadsheetGerman(csv.excel):
    delimiter = ";"
    lineterminator = "\r\n"


class _Rfc4180(csv.excel):
    delimiter = ","
    lineterminator = "\r\n"


@dataclass(frozen=True)
class CsvDialect:
    """A CSV flavour: how fields are separated and whether the file starts with a byte-order mark."""

    name: str
    csv_dialect: type[csv.Dialect]
    byte_order_mark: bool
    content_type: str

    def writer(self, stream):
        """A ``csv.writer`` on ``stream`` (a response, a file), after the byte-order mark if the dialect has one."""
        if self.byte_order_mark:
            stream.write(BYTE_ORDER_MARK)
        return csv.writer(stream, dialect=self.csv_dialect)

    def lines(self, rows: Iterable[Sequence]) -> Iterator[str]:
        """The file as text, row by row (for streaming responses)."""
        buffer = _LineBuffer()
        writer = self.writer(buffer)
        for row in rows:
            writer.writerow(row)
            yield buffer.take()

    def text(self, rows: Iterable[Sequence]) -> str:
        return "".join(self.lines(rows))


class _LineBuffer:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def take(self) -> str:
        text = "".join(self.parts)
        self.parts.clear()
        return text


SPREADSHEET_GERMAN = CsvDialect(
    "excel-de", _SpreadsheetGerman, byte_order_mark=True, content_type="text/csv; charset=utf-8"
)
RFC_4180 = CsvDialect(
    "rfc4180", _Rfc4180, byte_order_mark=False, content_type="text/csv; charset=utf-8; header=present"
)
CSV_DIALECTS = {dialect.name: dialect for dialect in (SPREADSHEET_GERMAN, RFC_4180)}
DEFAULT_CSV_DIALECT = SPREADSHEET_GERMAN


class UnknownCsvDialect(ValueError):
    """The request asked for a CSV dialect the portal does not write."""

    @property
    def message(self) -> str:
        """What to tell the person who asked, in their language."""
        return gettext(
            "There is no CSV dialect “%(name)s”. Use “excel-de” (semicolons, for spreadsheet programs, "
            "the default) or “rfc4180” (commas)."
        ) % {"name": self.args[0]}


def csv_dialect(name: str | None) -> CsvDialect:
    """The dialect called ``name``; the German spreadsheet dialect when no name is given."""
    if not name:
        return DEFAULT_CSV_DIALECT
    try:
        return CSV_DIALECTS[name]
    except KeyError:
        raise UnknownCsvDialect(name) from None


def csv_dialect_for(request) -> CsvDialect:
    """The dialect a request asks for with ``?dialect=``; raises :class:`UnknownCsvDialect` for an unknown one."""
    return csv_dialect(request.GET.get(DIALECT_PARAMETER))


def csv_response(
    filename: str,
    rows: Iterable[Sequence],
    dialect: CsvDialect = DEFAULT_CSV_DIALECT,
    *,
    streaming: bool = False,
    disposition: str = "attachment",
) -> HttpResponse | StreamingHttpResponse:
    """A CSV download of ``rows`` (the first row is the header) in ``dialect``."""
    if streaming:
        response = StreamingHttpResponse(
            (line.encode() for line in dialect.lines(rows)), content_type=dialect.content_type
        )
    else:
        response = HttpResponse(dialect.text(rows).encode(), content_type=dialect.content_type)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


#: What a spreadsheet program runs as a formula at the start of a cell.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def as_spreadsheet_text(value) -> str:
    """A cell of an export as text that a spreadsheet program shows rather than runs: a leading quote
    defuses what would start a formula (a name typed as "=HYPERLINK(...)", a phone number "+49 ...")."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _text_as_text(cell):
    return as_spreadsheet_text(cell) if isinstance(cell, str) else cell


class SpreadsheetExportMixin:
    """For a Wagtail index or report view with ``list_export``: its CSV export in the portal's one CSV
    writer, for German spreadsheet programs unless the request asks ``?dialect=rfc4180``. Every text cell
    is written as :func:`as_spreadsheet_text` (:func:`defuse_wagtail_s_csv_exports`): what visitors and
    partners typed (a search, a name, a title) reaches the office's spreadsheet as text, never as a
    formula (Wagtail's XLSX export does the same)."""

    def write_csv_response(self, queryset):
        try:
            dialect = csv_dialect_for(self.request)
        except UnknownCsvDialect as error:
            return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")
        header = [self.get_heading(queryset, field) for field in self.list_export]
        rows = (
            [
                self.preprocess_field_value(field, value, self.FORMAT_CSV)
                for field, value in self.to_row_dict(item).items()
            ]
            for item in queryset
        )
        return csv_response(
            f"{self.get_filename()}.csv", itertools.chain([header], rows), dialect, streaming=True
        )


def defuse_wagtail_s_csv_exports() -> None:
    """Every CSV export of the admin, Wagtail's own too (form submissions, site history, the page reports),
    writes its text cells as :func:`as_spreadsheet_text`: a visitor's barrier report typed as
    "=HYPERLINK(...)" reached the office's spreadsheet as a formula. (The XLSX exports keep formulas as
    text already.) Once, when the hooks load."""
    # An admin view module: imported when the hooks load, not with this module.
    from wagtail.admin.views.mixins import SpreadsheetExportMixin as WagtailSpreadsheetExportMixin

    preprocess = WagtailSpreadsheetExportMixin.preprocess_field_value
    if getattr(preprocess, "defused", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        cell = preprocess(self, field, value, export_format)
        return _text_as_text(cell) if export_format == self.FORMAT_CSV else cell

    preprocess_field_value.defused = True
    WagtailSpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
