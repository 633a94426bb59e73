"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

In each unit the matrix's expert, on a started evaluator assignment, evaluates two trials of a
project: one still being assessed, one whose joint meeting has concluded (its report readable).
Coordinators see and conclude every evaluation; the other expert, staff, unit managers,
residents and decision makers are not evaluators and get 404.
"""

from __future__ import annotations

import datetime
from typing import Any

from osallisuus.tests.matrix import (
    ADMIN,
    COORD,
    EXPERT,
    EXPERT_OTHER,
    Row,
    Write,
    only,
    post_only,
    snapshot,
)

COUNTY = (COORD, ADMIN)
READERS = (EXPERT, *COUNTY)
NOT_THE_OTHER_EXPERT = {EXPERT_OTHER: 404}


def build(world: Any, unit: Any, *, target: str) -> dict[str, Any]:
    from osallisuus.evaluation import services
    from osallisuus.evaluation.tests import factories as f

    users = world.users
    expert = f.evaluator(unit=unit, user=users[EXPERT])
    f.evaluator(unit=unit, user=expert, kind="observer")
    open_one = f.evaluation(
        unit=unit, coordinator=users[COORD], evaluators=[expert], observers=[expert]
    )
    concluded = f.evaluation(unit=unit, coordinator=users[COORD], evaluators=[expert])
    services.assess(
        by=expert,
        evaluation=concluded,
        answers={c.pk: (3, "Toimi osittain.") for c in concluded.criteria.all()},
    )
    services.conclude(
        by=users[COORD],
        evaluation=concluded,
        conclusion="Kokeilua jatketaan puoli vuotta.",
        meeting_date=datetime.date(2026, 11, 20),
    )
    return {"open_evaluation": open_one, "concluded_evaluation": concluded}


_evaluations = snapshot("evaluation.Evaluation", "concluded_at")
_assessments = snapshot("evaluation.Assessment", "score", "text")
_notes = snapshot("evaluation.Note", "text")


def _open(ctx: Any) -> dict[str, Any]:
    return {"pk": ctx.open_evaluation.pk}


def _concluded(ctx: Any) -> dict[str, Any]:
    return {"pk": ctx.concluded_evaluation.pk}


def _assessment_body(ctx: Any) -> dict[str, Any]:
    return {f"c{c.pk}-score": "4" for c in ctx.open_evaluation.criteria.all()}


ROWS: dict[str, Row] = {
    "evaluation:list": Row(only(*READERS), non_owner=NOT_THE_OTHER_EXPERT),
    "evaluation:create": Row(
        only(*COUNTY),
        writes=(
            Write(
                only(*COUNTY, status=302),
                writers=COUNTY,
                body=lambda c: {
                    "title": "Palvelun arviointi",
                    "service": c.unit.service_id,
                    "criteria": "Saavutettavuus",
                    "evaluators": [c.users[EXPERT].pk],
                },
                changes=_evaluations,
            ),
        ),
    ),
    "evaluation:evaluation": Row(
        only(*READERS),
        kwargs=_open,
        across_units=True,
        non_owner=NOT_THE_OTHER_EXPERT,
        writes=(
            Write(
                only(EXPERT, status=302),
                writers=(EXPERT,),
                body=_assessment_body,
                changes=_assessments,
                non_owner=NOT_THE_OTHER_EXPERT,
            ),
        ),
    ),
    # The coordinator edits an open evaluation (criteria lock at the first assessment).
    "evaluation:edit": Row(
        only(*COUNTY),
        kwargs=_open,
        across_units=True,
        writes=(
            Write(
                only(*COUNTY, status=302),
                writers=COUNTY,
                body=lambda c: {
                    "title": "Uusi otsikko",
                    "criteria": "\n".join(x.text for x in c.open_evaluation.criteria.all()),
                    "evaluators": [c.users[EXPERT].pk],
                },
                changes=snapshot("evaluation.Evaluation", "title"),
            ),
        ),
    ),
    "evaluation:note_create": Row(
        post_only(),
        kwargs=_open,
        across_units=True,
        non_owner={},
        writes=(
            Write(
                only(EXPERT, status=302),
                writers=(EXPERT,),
                body=lambda c: {"text": "Kokeilun ohjeet olivat seinällä."},
                changes=_notes,
                non_owner=NOT_THE_OTHER_EXPERT,
            ),
        ),
    ),
    "evaluation:conclude": Row(
        only(*COUNTY),
        kwargs=_open,
        across_units=True,
        writes=(
            Write(
                only(*COUNTY, status=302),
                writers=COUNTY,
                body=lambda c: {
                    "meeting_date": "2026-11-21",
                    "conclusion": "Kokeilu vakiinnutetaan.",
                },
                changes=_evaluations,
            ),
        ),
    ),
    "evaluation:report": Row(
        only(*READERS), kwargs=_concluded, across_units=True, non_owner=NOT_THE_OTHER_EXPERT
    ),
    "evaluation:report_pdf": Row(
        only(*READERS), kwargs=_concluded, across_units=True, non_owner=NOT_THE_OTHER_EXPERT
    ),
}
