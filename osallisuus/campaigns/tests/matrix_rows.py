"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

Every staff role sees the campaigns of its scope; coordinators, administrators and the unit's
manager plan and edit them; residents and experts get 404; another unit's campaign is 404 to
staff and managers of this unit.
"""

from __future__ import annotations

import datetime
from typing import Any

from osallisuus.tests.matrix import (
    ADMIN,
    ANON,
    COORD,
    MANAGER,
    SIGNED_IN,
    STAFF_ROLES,
    Row,
    Write,
    only,
    snapshot,
)

EDITORS = (MANAGER, COORD, ADMIN)
API_STAFF_ONLY = {ANON: 403, **{r: (200 if r in STAFF_ROLES else 404) for r in SIGNED_IN}}


def build(world: Any, unit: Any, *, target: str) -> dict[str, Any]:
    from osallisuus.campaigns.tests.factories import campaign_at

    campaign = campaign_at(
        unit,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 3, 31),
        by=world.users[COORD],
    )
    return {"campaign": campaign}


def _campaign(ctx: Any) -> dict[str, Any]:
    return {"pk": ctx.campaign.pk}


def _body(ctx: Any) -> dict[str, Any]:
    return {
        "title_fi": "Kysely kotihoidosta",
        "question_set": ctx.campaign.question_set_id,
        "units": [ctx.unit.pk],
        "starts_on": "2026-04-01",
        "ends_on": "2026-04-30",
    }


ROWS: dict[str, Row] = {
    "campaigns:list": Row(only(*STAFF_ROLES)),
    "campaigns:create": Row(
        only(*EDITORS),
        writes=(
            Write(
                only(*EDITORS, status=302),
                writers=EDITORS,
                body=_body,
                changes=snapshot("campaigns.Campaign"),
            ),
        ),
    ),
    "campaigns:detail": Row(only(*STAFF_ROLES), kwargs=_campaign, across_units=True),
    "campaigns:edit": Row(
        only(*EDITORS),
        kwargs=_campaign,
        across_units=True,
        writes=(
            Write(
                only(*EDITORS, status=302),
                writers=EDITORS,
                body=_body,
                changes=snapshot("campaigns.Campaign", "title_fi"),
            ),
        ),
    ),
    "api:campaign-list": Row(API_STAFF_ONLY),
}
# Admin: app labels / "app.model" labels a coordinator may open (others: administrators only).
COORDINATOR_ADMIN_APPS: set[str] = set()
COORDINATOR_ADMIN_MODELS: set[str] = set()
