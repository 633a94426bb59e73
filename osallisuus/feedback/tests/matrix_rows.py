"""The feedback app's rows in the authorization matrix (see osallisuus/tests/matrix.py)."""

from __future__ import annotations

from typing import Any

from osallisuus.tests.matrix import STAFF_ROLES, Rows, everyone, only


def feedback_of(context: dict[str, Any]) -> Any:
    from osallisuus.feedback.services import FeedbackInput, submit_feedback

    if "feedback" not in context:
        context["feedback"] = submit_feedback(FeedbackInput(unit=context["unit"], text="Hyvä"))[0]
    return context["feedback"]


ROWS: Rows = {
    "feedback:give": (lambda c: {"code": c["unit"].code}, everyone(200)),
    "feedback:status_lookup": (lambda c: {}, everyone(200)),
    "feedback:status": (lambda c: {"code": feedback_of(c).reply_code}, everyone(200)),
    "feedback:inbox": (lambda c: {}, only(*STAFF_ROLES)),
    "feedback:detail": (lambda c: {"pk": feedback_of(c).pk}, only(*STAFF_ROLES)),
    "api:feedback-intake": (lambda c: {}, everyone(405)),
    "api:feedback-status": (lambda c: {"code": feedback_of(c).reply_code}, everyone(200)),
    "api:question-set": (lambda c: {}, everyone(404)),
}
COORDINATOR_ADMIN_APPS: set[str] = set()
COORDINATOR_ADMIN_MODELS: set[str] = set()
