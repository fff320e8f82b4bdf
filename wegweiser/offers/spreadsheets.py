"""Reading uploaded spreadsheets (CSV or XLSX) safely: size limit, real file type, no formulas.

Partners keep their offers in Excel or LibreOffice. What comes in is untrusted: it may be huge, not a
spreadsheet at all, or carry formulas that would run when the office opens an export later
("CSV injection"). This module turns a file into plain rows of text, dates and numbers, or explains
precisely why it cannot.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from wegweiser.plugin_api import FORMULA_PREFIXES

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
# "+49 5561 100-300" is a phone number, not a formula: a plus sign followed only by digits and separators.
_PHONE_NUMBER = re.compile(r"^\+[\d\s/()\-]+$")
_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


class SpreadsheetError(Exception):
    """The file as a whole cannot be read; the message is for the person who uploaded it."""


@dataclass(frozen=True)
class Cell:
    row: int
    column: str
    value: object


@dataclass
class Sheet:
    """Rows as ``{column name: value}`` with their spreadsheet row numbers (the header is row 1)."""

    columns: list[str]
    rows: list[tuple[int, dict[str, object]]]
    formula_cells: list[Cell]


def read_spreadsheet(data: bytes, filename: str = "") -> Sheet:
    """Parse ``data`` as XLSX or CSV (decided by content, not by the file name)."""
    if len(data) > MAX_FILE_BYTES:
        raise SpreadsheetError(
            _("The file is too large (%(size)s MB). The limit is %(limit)s MB.")
            % {"size": number_format(len(data) / 1024 / 1024, 1), "limit": MAX_FILE_BYTES // 1024 // 1024}
        )
    if not data.strip():
        raise SpreadsheetError(_("The file is empty."))
    if data.startswith(_OLE_MAGIC):
        raise SpreadsheetError(
            _("Old Excel files (.xls) cannot be read. Please save the file as .xlsx or CSV.")
        )
    if data.startswith(_XLSX_MAGIC):
        return _read_xlsx(data)
    return _read_csv(data)


def _read_xlsx(data: bytes) -> Sheet:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                raise SpreadsheetError(_("This is a ZIP file, but not an Excel workbook (.xlsx)."))
            if sum(info.file_size for info in archive.infolist()) > 20 * MAX_FILE_BYTES:
                raise SpreadsheetError(_("The workbook unpacks to too much data."))
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        # A read-only workbook parses its sheet and cells only here, row by row: a damaged sheet, a
        # number cell holding text or a missing shared string fails now, not when it is opened.
        if not workbook.worksheets:
            raise SpreadsheetError(_("The workbook has no sheet."))
        raw_rows = []
        for values in workbook.worksheets[0].iter_rows(values_only=True):
            raw_rows.append(list(values))
            if len(raw_rows) > MAX_ROWS + 1:
                break
        workbook.close()
    except SpreadsheetError:
        raise
    except Exception as error:  # openpyxl raises many kinds of errors for broken files
        raise SpreadsheetError(_("The Excel file could not be read: it seems to be damaged.")) from error
    return _sheet_from_rows(raw_rows)


def _read_csv(data: bytes) -> Sheet:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text" export: UTF-16 with tabs between the cells.
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as error:
            raise SpreadsheetError(
                _("The text encoding of the CSV file is not supported; save it as UTF-8.")
            ) from error
    if b"\x00" in data[:4096]:
        raise SpreadsheetError(_("This is not a spreadsheet. Please upload a CSV or XLSX file."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise SpreadsheetError(
                _("The text encoding of the CSV file is not supported; save it as UTF-8.")
            ) from error
    if not _looks_like_text(text):
        raise SpreadsheetError(_("This is not a spreadsheet. Please upload a CSV or XLSX file."))
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = _Semicolon if sample.count(";") > sample.count(",") else csv.excel
    try:
        raw_rows = []
        for values in csv.reader(io.StringIO(text), dialect):
            raw_rows.append(values)
            if len(raw_rows) > MAX_ROWS + 1:
                break
    except csv.Error as error:  # its text is Python's, in English: not for the partner
        raise SpreadsheetError(
            _(
                "The CSV file could not be read: a cell is too long (more than 131,072 characters) or a "
                "quotation mark is not closed."
            )
        ) from error
    return _sheet_from_rows(raw_rows)


class _Semicolon(csv.excel):
    """German Excel writes CSV with semicolons."""

    delimiter = ";"


def _looks_like_text(text: str) -> bool:
    control = sum(1 for char in text[:4096] if ord(char) < 32 and char not in "\r\n\t")
    return control == 0


def _sheet_from_rows(raw_rows: list[list]) -> Sheet:
    raw_rows = (
        [row for row in raw_rows if any(_clean(value) not in ("", None) for value in row)] if raw_rows else []
    )
    if not raw_rows:
        raise SpreadsheetError(_("The file contains no rows."))
    if len(raw_rows) > MAX_ROWS + 1:
        raise SpreadsheetError(_("The file has more than %(max)d rows; please split it.") % {"max": MAX_ROWS})
    header = [
        " ".join(str(_clean(value) or "").split()) for value in raw_rows[0]
    ]  # as written; see column_names
    columns = [name for name in header if name]
    rows, formulas = [], []
    for number, values in enumerate(raw_rows[1:], start=2):
        row = {}
        for index, name in enumerate(header):
            if not name:
                continue
            value = _clean(values[index]) if index < len(values) else None
            if isinstance(value, str) and is_formula(value):
                formulas.append(Cell(number, name, value))
            row[name] = value
        rows.append((number, row))
    return Sheet(columns=columns, rows=rows, formula_cells=formulas)


def _clean(value):
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time(0, 0) else value
    return value


def is_formula(value: str) -> bool:
    """A cell a spreadsheet program would evaluate: starts with = + - or @ (a phone number is allowed)."""
    return value.startswith(FORMULA_PREFIXES) and not _PHONE_NUMBER.match(value)
