"""The trail's action rows in the authorization matrix (see osallisuus/tests/matrix.py).

Each unit has an action planned by the coordinator for the unit's feedback item. Handlers of
the unit (staff, unit managers) and county-wide handlers plan, change and link; decision makers
read actions (redacted excerpts) and change nothing; residents and experts get 404.
"""

from __future__ import annotations

from typing import Any

from osallisuus.tests.matrix import (
    ADMIN,
    ANON,
    COORD,
    DECIDER,
    EXPERT,
    MANAGER,
    RESIDENT,
    STAFF,
    STAFF_OTHER,
    Row,
    Write,
    only,
    post_only,
    snapshot,
)

HANDLERS = (STAFF, MANAGER, COORD, ADMIN)
READERS = (*HANDLERS, DECIDER)
# Another unit's things are out of the unit-scoped handlers' reach: the form answers again.
FORM_AGAIN = {STAFF: 200, STAFF_OTHER: 200, MANAGER: 200}
ACTION_STEP = {ANON: 302, RESIDENT: 404, EXPERT: 404, DECIDER: 404, **dict.fromkeys(HANDLERS, 302)}


def build(world: Any, unit: Any, *, target: str) -> dict[str, Any]:
    from osallisuus.trail.actions.services import create_action

    coordinator = world.users[COORD]
    feedback = world.objects[target].get("feedback")
    action = create_action(
        by=coordinator,
        title_fi="Takaisinsoitto",
        owner=coordinator,
        unit=unit,
        texts={"fi": "Otamme takaisinsoiton käyttöön."},
        inputs=[("feedback", feedback.pk)] if feedback else [],
    )
    return {"action": action}


def _action(ctx: Any) -> dict[str, Any]:
    return {"pk": ctx.action.pk}


def _new_action(ctx: Any) -> dict[str, Any]:
    return {
        "title_fi": "Chat-ajanvaraus",
        "owner": getattr(ctx.user, "pk", ""),
        "unit": ctx.unit.pk,
    }


ROWS: dict[str, Row] = {
    "actions:list": Row(only(*READERS)),
    "actions:create": Row(
        only(*HANDLERS),
        across_units=True,
        other=FORM_AGAIN,
        writes=(
            Write(
                only(*HANDLERS, status=302),
                writers=HANDLERS,
                body=_new_action,
                changes=snapshot("trail.Action"),
                other=FORM_AGAIN,
            ),
        ),
    ),
    "actions:link": Row(
        only(*HANDLERS),
        query=lambda c: f"input=feedback:{c.feedback.pk}",
        across_units=True,
        other=FORM_AGAIN,
        writes=(
            Write(
                only(*HANDLERS, status=302),
                writers=HANDLERS,
                body=lambda c: {"input": f"workshop_note:{c.note.pk}", "action": c.action.pk},
                changes=snapshot("trail.InputLink"),
                other=FORM_AGAIN,
            ),
        ),
    ),
    "actions:detail": Row(only(*READERS), kwargs=_action, across_units=True),
    "actions:status": Row(
        post_only(),
        kwargs=_action,
        across_units=True,
        writes=(
            Write(
                ACTION_STEP,
                writers=HANDLERS,
                body=lambda c: {"status": "in_progress"},
                changes=snapshot("trail.Action", "status"),
            ),
        ),
    ),
    "actions:unlink": Row(
        post_only(),
        kwargs=_action,
        across_units=True,
        writes=(
            Write(
                ACTION_STEP,
                writers=HANDLERS,
                body=lambda c: {"input": f"feedback:{c.feedback.pk}"},
                changes=snapshot("trail.InputLink"),
            ),
        ),
    ),
    "api:action-list": Row(
        {**only(*READERS), ANON: 403},
        across_units=True,
        other=dict.fromkeys([STAFF, STAFF_OTHER, MANAGER], 200),
        writes=(
            Write(
                {**only(*HANDLERS, status=201), ANON: 403},
                writers=HANDLERS,
                json=True,
                body=_new_action,
                changes=snapshot("trail.Action"),
                other=dict.fromkeys([STAFF, STAFF_OTHER, MANAGER], 400),
            ),
        ),
    ),
}
