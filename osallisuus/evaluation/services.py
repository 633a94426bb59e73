"""Writes on evaluations (#17 item 5): the coordinator sets one up with its criteria and
evaluators, each evaluator assesses every criterion (1–5 and words), and the coordinator
records the joint evaluation meeting's conclusion, which closes the assessments and makes the
report an input of the project's decision. Every text passes the same personal-data check as
observation findings: nothing holding a name, phone number, e-mail or identity code is saved."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from osallisuus.authorization import require
from osallisuus.errors import DomainError
from osallisuus.observation.services import personal_data_problems

from .models import SCALE_MAX, SCALE_MIN, Assessment, Criterion, Evaluation, Note
from .selectors import (
    assessed_by,
    criteria_locked,
    criteria_of,
    eligible_observers,
    may_evaluate,
)

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


class EvaluationError(DomainError):
    """A rule of evaluations the user broke; nothing is saved."""


def _refuse_personal_data(texts: dict[str, str]) -> None:
    problems = personal_data_problems(texts)
    if problems:
        raise EvaluationError.of(problems)


def criteria_lines(text: str) -> list[str]:
    """One criterion a line; list marks and blank lines dropped."""
    lines = (line.strip().lstrip("-•*").strip() for line in (text or "").splitlines())
    return [line for line in lines if line]


def _checked_evaluators(evaluators: Iterable[Any], *, staying: Iterable[Any] = ()) -> list[Any]:
    """At least one, each staff or an expert on an active evaluator assignment; those already
    on the evaluation (`staying`) keep their place."""
    people = list(evaluators)
    if not people:
        raise EvaluationError(_("Choose at least one evaluator."), field="evaluators")
    kept = {person.pk for person in staying}
    if any(person.pk not in kept and not may_evaluate(person) for person in people):
        raise EvaluationError(
            _(
                "An evaluator must be staff or an expert on an active evaluator assignment "
                "under a signed contract."
            ),
            field="evaluators",
        )
    return people


def _checked_observers(observers: Iterable[Any], *, staying: Iterable[Any] = ()) -> list[Any]:
    watching = list(observers)
    allowed = set(eligible_observers().values_list("pk", flat=True)) | {p.pk for p in staying}
    if any(person.pk not in allowed for person in watching):
        raise EvaluationError(
            _("An observer must be on an active observer assignment under a signed contract."),
            field="observers",
        )
    return watching


@transaction.atomic
def set_up(
    *,
    by: User,
    title: str,
    evaluators: Iterable[Any],
    criteria: str = "",
    project: Any = None,
    service: Any = None,
    meeting_date: date | None = None,
    observers: Iterable[Any] = (),
) -> Evaluation:
    """An evaluation of `project` (criteria copied from its plan when none are given) or of
    `service`; every evaluator must be an active evaluator or staff."""
    require(by, "evaluation.set_up")
    if project is None and service is None:
        raise EvaluationError(_("Choose a project or a service to evaluate."), field="project")
    lines = criteria_lines(criteria)
    if not lines and project is not None:
        lines = criteria_lines(project.evaluation_criteria)
    if not lines:
        raise EvaluationError(_("Write at least one criterion, one a line."), field="criteria")
    people = _checked_evaluators(evaluators)
    watching = _checked_observers(observers)
    _refuse_personal_data({"title": title, "criteria": "\n".join(lines)})
    evaluation = Evaluation.objects.create(
        title=title,
        project=project,
        service=service if project is None else (service or project.service),
        meeting_date=meeting_date,
        created_by=by,
    )
    evaluation.evaluators.set(people)
    evaluation.observers.set(watching)
    Criterion.objects.bulk_create(
        Criterion(evaluation=evaluation, text=line[:300], position=number)
        for number, line in enumerate(lines)
    )
    return evaluation


@transaction.atomic
def edit(
    *,
    by: User,
    evaluation: Evaluation,
    title: str,
    evaluators: Iterable[Any],
    criteria: str = "",
    meeting_date: date | None = None,
    observers: Iterable[Any] = (),
) -> Evaluation:
    """The coordinator changes the title, criteria, evaluators and observers until the
    conclusion. Once the first assessment is filed the criteria are locked, and an evaluator
    who has assessed stays; others can still be added."""
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    require(by, "evaluation.edit", evaluation)
    current = [criterion.text for criterion in criteria_of(evaluation)]
    lines = criteria_lines(criteria)
    locked = criteria_locked(evaluation)
    if locked and lines != current:
        raise EvaluationError(
            _("The criteria cannot change once an assessment has been filed."), field="criteria"
        )
    if not lines:
        raise EvaluationError(_("Write at least one criterion, one a line."), field="criteria")
    people = _checked_evaluators(evaluators, staying=evaluation.evaluators.all())
    missing = assessed_by(evaluation) - {person.pk for person in people}
    if missing:
        raise EvaluationError(
            _("An evaluator who has filed an assessment stays on the evaluation."),
            field="evaluators",
        )
    watching = _checked_observers(observers, staying=evaluation.observers.all())
    _refuse_personal_data({"title": title, "criteria": "\n".join(lines)})
    evaluation.title = title
    evaluation.meeting_date = meeting_date
    evaluation.save(update_fields=["title", "meeting_date"])
    evaluation.evaluators.set(people)
    evaluation.observers.set(watching)
    if not locked and lines != current:
        evaluation.criteria.all().delete()
        Criterion.objects.bulk_create(
            Criterion(evaluation=evaluation, text=line[:300], position=number)
            for number, line in enumerate(lines)
        )
    return evaluation


@transaction.atomic
def assess(*, by: User, evaluation: Evaluation, answers: dict[int, tuple[int, str]]) -> int:
    """The evaluator's score and words per criterion id; replaces their earlier ones.
    Returns how many criteria were assessed."""
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    require(by, "evaluation.assess", evaluation)
    criteria = {criterion.pk: criterion for criterion in criteria_of(evaluation)}
    if not answers:
        raise EvaluationError(_("Give a score to at least one criterion."))
    for pk, (score, _text) in answers.items():
        if pk not in criteria:
            raise EvaluationError(_("That criterion is not in this evaluation."))
        if not SCALE_MIN <= score <= SCALE_MAX:
            raise EvaluationError(
                _("A score is from %(low)s to %(high)s.") % {"low": SCALE_MIN, "high": SCALE_MAX},
                field=f"c{pk}-score",
            )
    _refuse_personal_data({f"c{pk}-text": text for pk, (_score, text) in answers.items()})
    for pk, (score, text) in answers.items():
        Assessment.objects.update_or_create(
            criterion=criteria[pk], evaluator=by, defaults={"score": score, "text": text}
        )
    return len(answers)


@transaction.atomic
def conclude(
    *, by: User, evaluation: Evaluation, conclusion: str, meeting_date: date
) -> Evaluation:
    """The joint meeting's conclusion: assessments close and the report can be read."""
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    require(by, "evaluation.conclude", evaluation)
    if not conclusion.strip():
        raise EvaluationError(_("Write the meeting's conclusion."), field="conclusion")
    _refuse_personal_data({"conclusion": conclusion})
    evaluation.conclusion = conclusion.strip()
    evaluation.meeting_date = meeting_date
    evaluation.concluded_at = timezone.now()
    evaluation.save(update_fields=["conclusion", "meeting_date", "concluded_at"])
    return evaluation


def file_note(*, by: User, evaluation: Evaluation, text: str) -> Note:
    """An observing client's note on the trial, until the conclusion."""
    require(by, "evaluation.file_note", evaluation)
    if not text.strip():
        raise EvaluationError(_("Write your observation."), field="text")
    _refuse_personal_data({"text": text})
    return Note.objects.create(evaluation=evaluation, author=by, text=text.strip())
