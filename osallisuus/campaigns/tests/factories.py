"""Helpers for campaign tests: feedback given through a question set, and a campaign."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.utils import timezone

from osallisuus.feedback.models import Feedback, QuestionSet
from osallisuus.feedback.services import FeedbackInput, submit_feedback

from ..models import Campaign


def default_set() -> QuestionSet:
    return QuestionSet.objects.filter(is_default=True, active=True).order_by("-version").first()


def give(
    unit: Any, *, day: date, score: int = 4, text: str = "", themes: tuple[str, ...] = ()
) -> Feedback:
    """Feedback through the unit's question set (the default one) on `day`, with its themes."""
    received = timezone.make_aware(datetime.combine(day, time(12)))
    item = submit_feedback(
        FeedbackInput(unit=unit, text=text, answers=[("access", score)], received_at=received)
    )[0]
    if themes:
        Feedback.objects.filter(pk=item.pk).update(themes=list(themes))
    return item


def campaign_at(*units: Any, starts_on: date, ends_on: date, by: Any, title: str = "") -> Campaign:
    campaign = Campaign.objects.create(
        title_fi=title or "Kysely ajanvarauksesta",
        question_set=default_set(),
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=by,
    )
    campaign.units.set(units)
    return campaign
