"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

Dashboards are for every staff role within its scope (own units, or the county); they show
figures and redacted text only, so decision makers keep them.
"""

from __future__ import annotations

from typing import Any

from osallisuus.tests.matrix import (
    ANON,
    MANAGER,
    SIGNED_IN,
    STAFF_ROLES,
    Row,
    Write,
    everyone,
    only,
    post_only,
    snapshot,
)

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
    "api:report-trail": Row(
        API_STAFF_ONLY, query=lambda c: f"unit_code={c.unit.code}", across_units=True
    ),
    "api:report-questions": Row(
        API_STAFF_ONLY, query=lambda c: f"unit_code={c.unit.code}", across_units=True
    ),
    # Self-monitoring summaries: every staff role of the unit reads them; its manager publishes;
    # a published one is public (the first four months of 2026 are published in each unit).
    "reports:self_monitoring": Row(only(*STAFF_ROLES)),
    "reports:self_monitoring_unit": Row(
        only(*STAFF_ROLES), kwargs=lambda c: _summary(c, "2026-2"), across_units=True
    ),
    "reports:self_monitoring_pdf": Row(
        only(*STAFF_ROLES), kwargs=lambda c: _summary(c, "2026-1"), across_units=True
    ),
    "reports:self_monitoring_publish": Row(
        post_only(),
        kwargs=lambda c: _summary(c, "2026-2"),
        across_units=True,
        writes=(
            Write(
                only(MANAGER, status=302),
                writers=(MANAGER,),
                body=lambda c: {"comment": "Palautteen perusteella ei muutettu mitään."},
                changes=snapshot("reports.SelfMonitoringPublication"),
            ),
        ),
    ),
    "reports:self_monitoring_public": Row(everyone(200), kwargs=lambda c: _summary(c, "2026-1")),
    "reports:self_monitoring_public_pdf": Row(
        everyone(200), kwargs=lambda c: _summary(c, "2026-1")
    ),
}


def _summary(ctx: Any, period: str) -> dict[str, Any]:
    return {"code": ctx.unit.code, "period": period}


def build(world: Any, unit: Any, *, target: str) -> dict[str, Any]:
    from django.utils import timezone

    from osallisuus.reports.models import SelfMonitoringPublication

    SelfMonitoringPublication.objects.create(
        unit=unit,
        year=2026,
        part=1,
        comment="Muutimme ajanvarausta.",
        published_at=timezone.now(),
        published_by=world.users[MANAGER],
    )
    return {}


# Admin: app labels / "app.model" labels a coordinator may open (others: administrators only).
COORDINATOR_ADMIN_APPS: set[str] = set()
COORDINATOR_ADMIN_MODELS: set[str] = set()
