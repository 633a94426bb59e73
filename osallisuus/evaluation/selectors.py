"""Reads of evaluations, scoped by who asks (#17 item 5): coordinators see every evaluation
and assessment; an evaluator the evaluations they are in and, until the conclusion, only
their own assessments. Nobody else sees an evaluation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.http import Http404

from osallisuus.experts.selectors import is_staff, people_on_active_assignment

from .models import Assessment, Criterion, Evaluation, Note
from .permissions import EVALUATOR, OBSERVER

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser, User

KIND = "evaluation_report"


def evaluations_visible_to(user: User) -> QuerySet[Evaluation]:
    found = Evaluation.objects.select_related("project", "service")
    if user.has_perm("evaluation.see_all_assessments"):
        return found
    if getattr(user, "pk", None) is None:
        return found.none()
    return found.filter(
        Q(pk__in=Evaluation.objects.filter(evaluators=user).values("pk"))
        | Q(pk__in=Evaluation.objects.filter(observers=user).values("pk"))
    )


def evaluations_of_project(user: User, project: Any) -> QuerySet[Evaluation]:
    """The project's evaluations that `user` may see (for the project's page), newest first."""
    return evaluations_visible_to(user).filter(project=project).order_by("-created_at", "-pk")


def access_evaluation(*, user: User, pk: int) -> Evaluation:
    """The evaluation if `user` may see it; otherwise 404, as if it did not exist."""
    try:
        return evaluations_visible_to(user).get(pk=pk)
    except Evaluation.DoesNotExist as error:
        raise Http404 from error


def reports_visible_to(user: User) -> QuerySet[Evaluation]:
    """Concluded evaluations: their report is an input to the project's decision."""
    return evaluations_visible_to(user).filter(concluded_at__isnull=False)


def criteria_locked(evaluation: Evaluation) -> bool:
    """Once the first assessment is filed, the criteria stay as they were assessed."""
    return Assessment.objects.filter(criterion__evaluation=evaluation).exists()


def assessed_by(evaluation: Evaluation) -> set[int]:
    """The evaluators who have filed an assessment (they stay on the evaluation)."""
    return set(
        Assessment.objects.filter(criterion__evaluation=evaluation).values_list(
            "evaluator_id", flat=True
        )
    )


def criteria_of(evaluation: Evaluation) -> QuerySet[Criterion]:
    return evaluation.criteria.all()


def assessments_shown(evaluation: Evaluation, user: User) -> QuerySet[Assessment]:
    """Every assessment to coordinators and, once concluded, to its evaluators; before that an
    evaluator sees only their own."""
    found = Assessment.objects.filter(criterion__evaluation=evaluation).select_related(
        "criterion", "evaluator"
    )
    if user.has_perm("evaluation.see_all_assessments") or evaluation.is_concluded:
        return found.order_by("criterion__position", "criterion__pk", "evaluator__pk")
    return found.filter(evaluator=user).order_by("criterion__position", "criterion__pk")


def notes_shown(evaluation: Evaluation, user: User) -> QuerySet[Note]:
    """Every observation note to coordinators and, once concluded, to the evaluation's people;
    before that an observer sees only their own."""
    found = evaluation.notes.all()
    if user.has_perm("evaluation.see_all_assessments") or evaluation.is_concluded:
        return found
    return found.filter(author=user)


def eligible_observers() -> QuerySet[Any]:
    """Clients on a started observer assignment under a signed contract."""
    return people_on_active_assignment(OBSERVER)


def own_assessments(evaluation: Evaluation, user: User) -> dict[int, Assessment]:
    """The user's assessments by criterion id."""
    found = Assessment.objects.filter(criterion__evaluation=evaluation, evaluator=user)
    return {assessment.criterion_id: assessment for assessment in found}


def eligible_evaluators() -> QuerySet[Any]:
    """Experts on a started evaluator assignment under a signed contract."""
    return people_on_active_assignment(EVALUATOR)


def may_evaluate(user: MaybeUser) -> bool:
    """An expert on an active evaluator assignment, or staff."""
    return is_staff(user) or eligible_evaluators().filter(pk=user.pk).exists()


@dataclass(frozen=True)
class CriterionSummary:
    criterion: Criterion
    count: int
    average: float | None
    assessments: list[Assessment]


def summary(evaluation: Evaluation) -> list[CriterionSummary]:
    """Per criterion: how many assessed, the mean score and the assessments (the report)."""
    rows = []
    for criterion in criteria_of(evaluation).prefetch_related("assessments"):
        assessments = sorted(criterion.assessments.all(), key=lambda a: a.pk)
        scores = [a.score for a in assessments]
        average = round(sum(scores) / len(scores), 1) if scores else None
        rows.append(CriterionSummary(criterion, len(scores), average, assessments))
    return rows


def evaluator_choices(*, evaluation: Evaluation | None = None) -> QuerySet[Any]:
    """Who may be chosen as an evaluator: active evaluators and staff (and, when editing,
    those already on the evaluation)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from osallisuus.accounts.selectors import people_with_role

    staff = people_with_role("staff", "unit_manager", "coordinator")
    return (
        get_user_model()
        .objects.filter(
            Q(pk__in=eligible_evaluators().values("pk"))
            | Q(pk__in=staff.values("pk"))
            | Q(pk__in=evaluation.evaluators.values("pk") if evaluation else [])
        )
        .order_by("last_name", "first_name", "username")
    )


def observer_choices(*, evaluation: Evaluation) -> QuerySet[Any]:
    """Active observers and those already observing the evaluation."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            Q(pk__in=eligible_observers().values("pk"))
            | Q(pk__in=evaluation.observers.values("pk"))
        )
        .order_by("last_name", "first_name", "username")
    )
