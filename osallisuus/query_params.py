"""Whole numbers read from a query string (?page=, ?vuosi=, ?service=): one parser with bounds.

A query string is typed by anyone, so junk or an empty value gives the default and a number
outside the bounds is clamped to the nearest bound (an id outside them names nothing, so it
gives the default too): never a server error (a year like 99999 is
past what a date can hold, an id like 10**30 past what the database can compare). Forms that
validate a query string (filters, periods) give their own errors; this is for bare numbers.
DRF's own ?page= and ?page_size= are bounded by osallisuus/pagination.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, overload

from django.utils import timezone

# Far beyond any list the product shows, and small enough for a LIMIT or an OFFSET.
PAGE_MAX = 10_000
# Compensation, reports and statements: the years the product can have data for.
YEAR_MIN, YEAR_MAX = 2000, 2100
# The largest value of a BigAutoField primary key (settings.DEFAULT_AUTO_FIELD).
ID_MAX = 2**63 - 1
# Longer digit strings are junk, not numbers: int() of a huge string costs time.
_MAX_DIGITS = 20


@overload
def int_param(
    params: Mapping[str, Any],
    name: str,
    *,
    default: int,
    minimum: int,
    maximum: int,
    clamp: bool = True,
) -> int: ...
@overload
def int_param(
    params: Mapping[str, Any],
    name: str,
    *,
    default: None,
    minimum: int,
    maximum: int,
    clamp: bool = True,
) -> int | None: ...
def int_param(
    params: Mapping[str, Any],
    name: str,
    *,
    default: int | None,
    minimum: int,
    maximum: int,
    clamp: bool = True,
) -> int | None:
    """`params[name]` as a whole number within [minimum, maximum]; junk or empty → `default`.

    A number outside the bounds is clamped, or with `clamp=False` gives `default`.
    """
    raw = str(params.get(name) or "").strip()
    digits = raw.removeprefix("-").removeprefix("+")
    if not digits.isascii() or not digits.isdigit() or len(digits) > _MAX_DIGITS:
        return default
    number = int(raw)
    if minimum <= number <= maximum:
        return number
    if not clamp:
        return default
    return min(max(number, minimum), maximum)


def page_param(params: Mapping[str, Any], name: str = "page") -> int:
    """A page number: 1 unless a whole number is given, at most PAGE_MAX."""
    return int_param(params, name, default=1, minimum=1, maximum=PAGE_MAX)


def year_param(params: Mapping[str, Any], name: str = "vuosi") -> int:
    """A calendar year (?vuosi=): this year unless a whole number is given, within the bounds."""
    default = timezone.localdate().year
    return int_param(params, name, default=default, minimum=YEAR_MIN, maximum=YEAR_MAX)


def id_param(params: Mapping[str, Any], name: str) -> int | None:
    """An object id, or None when none, junk or an impossible id is given (the caller decides:
    400 or 404)."""
    return int_param(params, name, default=None, minimum=1, maximum=ID_MAX, clamp=False)
