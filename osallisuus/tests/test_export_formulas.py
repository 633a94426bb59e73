"""Exports cannot attack the person opening them (issue #20, item 5).

Every CSV and XLSX export is downloaded as a role that may download it, with free text that
starts like a formula; no XLSX cell is a formula, the CSV cells that could run start with a
quote, and nothing else changed. The last tests fail when code writes CSV or XLSX around
osallisuus/spreadsheets.py, or when an export module appears that this file does not open.
"""

import ast
import csv
import io
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.analysis.corrections import gold_lines, latest_corrections
from osallisuus.analysis.models import LabelCorrection
from osallisuus.experts import services as expert_services
from osallisuus.experts.models import ExpertRequest
from osallisuus.experts.selectors import approved_claims
from osallisuus.experts.tests.factories import assignment_with_claim
from osallisuus.feedback.services import correct_labels
from osallisuus.organisation.models import Organiser, Unit
from osallisuus.organisation.unit_register import COLUMNS, import_units, unit_rows
from osallisuus.reports.services import rebuild_rollups
from osallisuus.reports.tests.factories import make_feedback

pytestmark = pytest.mark.django_db

# One for each character OWASP lists: = + - @ tab, carriage return.
FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def as_csv(value: Any) -> str:
    """What a CSV cell holds for a value: the value as text, quoted if it could run."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(TRIGGERS) else text


def as_xlsx(value: Any) -> Any:
    """What an XLSX cell reads back as: empty text as an empty cell, and a carriage return as a
    line feed (XML parsers normalise line ends)."""
    if isinstance(value, str):
        return value.replace("\r", "\n") or None
    return value


def read_csv(response: Any, delimiter: str = ",") -> list[list[str]]:
    body = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body, newline=""), delimiter=delimiter))


def read_xlsx(response: Any) -> list[tuple[Any, ...]]:
    """The rows of the only sheet, after checking that no cell anywhere is a formula."""
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name).decode()
                assert "<f>" not in xml and "<f " not in xml, name
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    return list(sheet.iter_rows(values_only=True))


def assert_download(response: Any, filename: str, content_type: str) -> None:
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"


# --- Reports: answers and aggregates -------------------------------------------------------


@pytest.fixture
def formula_feedback(unit):
    items = [make_feedback(unit, text=text, score=1 + i % 5) for i, text in enumerate(FORMULAS)]
    rebuild_rollups()
    return items


def test_the_answers_csv_quotes_formula_text_and_changes_nothing_else(client_as, formula_feedback):
    client = client_as("staff")
    response = client.get("/raportit/vienti/answers.csv")
    filename = f"feedback-answers-{timezone.localdate().isoformat()}.csv"
    assert_download(response, filename, "text/csv; charset=utf-8")
    header, *rows = read_csv(response)
    data = client.get("/raportit/vienti/answers.json").json()
    expected = [
        [as_csv(";".join(v) if isinstance(v, list) else v) for v in item.values()] for item in data
    ]
    assert header == list(data[0])
    assert rows == expected
    assert sorted(row[header.index("text")] for row in rows) == sorted("'" + t for t in FORMULAS)


def test_the_answers_xlsx_holds_formula_text_as_text_and_scores_as_numbers(
    client_as, formula_feedback
):
    client = client_as("staff")
    response = client.get("/raportit/vienti/answers.xlsx")
    assert_download(response, f"feedback-answers-{timezone.localdate().isoformat()}.xlsx", XLSX)
    header, *rows = read_xlsx(response)
    data = client.get("/raportit/vienti/answers.json").json()
    expected = [
        tuple(as_xlsx(";".join(v) if isinstance(v, list) else v) for v in item.values())
        for item in data
    ]
    assert rows == expected
    assert sorted(row[header.index("text")] for row in rows) == sorted(as_xlsx(t) for t in FORMULAS)
    assert all(isinstance(row[header.index("score")], int) for row in rows)


def test_the_aggregates_xlsx_and_csv_hold_counts_as_numbers(client_as, formula_feedback):
    client = client_as("staff")
    header, *rows = read_xlsx(client.get("/raportit/vienti/aggregates.xlsx"))
    assert rows and rows[0][header.index("count")] == len(FORMULAS)
    csv_header, *csv_rows = read_csv(client.get("/raportit/vienti/aggregates.csv"))
    assert csv_rows[0][csv_header.index("count")] == str(len(FORMULAS))


# --- Label corrections -----------------------------------------------------------------------


def test_the_label_corrections_csv_quotes_formula_text(client_as, unit):
    staff = user_with_role("staff", unit=unit)
    for text in FORMULAS:
        correct_labels(
            feedback=make_feedback(unit, text=text),
            by=staff,
            themes=["care_quality"],
            sentiment="negative",
            urgent=False,
        )
    response = client_as("coordinator").get(reverse("feedback:label_corrections_csv"))
    assert_download(response, "label-corrections.csv", "text/csv; charset=utf-8")
    header, *rows = read_csv(response)
    assert header == ["id", "text", "lang", "themes", "sentiment", "urgent"]
    lines = gold_lines(latest_corrections(LabelCorrection.objects.all()))
    assert rows == [
        [
            line["id"],
            as_csv(line["text"]),
            line["lang"],
            ";".join(line["themes"]),
            line["sentiment"],
            "true" if line["urgent"] else "false",
        ]
        for line in lines
    ]
    assert sorted(row[1] for row in rows) == sorted("'" + t for t in FORMULAS)


# --- Payroll (experts) ----------------------------------------------------------------------


@pytest.fixture
def formula_claims():
    """An approved claim per formula, the formula as the request's topic and the expert's name."""
    coordinator = user_with_role("coordinator")
    for text in FORMULAS:
        trail = assignment_with_claim()
        ExpertRequest.objects.filter(pk=trail["request"].pk).update(topic=text)
        user = trail["expert_profile"].user
        user.first_name, user.last_name = text, ""
        user.save()
        expert_services.decide_claim(claim=trail["claim"], by=coordinator, approve=True)
    return approved_claims()


def _payroll_values(row: Any) -> list[Any]:
    return [row.name, row.username, row.topic, row.date, row.role, row.fee, row.travel]


def test_the_payroll_csv_quotes_formula_text_and_keeps_amounts(client_as, formula_claims):
    response = client_as("coordinator").get(reverse("experts:payroll_csv"))
    assert_download(response, "palkanmaksu.csv", "text/csv; charset=utf-8")
    _header, *rows = read_csv(response, delimiter=";")
    assert [row[:7] for row in rows] == [
        [as_csv(v.strftime("%d.%m.%Y") if hasattr(v, "strftime") else v) for v in values]
        for values in map(_payroll_values, formula_claims)
    ]
    assert sorted(row[2] for row in rows) == sorted("'" + t for t in FORMULAS)
    assert [row[9] for row in rows] == [str(r.total) for r in formula_claims]


def test_the_payroll_xlsx_holds_formula_text_as_text_and_amounts_as_numbers(
    client_as, formula_claims
):
    response = client_as("coordinator").get(reverse("experts:payroll_xlsx"))
    assert_download(response, "palkanmaksu.xlsx", XLSX)
    _header, *rows = read_xlsx(response)
    assert [(row[0], row[2]) for row in rows] == [
        (as_xlsx(r.name), as_xlsx(r.topic)) for r in formula_claims
    ]
    assert sorted(row[2] for row in rows) == sorted(as_xlsx(t) for t in FORMULAS)
    assert [Decimal(str(row[9])) for row in rows] == [r.total for r in formula_claims]
    assert all(isinstance(row[9], int | float) for row in rows)


# --- The unit register ----------------------------------------------------------------------


@pytest.fixture
def formula_unit(unit):
    free_text = ["name_fi", "name_sv", "name_en", "street_address"]
    free_text += ["opening_info_fi", "opening_info_sv"]
    Unit.objects.filter(pk=unit.pk).update(
        **dict(zip(free_text, FORMULAS, strict=True)), phone="+358 40 123 4567"
    )
    unit.refresh_from_db()
    return unit


def test_the_unit_register_csv_quotes_formula_text(client_as, formula_unit):
    response = client_as("coordinator").get(reverse("admin:unit_export"))
    assert_download(response, "units.csv", "text/csv; charset=utf-8")
    header, *rows = read_csv(response)
    assert header == COLUMNS
    expected = next(iter(unit_rows([formula_unit])))
    assert rows == [[as_csv(expected[column]) for column in COLUMNS]]
    assert rows[0][COLUMNS.index("phone")] == "'+358 40 123 4567"
    assert rows[0][COLUMNS.index("name_fi")] == "'" + FORMULAS[0]


def test_the_unit_register_imports_its_own_export_back_unchanged(client_as, formula_unit):
    body = client_as("coordinator").get(reverse("admin:unit_export")).content.decode()
    before = next(iter(unit_rows([formula_unit])))
    Unit.objects.filter(pk=formula_unit.pk).update(name_fi="Muutettu", phone="")
    result = import_units(io.StringIO(body, newline=""), organiser=Organiser.objects.get())
    assert result.ok, result.errors
    after = next(iter(unit_rows(Unit.objects.filter(pk=formula_unit.pk))))
    # The import trims cells, as it always has: a leading tab or carriage return goes.
    assert after == {column: value.strip() for column, value in before.items()}


# --- Nothing writes a spreadsheet around the helper ------------------------------------------

PACKAGE = Path(__file__).resolve().parents[1]
HELPER = PACKAGE / "spreadsheets.py"
SPREADSHEET_LIBRARIES = {"openpyxl", "xlsxwriter", "xlwt", "pyexcelerate", "odf"}
CSV_WRITERS = {"writer", "DictWriter"}
# Every module that builds a CSV or an XLSX file, and the download it makes, tested above.
EXPORT_MODULES = {
    "reports/exports.py",  # /raportit/vienti/answers|aggregates.csv|xlsx
    "feedback/views.py",  # feedback:label_corrections_csv
    "experts/documents.py",  # experts:payroll_csv, experts:payroll_xlsx
    "organisation/unit_register.py",  # admin:unit_export, manage.py export_units
    # experts:work_report (CSV and XLSX); its formula-like names: experts/tests/test_work_report.py
    "experts/work_report.py",
}


def _product_modules() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != HELPER and not {"tests", "migrations"} & set(path.relative_to(PACKAGE).parts)
    ]


def _writes_around_the_helper(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in SPREADSHEET_LIBRARIES]
        elif isinstance(node, ast.ImportFrom) and node.module:
            root = node.module.split(".")[0]
            if root in SPREADSHEET_LIBRARIES:
                found.append(node.module)
            if root in ("csv", "_csv"):
                found += [f"csv.{a.name}" for a in node.names if a.name in CSV_WRITERS]
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in ("csv", "_csv")
            and node.attr in CSV_WRITERS
        ):
            found.append(f"csv.{node.attr}")
    return found


def test_no_product_code_writes_csv_or_xlsx_except_through_the_helper():
    offenders = {
        str(path.relative_to(PACKAGE)): found
        for path in _product_modules()
        if (found := _writes_around_the_helper(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert offenders == {}


def test_every_module_that_builds_a_spreadsheet_has_its_export_tested_here():
    builders = set()
    for path in _product_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module == "osallisuus.spreadsheets"
                and {a.name for a in node.names} & {"CsvWriter", "XlsxSheet", "xlsx_row"}
            ):
                builders.add(path.relative_to(PACKAGE).as_posix())
    assert builders == EXPORT_MODULES


def test_the_guard_finds_a_csv_writer_or_a_workbook_made_directly():
    code = "import csv\nfrom openpyxl import Workbook\ncsv.writer(out)\n"
    assert _writes_around_the_helper(ast.parse(code)) == ["openpyxl", "csv.writer"]
