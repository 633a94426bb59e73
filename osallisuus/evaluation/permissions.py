"""Who may do what with evaluations (#17 item 5).

Coordinators set up an evaluation, see every assessment and record the joint meeting's
conclusion. An evaluator (an expert on a started evaluator assignment under a signed contract,
or staff) writes and sees only their own assessments until the conclusion; afterwards they
read the report. Everyone else: "not found".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules

from osallisuus.accounts.permissions import is_coordinator_or_admin

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser, User

EVALUATOR = "evaluator"
OBSERVER = "observer"


@rules.predicate
def evaluates_something(user: User) -> bool:
    if getattr(user, "pk", None) is None:
        return False
    return bool(user.evaluations.exists() or user.observed_evaluations.exists())


@rules.predicate
def is_evaluator(user: MaybeUser, evaluation: Any) -> bool:
    if evaluation is None or getattr(user, "pk", None) is None:
        return False
    return bool(evaluation.evaluators.filter(pk=user.pk).exists())


@rules.predicate
def is_observer(user: MaybeUser, evaluation: Any) -> bool:
    if evaluation is None or getattr(user, "pk", None) is None:
        return False
    return bool(evaluation.observers.filter(pk=user.pk).exists())


@rules.predicate
def is_open(user: MaybeUser, evaluation: Any) -> bool:
    return evaluation is not None and evaluation.concluded_at is None


@rules.predicate
def is_concluded(user: MaybeUser, evaluation: Any) -> bool:
    return evaluation is not None and evaluation.concluded_at is not None


rules.add_perm("evaluation.view_evaluations", is_coordinator_or_admin | evaluates_something)
rules.add_perm("evaluation.set_up", is_coordinator_or_admin)
rules.add_perm("evaluation.see_all_assessments", is_coordinator_or_admin)
rules.add_perm("evaluation.assess", is_open & is_evaluator)
rules.add_perm("evaluation.conclude", is_open & is_coordinator_or_admin)
# The coordinator edits an evaluation until its conclusion (criteria only before assessments).
rules.add_perm("evaluation.edit", is_open & is_coordinator_or_admin)
rules.add_perm(
    "evaluation.read_report", is_concluded & (is_evaluator | is_observer | is_coordinator_or_admin)
)
rules.add_perm("evaluation.file_note", is_open & is_observer)
