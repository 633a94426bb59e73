"""Every CSV and XLSX export writes its cells here, so no cell runs in the spreadsheet it opens in.

A comment or a request topic typed as `=HYPERLINK(...)`, `+1+1` or `@SUM(A1)` would otherwise run
as a formula on the computer of the coordinator who opens the export (OWASP "CSV Injection").
The rule lives only in this module; `osallisuus/tests/test_export_formulas.py` fails when code
elsewhere writes CSV rows or opens an openpyxl workbook itself.

- CSV has no cell types, so text starting with one of FORMULA_TRIGGERS gets a leading single
  quote, as OWASP recommends; spreadsheets show the rest as text. `csv_text` undoes it for the
  unit register import, so an exported register imports back unchanged.
- XLSX has cell types: text is stored as a string cell (openpyxl would otherwise store text
  starting with "=" as a formula), unchanged, and text starting with a trigger also carries
  Excel's quotePrefix style, so the cell stays text when someone edits it. (A carriage return
  reads back as a line feed: XML parsers normalise line ends, and openpyxl writes it as is.)

Numbers, dates and booleans are never touched: a negative amount stays a number.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# OWASP: a cell starting with one of these may be read as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_TRIGGERS = "".join(re.escape(c) for c in FORMULA_TRIGGERS)
# Text already starting with quotes before a trigger is quoted once more, so that `csv_text`
# can tell an added quote from one the text had: the escaping is exactly reversible.
_NEEDS_QUOTE = re.compile(f"'*[{_TRIGGERS}]")
_QUOTED = re.compile(f"'+[{_TRIGGERS}]")


def is_formula_like(value: object) -> bool:
    """Whether a spreadsheet could run this value as a formula if it were written as it is."""
    return isinstance(value, str) and value[:1] in FORMULA_TRIGGERS


def csv_cell(value: Any) -> Any:
    """The value for a CSV cell: text a spreadsheet would run gets a leading quote."""
    if isinstance(value, str) and _NEEDS_QUOTE.match(value):
        return "'" + value
    return value


def csv_text(cell: str) -> str:
    """The text a CSV cell written by `csv_cell` held (for reading our own exports back)."""
    return cell[1:] if _QUOTED.match(cell) else cell


class CsvWriter:
    """`csv.writer` whose every cell goes through `csv_cell`."""

    def __init__(self, out: Any, **fmtparams: Any) -> None:
        self._writer = csv.writer(out, **fmtparams)
        # Python's csv quotes a field only for the line-end characters of the dialect: with
        # lineterminator="\n" a carriage return inside a text would end the row for a reader,
        # so a row holding one has every field quoted instead.
        self._line_ends = {"\r", "\n"} - set(self._writer.dialect.lineterminator)
        self._quoted = csv.writer(out, **(fmtparams | {"quoting": csv.QUOTE_ALL}))

    def writerow(self, values: Iterable[Any]) -> None:
        row = [csv_cell(value) for value in values]
        breaks = any(isinstance(v, str) and self._line_ends & set(v) for v in row)
        (self._quoted if breaks else self._writer).writerow(row)

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def xlsx_row(
    sheet: Worksheet | WriteOnlyWorksheet,
    values: Iterable[Any],
    *,
    number_formats: Mapping[int, str] | None = None,
) -> list[Any]:
    """The values as a row for `sheet.append`: text as string cells, never formulas.

    `number_formats` maps a column index (from 0) to an Excel number format for that cell.
    """
    formats = number_formats or {}
    row: list[Any] = []
    for index, value in enumerate(values):
        if not isinstance(value, str) and index not in formats:
            row.append(value)
            continue
        # row and column are placeholders: append puts the cell in its place.
        cell = Cell(sheet, row=1, column=1, value=value)
        if isinstance(value, str):
            # openpyxl types text starting with "=" as a formula and "#N/A" as an error.
            cell.data_type = "s"
            if is_formula_like(value):
                cell.quotePrefix = True
        if index in formats:
            cell.number_format = formats[index]
        row.append(cell)
    return row


class XlsxSheet:
    """A one-sheet workbook whose rows are written only through `xlsx_row`."""

    def __init__(self, title: str, *, write_only: bool = False) -> None:
        self._workbook = Workbook(write_only=write_only)
        if write_only:
            self._sheet: Worksheet | WriteOnlyWorksheet = self._workbook.create_sheet(title)
        else:
            active = self._workbook.active
            assert isinstance(active, Worksheet)  # noqa: S101  (a new workbook has one sheet)
            active.title = title
            self._sheet = active

    def append(
        self, values: Sequence[Any], *, number_formats: Mapping[int, str] | None = None
    ) -> None:
        """Add one row; see `xlsx_row`."""
        self._sheet.append(xlsx_row(self._sheet, values, number_formats=number_formats))

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        self._workbook.save(out)
        return out.getvalue()


def download(*, filename: str, content_type: str, body: bytes | str = b"") -> HttpResponse:
    """A response the browser saves as `filename` (quoted or RFC 6266-encoded by Django)."""
    response = HttpResponse(body, content_type=content_type)
    header = content_disposition_header(as_attachment=True, filename=filename)
    assert header is not None  # noqa: S101  (always set for an attachment)
    response["Content-Disposition"] = header
    return response
