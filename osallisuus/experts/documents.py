"""Printable and exportable documents: the contract PDF (fi, sv), own data as PDF, payroll
CSV and XLSX."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from osallisuus.audit.services import Action, record_access
from osallisuus.plain_pdf import plain_pdf as _pdf
from osallisuus.spreadsheets import CsvWriter, XlsxSheet

from .models import Contract
from .selectors import PayrollRow, YearRow

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


def _signed(at: Any, by: User | None) -> str:
    if not at:
        return _("not signed")
    return _("signed %(when)s by %(who)s") % {
        "when": timezone.localtime(at).strftime("%d.%m.%Y %H:%M"),
        "who": (by.get_full_name() or by.get_username()) if by is not None else "–",
    }


def contract_pdf(contract: Contract, language: str) -> bytes:
    """The contract as signed, in Finnish or Swedish."""
    language = language if language in contract.sections else "fi"
    assignment = contract.assignment
    with translation.override(language):
        title = contract.title
        blocks = [("", _("Expert: %(name)s") % {"name": assignment.profile.name})]
        blocks += [(heading, text) for heading, text in contract.sections[language]]
        blocks.append(
            (
                _("Signatures"),
                _("Expert: %(expert)s\nOrganisation: %(organisation)s")
                % {
                    "expert": _signed(contract.expert_signed_at, contract.expert_signed_by),
                    "organisation": _signed(
                        contract.coordinator_signed_at, contract.coordinator_signed_by
                    ),
                },
            )
        )
        return _pdf(title, blocks)


def contract_download(*, contract: Contract, language: str, user: User, path: str) -> HttpResponse:
    """The contract PDF as a download (Finnish unless Swedish is asked for); a download of
    someone else's contract (a coordinator's) is logged as an export of their profile."""
    language = language if language in contract.sections else "fi"
    if contract.assignment.profile.user_id != user.pk:
        record_access(actor=user, obj=contract.assignment.profile, action=Action.EXPORT, path=path)
    response = HttpResponse(contract_pdf(contract, language), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="sopimus-{contract.assignment_id}-v{contract.version}-'
        f'{language}.pdf"'
    )
    return response


def own_data_pdf(data: dict[str, Any]) -> bytes:
    blocks = [
        (key.replace("_", " ").capitalize(), json.dumps(value, ensure_ascii=False, indent=1))
        for key, value in data.items()
    ]
    return _pdf(_("My data in the pool of experts by experience"), blocks)


def yearly_statement_pdf(*, name: str, year: int, rows: list[YearRow]) -> bytes:
    """An expert's own statement of the compensation approved or paid for a year's work, for
    their own records (e.g. the tax return), in the active language."""
    title = _("Compensation in %(year)s") % {"year": year}
    blocks = [("", _("Expert: %(name)s") % {"name": name})]
    blocks.extend(
        (
            "",
            _(
                "Assignments: %(n)s\nFee: %(fee)s €\nTravel: %(travel)s €\n"
                "Expense allowance: %(allowance)s €\nOther expenses: %(expenses)s €\n"
                "Total: %(total)s €"
            )
            % {
                "n": row.assignments,
                "fee": row.fee,
                "travel": row.travel,
                "allowance": row.allowance,
                "expenses": row.expenses,
                "total": row.total,
            },
        )
        for row in rows
    )
    if not rows:
        blocks.append(("", _("No approved claims this year.")))
    blocks.append(
        (
            "",
            _("Approved and paid claims for assignments held in %(year)s. Printed %(printed)s.")
            % {"year": year, "printed": timezone.localtime().strftime("%d.%m.%Y")},
        )
    )
    return _pdf(title, blocks)


def payroll_header() -> list[str]:
    return [
        _("Name"),
        _("User name"),
        _("Assignment"),
        _("Date"),
        _("Role"),
        _("Fee (€)"),
        _("Travel (€)"),
        _("Expense allowance (€)"),
        _("Other expenses (€)"),
        _("Total (€)"),
    ]


def _cells(row: PayrollRow) -> list[Any]:
    return [
        row.name,
        row.username,
        row.topic,
        row.date,
        row.role,
        row.fee,
        row.travel,
        row.allowance,
        row.expenses,
        row.total,
    ]


def payroll_csv(rows: list[PayrollRow]) -> str:
    """Semicolon-separated with a decimal point, as Finnish payroll systems read it."""
    out = io.StringIO()
    writer = CsvWriter(out, delimiter=";")
    writer.writerow(payroll_header())
    for row in rows:
        writer.writerow(
            [c.strftime("%d.%m.%Y") if hasattr(c, "strftime") else c for c in _cells(row)]
        )
    return out.getvalue()


def payroll_xlsx(rows: list[PayrollRow]) -> bytes:
    sheet = XlsxSheet(_("Payroll")[:31])
    sheet.append(payroll_header())
    formats = {3: "dd.mm.yyyy"} | dict.fromkeys(range(5, 10), "0.00")
    for row in rows:
        sheet.append(_cells(row), number_formats=formats)
    return sheet.to_bytes()
