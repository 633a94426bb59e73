"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

The search is for every staff role and decision makers; what each finds is ruled by each
input kind, so decision makers get redacted text only. Residents and experts get 404, signed-out
people the sign-in page (the API: 403).
"""

from __future__ import annotations

from osallisuus.tests.matrix import ANON, SIGNED_IN, STAFF_ROLES, Row, only

API_STAFF_ONLY = {ANON: 403, **{r: (200 if r in STAFF_ROLES else 404) for r in SIGNED_IN}}

ROWS: dict[str, Row] = {
    "search:search": Row(only(*STAFF_ROLES), query=lambda c: "q=palaute"),
    "api:search": Row(API_STAFF_ONLY, query=lambda c: "q=palaute"),
}
