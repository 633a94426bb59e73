"""Feedback rows for report tests, created directly so a test controls every figure."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from osallisuus.feedback.models import Answer, Feedback, Question, QuestionSet, StatusEvent
from osallisuus.feedback.reply_codes import new_reply_code


def default_questions() -> tuple[Question, Question]:
    """The default set's first 1–5 question and its 0–10 question (made if a flush removed
    the data migration's sets, as transactional browser tests do)."""
    question_set = QuestionSet.objects.filter(is_default=True, active=True).first()
    if question_set is None:
        question_set = QuestionSet.objects.create(key="test", name_fi="Testi", is_default=True)
        Question.objects.create(
            question_set=question_set,
            key="access",
            type="scale5",
            text_fi="a",
            text_sv="a",
            text_en="a",
            order=1,
        )
        Question.objects.create(
            question_set=question_set,
            key="recommend",
            type="nps",
            text_fi="r",
            text_sv="r",
            text_en="r",
            order=2,
        )
    scale = question_set.questions.filter(type="scale5").order_by("order").first()
    nps = question_set.questions.get(type="nps")
    assert scale is not None
    return scale, nps


def make_feedback(
    unit: Any,
    *,
    received_at: datetime | None = None,
    score: int | None = None,
    nps: int | None = None,
    text: str = "",
    themes: list[str] | None = None,
    channel: str = "web",
    mashing: bool = False,
    answered_after: timedelta | None = None,
    change_made: bool = False,
) -> Feedback:
    received_at = received_at or timezone.now()
    feedback = Feedback.objects.create(
        reply_code=new_reply_code(),
        unit=unit,
        channel=channel,
        text=text,
        redacted_text=text,
        received_at=received_at,
        due_at=received_at + timedelta(days=14),
        themes=themes or [],
        overall_score=score,
        suspected_mashing=mashing,
    )
    scale, nps_question = default_questions()
    if score is not None:
        Answer.objects.create(feedback=feedback, question=scale, value_int=score)
    if nps is not None:
        Answer.objects.create(feedback=feedback, question=nps_question, value_int=nps)
    StatusEvent.objects.create(feedback=feedback, at=received_at, status="received")
    if answered_after is not None:
        StatusEvent.objects.create(
            feedback=feedback, at=received_at + answered_after, status="answered"
        )
        feedback.status = "answered"
    if change_made:
        StatusEvent.objects.create(
            feedback=feedback, at=received_at + timedelta(days=20), status="change_made"
        )
        feedback.status = "change_made"
    feedback.save(update_fields=["status"])
    return feedback
