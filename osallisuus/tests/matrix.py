"""Building blocks for the authorization matrix rows each app declares in `tests/matrix_rows.py`.

A row maps a URL name to (kwargs from the test context, expected status by role). The context
starts as {"unit": <Unit KST>} and helpers may cache objects they create in it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from conftest import ROLES

ANON, RESIDENT, EXPERT, STAFF, MANAGER, COORD, DECIDER, ADMIN = ROLES
SIGNED_IN = [r for r in ROLES if r != ANON]
STAFF_ROLES = (STAFF, MANAGER, COORD, DECIDER, ADMIN)

Kwargs = Callable[[dict[str, Any]], dict[str, Any]]
Rows = dict[str, tuple[Kwargs, dict[str, int]]]


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def signed_in_only() -> dict[str, int]:
    return {ANON: 302, **dict.fromkeys(SIGNED_IN, 200)}


def only(*allowed: str, others: int = 404) -> dict[str, int]:
    """Anonymous users are sent to sign in; the allowed roles get 200, the others `others`
    (404: a refusal reveals nothing)."""
    return {ANON: 302, **{r: (200 if r in allowed else others) for r in SIGNED_IN}}


def no_kwargs(context: dict[str, Any]) -> dict[str, Any]:
    return {}
