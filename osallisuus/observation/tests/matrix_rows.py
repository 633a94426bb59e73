"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

In each unit the matrix's expert, a started quality monitor, observes three visits: one still
planned (with a finding being written), one whose report reached the unit (an open finding with
a photo, and one answered with reasons), and a planned follow-up of the reported one. The
unit's staff read the reported visit, never the planned one; the unit manager answers and
closes; staff of another unit, the other expert, residents and decision makers get 404.
"""

from __future__ import annotations

import datetime
from typing import Any

from osallisuus.tests.matrix import (
    ADMIN,
    COORD,
    EXPERT,
    EXPERT_OTHER,
    MANAGER,
    STAFF,
    Row,
    Write,
    only,
    post_only,
    snapshot,
)

COUNTY = (COORD, ADMIN)
OBSERVING = (EXPERT, *COUNTY)
READERS = (EXPERT, STAFF, MANAGER, *COUNTY)
ANSWERING = (MANAGER, *COUNTY)
NOT_THE_OTHER_EXPERT = {EXPERT_OTHER: 404}


def build(world: Any, unit: Any, *, target: str) -> dict[str, Any]:
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from osallisuus.observation import services
    from osallisuus.observation.tests.factories import quality_monitor, template

    users = world.users
    expert = quality_monitor(unit=unit, user=users[EXPERT])
    visit_template = template(by=users[COORD], name=f"Asiakkaan polku {target}")

    def plan(**fields: Any) -> Any:
        return services.plan_visit(
            by=users[COORD],
            unit=unit,
            visit_date=datetime.date(2026, 11, 2),
            template=visit_template,
            observers=[expert],
            **fields,
        )

    def write(visit: Any, **fields: Any) -> Any:
        data = {
            "category": "waiting",
            "severity": "needs_improving",
            "description": "Vuoronumeronäyttö ei näy pyörätuolista.",
            **fields,
        }
        return services.add_finding(by=expert, visit=visit, data=services.FindingInput(**data))

    draft = plan()
    write(draft)
    reported = plan()
    raw = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(raw, format="PNG")
    open_finding = write(
        reported, photo=SimpleUploadedFile("kuva.png", raw.getvalue(), content_type="image/png")
    )
    answered = write(reported, category="privacy")
    services.send_report(by=expert, visit=reported)
    services.answer_finding(
        by=users[COORD],
        finding=answered,
        answer="reasons",
        reasons="Ilmoittautumisluukku siirretään jo ensi kuussa omaan huoneeseensa.",
    )
    follow_up = plan(follow_up_of=reported)
    return {
        "visit_template": visit_template,
        "draft_visit": draft,
        "reported_visit": reported,
        "open_finding": open_finding,
        "answered_finding": answered,
        "follow_up_visit": follow_up,
    }


_findings = snapshot("observation.Finding", "status", "answer", "change")
_visits = snapshot("observation.Visit", "status")
_templates = snapshot("observation.VisitTemplate", "version")


def _visit_body(ctx: Any) -> dict[str, Any]:
    return {
        "unit": ctx.unit.pk,
        "visit_date": "2026-12-01",
        "template": ctx.visit_template.pk,
        "observers": [ctx.users[EXPERT].pk],
    }


def _change_body(ctx: Any) -> dict[str, Any]:
    prefix = f"f{ctx.open_finding.pk}"
    return {f"{prefix}-visit": ctx.follow_up_visit.pk, f"{prefix}-change": "changed"}


def _reported(ctx: Any) -> dict[str, Any]:
    return {"pk": ctx.reported_visit.pk}


def _draft(ctx: Any) -> dict[str, Any]:
    return {"pk": ctx.draft_visit.pk}


def _open(ctx: Any) -> dict[str, Any]:
    return {"pk": ctx.open_finding.pk}


ROWS: dict[str, Row] = {
    "observation:list": Row(only(*READERS)),
    "observation:templates": Row(
        only(*COUNTY),
        writes=(
            Write(
                only(*COUNTY, status=302),
                writers=COUNTY,
                body=lambda c: {"name": "Uusi pohja", "categories": ["waiting", "privacy"]},
                changes=_templates,
            ),
        ),
    ),
    "observation:template": Row(
        only(*COUNTY),
        kwargs=lambda c: {"pk": c.visit_template.pk},
        writes=(
            Write(
                only(*COUNTY, status=302),
                writers=COUNTY,
                body=lambda c: {"categories": ["privacy"], "guidance": "Katso tietosuojaa."},
                changes=_templates,
            ),
        ),
    ),
    "observation:visit_create": Row(
        only(*COUNTY),
        writes=(
            Write(only(*COUNTY, status=302), writers=COUNTY, body=_visit_body, changes=_visits),
        ),
    ),
    "observation:visit": Row(
        only(*READERS), kwargs=_reported, across_units=True, non_owner=NOT_THE_OTHER_EXPERT
    ),
    "observation:report_pdf": Row(
        only(*READERS), kwargs=_reported, across_units=True, non_owner=NOT_THE_OTHER_EXPERT
    ),
    "observation:finding_create": Row(
        only(*OBSERVING),
        kwargs=_draft,
        across_units=True,
        non_owner=NOT_THE_OTHER_EXPERT,
        writes=(
            Write(
                only(*OBSERVING, status=302),
                writers=OBSERVING,
                body=lambda c: {
                    "category": "arriving",
                    "severity": "observation",
                    "description": "Opasteet puuttuivat pääovelta.",
                },
                changes=_findings,
                non_owner=NOT_THE_OTHER_EXPERT,
            ),
        ),
    ),
    "observation:report_send": Row(
        post_only(),
        kwargs=_draft,
        across_units=True,
        non_owner={},
        writes=(
            Write(
                only(*OBSERVING, status=302),
                writers=OBSERVING,
                changes=_visits,
                non_owner=NOT_THE_OTHER_EXPERT,
            ),
        ),
    ),
    "observation:finding": Row(
        only(*READERS), kwargs=_open, across_units=True, non_owner=NOT_THE_OTHER_EXPERT
    ),
    "observation:finding_photo": Row(
        only(*READERS), kwargs=_open, across_units=True, non_owner=NOT_THE_OTHER_EXPERT
    ),
    "observation:finding_answer": Row(
        post_only(),
        kwargs=_open,
        across_units=True,
        writes=(
            Write(
                only(*ANSWERING, status=302),
                writers=ANSWERING,
                body=lambda c: {
                    "answer": "reasons",
                    "reasons": "Näyttö vaihdetaan jo ensi viikolla toiseen malliin.",
                },
                changes=_findings,
            ),
        ),
    ),
    "observation:finding_close": Row(
        post_only(),
        kwargs=lambda c: {"pk": c.answered_finding.pk},
        across_units=True,
        writes=(Write(only(*ANSWERING, status=302), writers=ANSWERING, changes=_findings),),
    ),
    "observation:finding_change": Row(
        post_only(),
        kwargs=_open,
        across_units=True,
        non_owner={},
        writes=(
            Write(
                only(*OBSERVING, status=302),
                writers=OBSERVING,
                body=_change_body,
                changes=_findings,
                non_owner=NOT_THE_OTHER_EXPERT,
            ),
        ),
    ),
}
