"""The one rule for export cells: text a spreadsheet would run is written as text, numbers stay."""

import csv
import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from osallisuus.spreadsheets import (
    CSV_CONTENT_TYPE,
    CsvWriter,
    XlsxSheet,
    csv_cell,
    csv_text,
    download,
    xlsx_row,
)

# Each starts with one of the characters OWASP lists: = + - @ tab, carriage return.
FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("text", FORMULAS)
def test_a_csv_cell_that_could_run_gets_a_leading_quote(text):
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize(
    "value", ["Jonotin tunnin.", "", "1+1", "a=b", "'quoted", " =1", "#N/A", 5, -3, Decimal("-1.5")]
)
def test_other_csv_cells_are_left_as_they_are(value):
    assert csv_cell(value) == value


def test_a_negative_number_stays_a_number_in_csv():
    out = io.StringIO()
    CsvWriter(out).writerow([-3, Decimal("-12.50"), "-3"])
    assert out.getvalue() == "-3,-12.50,'-3\r\n"


@pytest.mark.parametrize("text", [*FORMULAS, "'=1+1", "''-2", "'", "plain", "'plain", ""])
def test_csv_text_gives_back_what_csv_cell_quoted(text):
    assert csv_text(csv_cell(text)) == text


def test_the_csv_writer_quotes_every_cell_and_keeps_its_dialect():
    out = io.StringIO()
    writer = CsvWriter(out, delimiter=";")
    writer.writerows([["=1+1", 2], ["ok", "@A1"]])
    assert list(csv.reader(io.StringIO(out.getvalue()), delimiter=";")) == [
        ["'=1+1", "2"],
        ["ok", "'@A1"],
    ]


def _read(sheet: XlsxSheet):
    body = sheet.to_bytes()
    return body, load_workbook(io.BytesIO(body)).active


@pytest.mark.parametrize("write_only", [False, True])
def test_xlsx_text_is_a_string_cell_never_a_formula(write_only):
    sheet = XlsxSheet("data", write_only=write_only)
    sheet.append([*FORMULAS, "#N/A", "plain"])
    body, read = _read(sheet)
    cells = next(iter(read.iter_rows()))
    assert [c.data_type for c in cells] == ["s"] * 8
    # XML parsers read a carriage return as a line feed; the text is otherwise unchanged.
    assert [c.value for c in cells] == [t.replace("\r", "\n") for t in FORMULAS] + [
        "#N/A",
        "plain",
    ]
    # Excel's quote prefix keeps the text a text when someone edits the cell.
    assert [c.quotePrefix for c in cells] == [True] * 6 + [False, False]
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


@pytest.mark.parametrize("write_only", [False, True])
def test_xlsx_numbers_dates_and_booleans_keep_their_type(write_only):
    sheet = XlsxSheet("data", write_only=write_only)
    sheet.append(
        [-3, Decimal("-12.50"), 4.5, datetime.date(2026, 1, 2), True, None, "end"],
        number_formats={1: "0.00", 3: "dd.mm.yyyy"},
    )
    _body, read = _read(sheet)
    cells = next(iter(read.iter_rows()))
    assert [c.data_type for c in cells[:5]] == ["n", "n", "n", "d", "b"]
    assert cells[0].value == -3 and cells[1].value == -12.5
    assert (cells[1].number_format, cells[3].number_format) == ("0.00", "dd.mm.yyyy")
    assert cells[5].value is None


def test_xlsx_row_leaves_numbers_to_openpyxl_and_types_text_itself():
    sheet = XlsxSheet("data")
    row = xlsx_row(sheet._sheet, [7, "=1+1"])
    assert row[0] == 7
    assert (row[1].value, row[1].data_type) == ("=1+1", "s")


def test_a_download_is_an_attachment_with_a_quoted_or_encoded_name():
    plain = download(filename="units.csv", content_type=CSV_CONTENT_TYPE, body="x")
    assert plain["Content-Disposition"] == 'attachment; filename="units.csv"'
    assert plain["Content-Type"] == "text/csv; charset=utf-8"
    odd = download(filename='palkka"\r\n.csv', content_type=CSV_CONTENT_TYPE)
    assert odd["Content-Disposition"].startswith("attachment; filename*=utf-8''")
    assert '"' not in odd["Content-Disposition"] and "\n" not in odd["Content-Disposition"]


def test_a_carriage_return_inside_a_csv_cell_never_ends_the_row():
    out = io.StringIO()
    writer = CsvWriter(out, lineterminator="\n")
    writer.writerows([["a", "\r=1+1", "x\ry"], ["b", "plain", 3]])
    assert out.getvalue() == '"a","\'\r=1+1","x\ry"\nb,plain,3\n'
    assert list(csv.reader(io.StringIO(out.getvalue(), newline=""))) == [
        ["a", "'\r=1+1", "x\ry"],
        ["b", "plain", "3"],
    ]
