"""A briefing's period: whole calendar months, `briefing_months` of them, aligned so that every
body with the same setting shares the same periods (three months: quarters)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

YEAR_DIGITS = 4


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _month(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class BriefingPeriod:
    """From `start` up to but not including `end`."""

    start: date
    end: date

    @classmethod
    def containing(cls, day: date, months: int = 1) -> BriefingPeriod:
        months = max(1, months)
        first = _month_index(day) // months * months
        return cls(_month(first), _month(first + months))

    @property
    def months(self) -> list[date]:
        return [_month(i) for i in range(_month_index(self.start), _month_index(self.end))]

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)


def parse_month(text: str) -> date:
    """ "2026-11" → the first day of that month; ValueError for anything else."""
    year, _dash, month = text.strip().partition("-")
    if not (year.isdigit() and month.isdigit() and len(year) == YEAR_DIGITS):
        raise ValueError(text)
    return date(int(year), int(month), 1)


def period_label(period: BriefingPeriod) -> str:
    """ "11/2026", or "10/2026–12/2026" for a longer period."""
    first, last = period.start, period.last_day
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.month}/{first.year}"
    return f"{first.month}/{first.year}–{last.month}/{last.year}"
