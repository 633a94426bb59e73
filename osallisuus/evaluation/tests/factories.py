"""Test data for evaluations: an expert on a started evaluator assignment, a project with
evaluation criteria, an evaluation of it."""

from __future__ import annotations

from typing import Any

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.codevelopment import services as codevelopment
from osallisuus.evaluation import services
from osallisuus.evaluation.models import Evaluation
from osallisuus.experts.selectors import profile_of
from osallisuus.experts.tests.factories import make_profile, started_assignment

CRITERIA = "Asiakas sai ajan viikossa\nOhjeet olivat selkeät"


def evaluator(*, unit: Any = None, user: Any = None, kind: str = "evaluator") -> Any:
    """An expert (user) on a started evaluator (or observer) assignment under a contract both
    signed."""
    user = user or user_with_role("expert")
    profile = profile_of(user) or make_profile(user=user)
    started_assignment(profile=profile, unit=unit, assignment_type=kind)
    return user


def project(*, by: Any, unit: Any, criteria: str = CRITERIA) -> Any:
    made = codevelopment.create_project(
        by=by, title="Ajanvaraus chatissa", target="Ajan saa helpommin.", units=[unit]
    )
    made.evaluation_criteria = criteria
    made.save(update_fields=["evaluation_criteria"])
    return made


def evaluation(
    *,
    unit: Any,
    coordinator: Any = None,
    evaluators: list[Any] | None = None,
    observers: list[Any] | None = None,
) -> Evaluation:
    """An evaluation of a project's trial with the project's criteria copied."""
    coordinator = coordinator or user_with_role("coordinator")
    return services.set_up(
        by=coordinator,
        title="Chat-ajanvarauksen kokeilu",
        project=project(by=coordinator, unit=unit),
        evaluators=evaluators or [evaluator(unit=unit)],
        observers=observers or [],
    )
