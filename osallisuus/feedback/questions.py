"""Question sets: which set a unit uses, and checking answers against their questions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from osallisuus.organisation.models import Unit

from .intake.cache import cached_question_set
from .models import Question, QuestionSet, QuestionSetChoice, QuestionType

MAX_TEXT_ANSWER = 2000  # characters, as the error message says

SCALE_MIN_MAX = {QuestionType.SCALE5: (1, 5), QuestionType.NPS: (0, 10)}
YES_WORDS = {"yes", "kyllä", "ja", "true", "1"}
NO_WORDS = {"no", "ei", "nej", "false", "0"}


def active_question_set(unit: Unit) -> QuestionSet | None:
    """The unit's own choice, else its service's, else the default; the newest active version.

    Kept in process memory while no question set changes (intake/cache.py): the returned set and
    its prefetched questions are shared between requests, so read them, never change them.
    """
    return cached_question_set(unit, load_active_question_set)


def load_active_question_set(unit: Unit) -> QuestionSet | None:
    """active_question_set straight from the database, with the questions prefetched."""
    choices = {
        ("unit" if unit_id else "service"): key
        for unit_id, key in QuestionSetChoice.objects.filter(
            Q(unit=unit) | Q(service_id=unit.service_id)
        ).values_list("unit_id", "question_set_key")
    }
    key = choices.get("unit") or choices.get("service")
    sets = QuestionSet.objects.filter(active=True).prefetch_related("questions")
    sets = sets.filter(key=key) if key else sets.filter(is_default=True)
    return sets.order_by("-version").first()


@dataclass(frozen=True)
class CheckedAnswer:
    question: Question
    value_int: int | None
    value_text: str


def check_answer(question: Question, value: Any) -> CheckedAnswer:
    """Turn a raw value into what is stored, or raise ValueError with a translated message."""
    if question.type in SCALE_MIN_MAX:
        low, high = SCALE_MIN_MAX[QuestionType(question.type)]
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValueError(_("Give a whole number from %(low)s to %(high)s.") % locals())
        try:
            number = int(value)
        except ValueError as error:
            raise ValueError(
                _("Give a whole number from %(low)s to %(high)s.") % locals()
            ) from error
        if not low <= number <= high:
            raise ValueError(_("Give a whole number from %(low)s to %(high)s.") % locals())
        return CheckedAnswer(question, number, "")
    if question.type == QuestionType.YESNO:
        word = str(value).strip().lower()
        if value is True or word in YES_WORDS:
            return CheckedAnswer(question, 1, "")
        if value is False or word in NO_WORDS:
            return CheckedAnswer(question, 0, "")
        raise ValueError(_("Answer yes or no."))
    if question.type == QuestionType.CHOICE:
        allowed = {str(option["value"]) for option in question.options}
        if str(value) not in allowed:
            raise ValueError(_("Choose one of the options given."))
        return CheckedAnswer(question, None, str(value))
    if not isinstance(value, str):
        raise ValueError(_("Write the answer as text."))
    if len(value) > MAX_TEXT_ANSWER:
        raise ValueError(_("The answer is longer than 2,000 characters."))
    return CheckedAnswer(question, None, value.strip())
