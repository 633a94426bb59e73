"""Pricing a claim: each line by the fee table valid on its date, in Decimal, cents rounded half up.

A claim that spans a year boundary prices each line with that year's rates.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from osallisuus.errors import DomainError

from .models import ZERO, FeeTable

CENT = Decimal("0.01")


class NoFeeTableError(DomainError):
    """No fee table covers the role on the date: the coordinator must add one."""


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def fee_table_for(*, role: str, date: datetime.date) -> FeeTable:
    table = (
        FeeTable.objects.filter(role=role, valid_from__lte=date, valid_to__gte=date)
        .order_by("-valid_from")
        .first()
    )
    if table is None:
        raise NoFeeTableError(_("No fee table covers this date yet; ask the coordinator."))
    return table


@dataclass(frozen=True)
class LineInput:
    date: datetime.date
    hours: Decimal = ZERO
    half_days: int = 0
    days: int = 0
    km: Decimal = ZERO


@dataclass(frozen=True)
class Amounts:
    fee: Decimal = ZERO
    travel: Decimal = ZERO
    allowance: Decimal = ZERO
    expenses: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return self.fee + self.travel + self.allowance + self.expenses

    def __add__(self, other: Amounts) -> Amounts:
        return Amounts(
            fee=self.fee + other.fee,
            travel=self.travel + other.travel,
            allowance=self.allowance + other.allowance,
            expenses=self.expenses + other.expenses,
        )


def price_line(*, role: str, line: LineInput) -> Amounts:
    """Fee, travel and allowance of one line; each rounded to cents before they are summed."""
    table = fee_table_for(role=role, date=line.date)
    fee = (
        Decimal(line.hours) * table.hourly_fee
        + line.half_days * table.half_day_fee
        + line.days * table.day_fee
    )
    worked = bool(line.hours or line.half_days or line.days)
    return Amounts(
        fee=cents(fee),
        travel=cents(Decimal(line.km) * table.km_rate),
        allowance=cents(table.expense_allowance) if worked else ZERO,
    )


def price_claim(
    *, role: str, lines: list[LineInput], expenses: list[Decimal] | None = None
) -> Amounts:
    total = Amounts()
    for line in lines:
        total = total + price_line(role=role, line=line)
    return total + Amounts(expenses=cents(sum(expenses or [], ZERO)))
