"""The objection register's rows in the authorization matrix (see osallisuus/tests/matrix.py).

Records are for complaints officers only: every other role, however wide, gets 404 (#18).
The decision on flagged feedback belongs to the feedback's handlers; the list of late flags
to coordinators and administrators. Senders reach their objection by its code.
"""

from __future__ import annotations

from typing import Any

from osallisuus.tests.matrix import (
    ADMIN,
    ANON,
    COMPLAINTS,
    COORD,
    DECIDER,
    EXPERT,
    MANAGER,
    RESIDENT,
    STAFF,
    Row,
    Write,
    everyone,
    no_kwargs,
    only,
    snapshot,
)

ALL = [*everyone(0), COMPLAINTS]
HANDLERS = (STAFF, MANAGER, COORD, ADMIN)


def _with_officer(expect: dict[str, int], status: int) -> dict[str, int]:
    return {**expect, COMPLAINTS: status}


def officer_only(status: int = 200) -> dict[str, int]:
    return _with_officer(only(status=status), status)


def public(status: int) -> dict[str, int]:
    return _with_officer(everyone(status), status)


def flag_step() -> dict[str, int]:
    """A flag's POST-only step: handlers 405 on GET, everyone else 404."""
    return {
        ANON: 302,
        **dict.fromkeys((RESIDENT, EXPERT, DECIDER, COMPLAINTS), 404),
        **dict.fromkeys(HANDLERS, 405),
    }


def flag_step_row(body: Any = no_kwargs) -> Row:
    """A handler's decision on a flag: handlers of the unit decide, everyone else 404."""
    return Row(
        flag_step(),
        kwargs=lambda c: {"pk": c.flag.pk},
        across_units=True,
        writes=(
            Write(
                {**flag_step(), **dict.fromkeys(HANDLERS, 302)},
                writers=HANDLERS,
                body=body,
                changes=snapshot("complaints.ComplaintFlag", "decision"),
            ),
        ),
    )


def build(world: Any, unit: Any, *, target: str) -> dict[str, Any]:
    from django.core.files.base import ContentFile

    from osallisuus.complaints.models import (
        ComplaintAttachment,
        ComplaintFlag,
        ObjectionPolicy,
        Route,
        RouteText,
    )
    from osallisuus.feedback.services import FeedbackInput, submit_feedback

    from .factories import ROUTE_TEXT, objection_of

    ObjectionPolicy.objects.get_or_create(defaults={"enabled": True, "answer_days": 30})
    RouteText.objects.get_or_create(route=Route.OBJECTION, defaults=ROUTE_TEXT)

    complaint = objection_of(unit, name=f"Matrix {target}")
    attachment = ComplaintAttachment.objects.create(complaint=complaint, name="liite.pdf")
    attachment.file.save("liite.pdf", ContentFile(b"%PDF-1.4 matrix"), save=True)
    flagged = submit_feedback(FeedbackInput(unit=unit, text="Teen muistutuksen hoidostani."))[0]
    return {
        "complaint": complaint,
        "attachment": attachment,
        "flag": ComplaintFlag.objects.get(feedback=flagged),
    }


def _objection_body(ctx: Any) -> dict[str, Any]:
    return {
        "unit": ctx.unit.pk,
        "concern": "health",
        "name": "Matti Muistuttaja",
        "address": "Tie 1, Järvilaakso",
        "text": "Minua kohdeltiin huonosti.",
        "idempotency_key": "matrix-objection",
    }


ROWS: dict[str, Row] = {
    "complaints:signpost": Row(public(200)),
    "complaints:objection": Row(
        public(200),
        writes=(
            Write(
                public(302),
                writers=ALL,
                body=_objection_body,
                changes=snapshot("complaints.Complaint"),
            ),
        ),
    ),
    "complaints:status_lookup": Row(public(200)),
    "complaints:status": Row(public(200), kwargs=lambda c: {"code": c.complaint.code}),
    "complaints:register": Row(officer_only()),
    "complaints:record": Row(officer_only(), kwargs=lambda c: {"pk": c.complaint.pk}),
    "complaints:attachment": Row(
        officer_only(),
        kwargs=lambda c: {"pk": c.complaint.pk, "attachment_pk": c.attachment.pk},
    ),
    "complaints:handle": Row(
        officer_only(405),
        kwargs=lambda c: {"pk": c.complaint.pk},
        writes=(
            Write(
                officer_only(302),
                writers=[COMPLAINTS],
                body=lambda c: {"text": "Selvitys pyydetty."},
                changes=snapshot("complaints.HandlingEntry"),
            ),
        ),
    ),
    "complaints:answer": Row(
        officer_only(405),
        kwargs=lambda c: {"pk": c.complaint.pk},
        writes=(
            Write(
                officer_only(302),
                writers=[COMPLAINTS],
                body=lambda c: {
                    "text": "Vastaus.",
                    "answered_on": c.complaint.acknowledge_by.today().isoformat(),
                },
                changes=snapshot("complaints.Complaint", "status"),
            ),
        ),
    ),
    "complaints:flag": Row(
        _with_officer({**only(*HANDLERS), DECIDER: 404}, 404),
        kwargs=lambda c: {"pk": c.flag.pk},
        across_units=True,
    ),
    "complaints:flag_keep": flag_step_row(),
    "complaints:flag_redirect": flag_step_row(lambda c: {"route": "objection"}),
    "complaints:flag_transfer": flag_step_row(
        lambda c: {"consent": "on", "concern": "health", "name": "Anna Antinen", "address": "Tie 2"}
    ),
    "complaints:overdue": Row(_with_officer(only(COORD, ADMIN), 404)),
    "api:objection-intake": Row(
        public(405),
        writes=(
            Write(
                public(201),
                writers=ALL,
                json=True,
                body=lambda c: {
                    "unit_code": c.unit.code,
                    "concern": "social",
                    "name": "Kalle",
                    "address": "Tie 3",
                    "text": "Päätöstä ei perusteltu.",
                    "idempotency_key": "matrix-api-objection",
                },
                changes=snapshot("complaints.Complaint"),
            ),
        ),
    ),
    "api:objection-status": Row(public(200), kwargs=lambda c: {"code": c.complaint.code}),
}
COORDINATOR_ADMIN_APPS: set[str] = {"complaints"}
COORDINATOR_ADMIN_MODELS: set[str] = set()
