"""The publication app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

Unit managers (their units), coordinators and administrators moderate; decision makers get 404
on moderation like on every handling page. Anyone reads a unit's published stories.
"""

from __future__ import annotations

from typing import Any

from osallisuus.feedback.tests.matrix_rows import handling
from osallisuus.tests.matrix import ADMIN, COORD, MANAGER, STAFF, STAFF_OTHER, Row, Write, everyone

MODERATORS = (MANAGER, COORD, ADMIN)


def build(world: Any, unit: Any, *, target: str) -> dict[str, Any]:
    from osallisuus.feedback.services import FeedbackInput, submit_feedback

    consented = submit_feedback(FeedbackInput(unit=unit, text="Hyvä hoito", publish_consent=True))[
        0
    ]
    return {"consented_feedback": consented}


def _consented(c: Any) -> dict[str, Any]:
    return {"pk": c.consented_feedback.pk}


def _decisions(c: Any) -> Any:
    return list(c.consented_feedback.publication_events.values_list("pk", "decision"))


def _decision(body: Any) -> Row:
    """A POST-only decision on a consented comment: moderators make it (302), others get 404."""
    return Row(
        {**handling(*MODERATORS, status=405)},
        kwargs=_consented,
        across_units=True,
        other={STAFF: 404, STAFF_OTHER: 404},
        writes=(
            Write(
                handling(*MODERATORS, status=302),
                writers=MODERATORS,
                body=body,
                changes=_decisions,
                other={STAFF: 404, STAFF_OTHER: 404},
            ),
        ),
    )


ROWS: dict[str, Row] = {
    # Publication: unit managers (their units), coordinators and administrators moderate.
    "feedback:moderation_queue": Row(handling(*MODERATORS)),
    "feedback:moderate": Row(
        handling(*MODERATORS),
        kwargs=_consented,
        across_units=True,
        other={STAFF: 404, STAFF_OTHER: 404},
    ),
    # Each decision posts to its own address.
    "feedback:moderate_publish": _decision(lambda c: {"text": "Hyvä hoito", "confirmed": "on"}),
    "feedback:moderate_reject": _decision(lambda c: {"reject-reason": "Tunnistettava tilanne"}),
    "feedback:moderate_unpublish": _decision(lambda c: {"down-reason": "Antaja pyysi poistoa"}),
    "feedback:stories": Row(everyone(200), kwargs=lambda c: {"code": c.unit.code}),
    "api:unit-stories": Row(everyone(200), kwargs=lambda c: {"code": c.unit.code}),
    # "You said, we did" per service, and as JSON (trail/public_api.py): public like the stories.
    "feedback:service_outcomes": Row(everyone(200), kwargs=lambda c: {"pk": c.unit.service_id}),
    "api:outcomes": Row(everyone(200), query=lambda c: f"unit_code={c.unit.code}&year=2026"),
}
