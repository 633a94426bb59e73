"""A second reading of new feedback: the semantic tier of the text analysis, in the background.

Intake labels a comment at once with the fast lexicon tier (analysis.pipeline). Moments later
this task reads it again with the semantic tier (analysis.semantic), which understands risks
and topics phrased in words no lexicon lists, and adds what it finds: themes, urgency (the
unit's managers are alerted then, as at intake) and, for a newly urgent comment, a sentiment
that is not neutral. Labels a person has corrected are never touched.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from osallisuus.analysis import semantic
from osallisuus.analysis.models import LabelCorrection
from osallisuus.analysis.pipeline import analyse

from .models import Feedback
from .signals import announce_change


def refine_labels(feedback_id: int) -> bool:
    """Apply the semantic tier to one item; True when its labels changed."""
    if not semantic.available():
        return False
    with transaction.atomic():
        feedback = Feedback.objects.select_for_update().filter(pk=feedback_id).first()
        if feedback is None or not feedback.text:
            return False
        if LabelCorrection.objects.filter(feedback_id=feedback_id).exists():
            return False  # a person has decided the labels
        lexicon = analyse(feedback.text, lang_hint=feedback.language or None)
        refined = semantic.refine([lexicon])[0]
        themes, sentiment = list(refined.themes), refined.sentiment
        urgent = feedback.urgent or refined.urgent
        if (themes, sentiment, urgent) == (feedback.themes, feedback.sentiment, feedback.urgent):
            return False
        newly_urgent = urgent and not feedback.urgent
        feedback.themes, feedback.sentiment, feedback.urgent = themes, sentiment, urgent
        feedback.save(update_fields=["themes", "sentiment", "urgent"])
        announce_change([feedback.pk])
        if newly_urgent:
            from .services import _alert_managers  # noqa: PLC0415 (services imports this app)

            _alert_managers(feedback)
    return True


def refine_arrived_feedback(
    sender: Any, *, feedback_ids: list[int], arrived: bool = False, **kwargs: Any
) -> None:
    """Receiver of `feedback_changed` (delivered in the task worker): new items get their
    second reading. Web processes only queue the delivery and never load the model."""
    if arrived and semantic.available():
        for feedback_id in feedback_ids:
            refine_labels(feedback_id)
