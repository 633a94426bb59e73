"""A second reading of new feedback: the semantic tier of the text analysis, in the background.

Intake labels a comment at once with the fast lexicon tier (analysis.pipeline). Moments later
this task reads it again with the semantic tier (analysis.semantic), which understands risks
and topics phrased in words no lexicon lists, and adds what it finds: themes, urgency (the
unit's managers are alerted then, as at intake) and, for a newly urgent comment, a sentiment
that is not neutral. Labels a person has corrected are never touched.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction
from django_tasks import task

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


@task()
def refine_labels_task(feedback_id: int) -> None:
    refine_labels(feedback_id)


def schedule_refinement(sender: Any, instance: Feedback, created: bool, **kwargs: Any) -> None:
    """post_save receiver: a new item with text gets its second reading after commit."""
    if created and instance.text and not kwargs.get("raw") and semantic.available():
        transaction.on_commit(partial(refine_labels_task.enqueue, instance.pk), robust=True)
