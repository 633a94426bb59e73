"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

Each unit has a matter (carried by the coordinator to a committee with no members) on which
the county's disability council was asked for a statement, one with a statement given, and a
spare one. The resident is the secretary of the own unit's council only: a secretary submits
only their own body's statements and gets 404 on the other's. Staff of the unit prepare its
matters; staff of another unit get 404.
"""

from __future__ import annotations

import datetime
from typing import Any

from osallisuus.tests.matrix import (
    ADMIN,
    ANON,
    COORD,
    MANAGER,
    RESIDENT,
    SIGNED_IN,
    STAFF,
    Row,
    Write,
    everyone,
    only,
    post_only,
    snapshot,
)

# Those who prepare the own unit's matter: its unit's handlers and the county's.
PREPARERS = (STAFF, MANAGER, COORD, ADMIN)
READERS = (*PREPARERS, RESIDENT)
API_SIGNED_OUT = 403
FUTURE = datetime.date(2030, 1, 1)


def build(world: Any, unit: Any, *, target: str) -> dict[str, Any]:
    from django.utils import timezone

    from osallisuus.authorization import SYSTEM
    from osallisuus.dialogue import services as dialogue
    from osallisuus.organisation.models import DecisionBody, Organiser
    from osallisuus.statements import services
    from osallisuus.trail.matters.services import create_matter

    organiser = Organiser.objects.first()
    body, _created = DecisionBody.objects.get_or_create(
        name_fi="Lausuntoja pyytävä lautakunta",
        defaults={"organiser": organiser, "kind": DecisionBody.Kind.COMMITTEE},
    )
    council = dialogue.create_group(
        by=SYSTEM,
        organiser=organiser,
        kind="disability_council",
        name_fi=f"Vammaisneuvosto {target}",
        term_starts=datetime.date(2026, 1, 1),
    )
    if target == "own":
        dialogue.add_member(
            by=SYSTEM,
            group=council,
            name="Neuvoston sihteeri",
            role="secretary",
            origin="appointed",
            member_kind="representative",
            user=world.users[RESIDENT],
        )
    coordinator = world.users[COORD]

    def matter(title: str) -> Any:
        return create_matter(
            by=coordinator,
            title=f"{title} {unit.code}",
            summary="Kuljetuspalvelun perusteet uudistetaan.",
            carrier=coordinator,
            target_body=body,
            unit=unit,
        )

    def ask(title: str) -> Any:
        return services.request_statement(
            by=coordinator, matter=matter(title), group=council, question="Lausunto", due_on=FUTURE
        )

    given = ask("Annettu")
    given.text, given.approved_on = "Neuvosto puoltaa.", timezone.localdate()
    given.status = "submitted"
    given.save()
    return {
        "council": council,
        "statement_open": ask("Avoin"),
        "statement_given": given,
        "spare_matter": matter("Vapaa"),
    }


def _open(ctx: Any) -> dict[str, Any]:
    return {"pk": ctx.statement_open.pk}


def _statement_body(ctx: Any) -> dict[str, Any]:
    return {"text": "Neuvosto puoltaa.", "approved_on": "2026-12-01", "minutes_section": "5"}


DETAIL = {
    ANON: 404,
    **dict.fromkeys(SIGNED_IN, 404),
    **dict.fromkeys(READERS, 200),
}
REFUSED = {ANON: 302, **dict.fromkeys(SIGNED_IN, 404)}

ROWS: dict[str, Row] = {
    "statements:list": Row(everyone(200)),
    "statements:request": Row(
        only(*PREPARERS),
        writes=(
            Write(
                only(*PREPARERS, status=302),
                writers=PREPARERS,
                body=lambda c: {
                    "matter": c.spare_matter.pk,
                    "group": c.council.pk,
                    "question": "Miten uudistus vaikuttaa?",
                    "due_on": "2030-01-01",
                },
                changes=snapshot("statements.StatementRequest"),
            ),
        ),
    ),
    # The resident is the disability council's secretary; the staff member is a language
    # committee's secretary (dialogue's rows), so they too may flag, but only for their own
    # committee: flagging for the council is refused beside the field and stores nothing.
    "statements:flag": Row(
        only(RESIDENT, STAFF),
        writes=(
            Write(
                {**only(RESIDENT, status=302), STAFF: 200},
                writers=[RESIDENT],
                body=lambda c: {
                    "group": c.council.pk,
                    "matter": c.spare_matter.pk,
                    "reason": "Asia koskee vammaisia.",
                    "due_on": "2030-01-01",
                },
                changes=snapshot("statements.StatementRequest"),
            ),
        ),
    ),
    "statements:detail": Row(DETAIL, kwargs=_open, across_units=True, other={RESIDENT: 404}),
    "statements:submit": Row(
        post_only(),
        kwargs=_open,
        across_units=True,
        writes=(
            Write(
                {**REFUSED, RESIDENT: 302},
                writers=[RESIDENT],
                body=_statement_body,
                changes=snapshot("statements.StatementRequest", "status", "text"),
                other={RESIDENT: 404},
            ),
        ),
    ),
    "statements:consider": Row(
        post_only(),
        kwargs=lambda c: {"pk": c.statement_given.pk},
        across_units=True,
        writes=(
            Write(
                {**REFUSED, **dict.fromkeys(PREPARERS, 302)},
                writers=PREPARERS,
                body=lambda c: {"consideration": "Saattajan matkat pidettiin maksuttomina."},
                changes=snapshot("statements.StatementRequest", "status", "consideration"),
                other={RESIDENT: 404},
            ),
        ),
    ),
    "api:statement-submit": Row(
        {ANON: API_SIGNED_OUT, **dict.fromkeys(SIGNED_IN, 405)},
        kwargs=_open,
        across_units=True,
        writes=(
            Write(
                {**dict.fromkeys(SIGNED_IN, 404), ANON: API_SIGNED_OUT, RESIDENT: 201},
                writers=[RESIDENT],
                json=True,
                body=_statement_body,
                changes=snapshot("statements.StatementRequest", "status", "text"),
                other={RESIDENT: 404},
            ),
        ),
    ),
}
