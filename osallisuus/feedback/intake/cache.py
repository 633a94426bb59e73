"""What every intake looks up, kept in process memory between requests: units by code and
each unit's active question set.

Finding a unit and its question set costs four queries (the unit, the unit's or its service's
choice, the newest active set, its questions), and every intake needs them. They are remembered
by osallisuus/public_cache.py behind the version token of the question-set API's answers, which
are built from the same models: any save or delete of a Unit, Service, QuestionSet, Question or
QuestionSetChoice replaces it (at once and after commit), every process reads it at most once a
second, and entries are reloaded after public_cache.MAX_AGE for writes that send no signals.
One token, one mechanism for both.

The cached objects are shared between requests of a process: callers must only read them.
"""

from __future__ import annotations

from collections.abc import Callable

from osallisuus.organisation.models import Service, Unit
from osallisuus.public_cache import PublicAnswers

from ..models import Question, QuestionSet, QuestionSetChoice

# The question-set API's answers and the intake's look-ups, from the same models.
QUESTION_SET_ANSWERS = PublicAnswers(
    "question-sets", (Unit, Service, QuestionSet, Question, QuestionSetChoice)
)
remembered = QUESTION_SET_ANSWERS.remembered


def active_unit(code: str) -> Unit | None:
    """The active unit with this code (already upper-case and stripped), or None."""
    return remembered(("unit", code), lambda: Unit.objects.filter(code=code, active=True).first())


def cached_question_set(
    unit: Unit, load: Callable[[Unit], QuestionSet | None]
) -> QuestionSet | None:
    """The unit's active set from this process's memory, or `load(unit)` when it may be stale."""
    return remembered(("question-set", unit.pk, unit.service_id), lambda: load(unit))
