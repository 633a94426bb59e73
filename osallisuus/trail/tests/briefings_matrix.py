"""Briefings' rows in the authorization matrix (merged by matrix_rows.py).

The own unit's briefing is the social and health committee's (the matrix's decision maker is a
member, through matters_matrix); the other unit's is the regional board's, of which the
decision maker is not a member: 404 there. Coordinators and administrators read every
briefing; only a member takes an item up; everyone else gets 404, anonymous users sign in.
"""

from __future__ import annotations

from typing import Any

from osallisuus.tests.matrix import ADMIN, COORD, DECIDER, Row, Write, only, snapshot

READERS = (DECIDER, COORD, ADMIN)


def build(world: Any, unit: Any, *, target: str) -> dict[str, Any]:
    from django.utils import timezone

    from osallisuus.organisation.models import DecisionBody, Organiser
    from osallisuus.trail.briefings.services import build_briefing

    own = target == "own"
    body, _created = DecisionBody.objects.get_or_create(
        name_fi="Sosiaali- ja terveyslautakunta" if own else "Aluehallitus",
        defaults={
            "organiser": Organiser.objects.first(),
            "kind": DecisionBody.Kind.COMMITTEE if own else DecisionBody.Kind.REGIONAL_BOARD,
        },
    )
    if own:
        body.members.add(world.users[DECIDER])
    body.services.add(unit.service)
    built = build_briefing(body=body, month=timezone.localdate(), send=False)
    return {"briefing": built.briefing, "briefed_service": unit.service_id}


def _briefing(ctx: Any) -> dict[str, Any]:
    return {"pk": ctx.briefing.pk}


ROWS: dict[str, Row] = {
    "briefings:list": Row(only(*READERS)),
    "briefings:detail": Row(
        only(*READERS), kwargs=_briefing, across_units=True, other={DECIDER: 404}
    ),
    "briefings:pdf": Row(only(*READERS), kwargs=_briefing, across_units=True, other={DECIDER: 404}),
    "briefings:take_up": Row(
        only(*READERS, status=405),
        kwargs=_briefing,
        across_units=True,
        writes=(
            Write(
                only(DECIDER, status=302),
                writers=(DECIDER,),
                body=lambda c: {"item": f"service:{c.briefed_service}"},
                changes=snapshot("trail.Matter"),
                other={DECIDER: 404},
            ),
        ),
    ),
}
