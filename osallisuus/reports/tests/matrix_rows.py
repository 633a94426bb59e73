"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py)."""

from __future__ import annotations

from osallisuus.tests.matrix import ANON, SIGNED_IN, STAFF_ROLES, Rows, only

API_STAFF_ONLY = {ANON: 403, **{r: (200 if r in STAFF_ROLES else 404) for r in SIGNED_IN}}

ROWS: Rows = {
    "reports:county": (lambda c: {}, only(*STAFF_ROLES)),
    "reports:unit": (lambda c: {"code": c["unit"].code}, only(*STAFF_ROLES)),
    "reports:service": (lambda c: {"pk": c["unit"].service_id}, only(*STAFF_ROLES)),
    "reports:export": (lambda c: {"kind": "answers", "fmt": "csv"}, only(*STAFF_ROLES)),
    "api:report-aggregates": (lambda c: {}, API_STAFF_ONLY),
}
# Admin: app labels / "app.model" labels a coordinator may open (others: administrators only).
COORDINATOR_ADMIN_APPS: set[str] = set()
COORDINATOR_ADMIN_MODELS: set[str] = set()
