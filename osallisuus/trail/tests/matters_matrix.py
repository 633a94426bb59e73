"""Matters' rows in the authorization matrix (merged by matrix_rows.py).

Each unit has a matter opened and carried by the coordinator to the committee, with one of the
unit's feedback items linked; the matrix's decision maker is a member of the committee. Staff
and the unit manager manage their own unit's matter (404 on the other unit's); the decision
maker sees both and records decisions, never manages; residents and experts get 404.
"""

from __future__ import annotations

from typing import Any

from osallisuus.tests.matrix import (
    ADMIN,
    ANON,
    COORD,
    DECIDER,
    MANAGER,
    SIGNED_IN,
    STAFF,
    Row,
    Write,
    only,
    snapshot,
)

STAFF_MEMBERS = (STAFF, MANAGER, COORD, DECIDER, ADMIN)
HANDLERS = (STAFF, MANAGER, COORD, ADMIN)
DECIDERS = (COORD, DECIDER, ADMIN)


def build(world: Any, unit: Any, *, target: str) -> dict[str, Any]:
    from osallisuus.feedback.services import FeedbackInput, submit_feedback
    from osallisuus.organisation.models import DecisionBody, Organiser
    from osallisuus.trail.matters.services import create_matter

    body, _created = DecisionBody.objects.get_or_create(
        name_fi="Sosiaali- ja terveyslautakunta",
        defaults={"organiser": Organiser.objects.first(), "kind": DecisionBody.Kind.COMMITTEE},
    )
    body.members.add(world.users[DECIDER])
    feedback = submit_feedback(FeedbackInput(unit=unit, text="Jonotin tunnin puhelimessa"))[0]
    coordinator = world.users[COORD]
    matter = create_matter(
        by=coordinator,
        title=f"Takaisinsoitto {unit.code}",
        summary="Asiakkaat jonottavat puhelimessa.",
        carrier=coordinator,
        target_body=body,
        unit=unit,
        inputs=[("feedback", feedback.pk)],
    )
    return {"matter": matter}


def _matter(ctx: Any) -> dict[str, Any]:
    return {"pk": ctx.matter.pk}


def _new_matter(ctx: Any) -> dict[str, Any]:
    return {
        "title": "Jonot",
        "summary": "Jonot ovat pitkiä.",
        "carrier": ctx.users[COORD].pk,
        "target_office": "Palvelujohtaja",
    }


def _decision(ctx: Any) -> dict[str, Any]:
    return {
        "outcome": "changed",
        "decided_by": "Sosiaali- ja terveyslautakunta",
        "decided_on": "2026-11-20",
        "reasons": "Kokeillaan ensin kahdella asemalla.",
        "public_text_fi": "Hyväksyttiin muutoksin.",
    }


SEE = only(*HANDLERS, DECIDER)
MANAGE = only(*HANDLERS)
DECIDE = only(*DECIDERS)
API_SIGNED_OUT = 403


ROWS: dict[str, Row] = {
    "matters:list": Row(only(*STAFF_MEMBERS)),
    "matters:bodies": Row(only(*STAFF_MEMBERS)),
    "matters:create": Row(
        MANAGE,
        writes=(
            Write(
                only(*HANDLERS, status=302),
                writers=HANDLERS,
                body=_new_matter,
                changes=snapshot("trail.Matter"),
            ),
        ),
    ),
    "matters:detail": Row(SEE, kwargs=_matter, across_units=True),
    "matters:carry": Row(
        MANAGE,
        kwargs=_matter,
        across_units=True,
        writes=(
            Write(
                only(*HANDLERS, status=302),
                writers=HANDLERS,
                body=lambda c: {"carried_on": "2026-11-02", "public_text_fi": "Asia on viety."},
                changes=snapshot("trail.TrailEvent"),
            ),
        ),
    ),
    "matters:agenda": Row(
        MANAGE,
        kwargs=_matter,
        across_units=True,
        writes=(
            Write(
                only(*HANDLERS, status=302),
                writers=HANDLERS,
                body=lambda c: {
                    "meeting_date": "2026-11-20",
                    "agenda_item": "5",
                    "diary_number": "JVL/123/2026",
                    "minutes_url": "https://example.org/poytakirja",
                    "public_text_fi": "Asia on esityslistalla.",
                },
                changes=snapshot("trail.TrailEvent"),
            ),
        ),
    ),
    "matters:decide": Row(
        DECIDE,
        kwargs=_matter,
        across_units=True,
        writes=(
            Write(
                only(*DECIDERS, status=302),
                writers=DECIDERS,
                body=_decision,
                changes=snapshot("trail.Decision"),
            ),
        ),
    ),
    "api:matter-list": Row(
        {**only(*STAFF_MEMBERS), ANON: API_SIGNED_OUT},
        writes=(
            Write(
                {**only(*HANDLERS, status=201), ANON: API_SIGNED_OUT},
                writers=HANDLERS,
                json=True,
                body=_new_matter,
                changes=snapshot("trail.Matter"),
            ),
        ),
    ),
    "api:matter-decision": Row(
        {ANON: API_SIGNED_OUT, **dict.fromkeys(SIGNED_IN, 405)},
        kwargs=_matter,
        across_units=True,
        writes=(
            Write(
                {**only(*DECIDERS, status=201), ANON: API_SIGNED_OUT},
                writers=DECIDERS,
                json=True,
                body=_decision,
                changes=snapshot("trail.Decision"),
            ),
        ),
    ),
}
