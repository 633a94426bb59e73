"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

Dashboards are for every staff role within its scope (own units, or the county); they show
figures and redacted text only, so decision makers keep them.
"""

from __future__ import annotations

from osallisuus.tests.matrix import ANON, SIGNED_IN, STAFF_ROLES, Row, only

API_STAFF_ONLY = {ANON: 403, **{r: (200 if r in STAFF_ROLES else 404) for r in SIGNED_IN}}

ROWS: dict[str, Row] = {
    "reports:county": Row(only(*STAFF_ROLES)),
    "reports:unit": Row(
        only(*STAFF_ROLES), kwargs=lambda c: {"code": c.unit.code}, across_units=True
    ),
    "reports:service": Row(
        only(*STAFF_ROLES), kwargs=lambda c: {"pk": c.unit.service_id}, across_units=True
    ),
    "reports:export": Row(
        only(*STAFF_ROLES),
        kwargs=lambda c: {"kind": "answers", "fmt": "csv"},
        query=lambda c: f"unit={c.unit.code}",
        across_units=True,
    ),
    "api:report-aggregates": Row(API_STAFF_ONLY),
    "api:report-trail": Row(API_STAFF_ONLY),
}
# Admin: app labels / "app.model" labels a coordinator may open (others: administrators only).
COORDINATOR_ADMIN_APPS: set[str] = set()
COORDINATOR_ADMIN_MODELS: set[str] = set()
