"""A second reading of new feedback: the semantic tier of the text analysis, in the background.

Intake labels a comment at once with the fast lexicon tier (analysis.pipeline). Moments later
this task reads it again with the semantic tier (analysis.semantic), which understands risks
and topics phrased in words no lexicon lists, and adds what it finds: themes, urgency (the
unit's managers are alerted then, as at intake) and, for a newly urgent comment, a sentiment
that is not neutral. Labels a person has corrected are never touched.

Comments are read in batches (one embedding batch each): a burst of arrivals queues one task
per comment, and the first tasks read the waiting comments a batch at a time, so the rest find
theirs done (#24 item 5).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from osallisuus.analysis import semantic
from osallisuus.analysis.models import LabelCorrection
from osallisuus.analysis.pipeline import analyse

from .models import Feedback
from .signals import announce_change

# Comments read in one go: one embedding batch and one transaction. A burst of arrivals is read
# this many at a time, whichever task of the burst the worker runs first.
BATCH = 64


def refine_labels(feedback_id: int) -> bool:
    """Apply the semantic tier to one item (and to others waiting); True when its labels
    changed."""
    return feedback_id in refine_waiting([feedback_id])


def refine_waiting(feedback_ids: list[int], *, batch: int = BATCH) -> set[int]:
    """Read `feedback_ids` again, and with them the oldest other comments still waiting for
    their second reading, up to `batch` in all, with one embedding batch; returns the ids whose
    labels changed. Items another worker is reading are skipped, not waited for."""
    if not semantic.available():
        return set()
    with transaction.atomic():
        waiting = Feedback.objects.select_for_update(skip_locked=True).filter(
            second_reading_pending=True
        )
        items = list(waiting.filter(pk__in=feedback_ids).order_by("pk")[:batch])
        if len(items) < batch:
            others = waiting.exclude(text="").exclude(pk__in=feedback_ids).order_by("pk")
            items += list(others[: batch - len(items)])
        if not items:
            return set()
        Feedback.objects.filter(pk__in=[item.pk for item in items]).update(
            second_reading_pending=False
        )
        corrected = set(
            LabelCorrection.objects.filter(feedback_id__in=[item.pk for item in items]).values_list(
                "feedback_id", flat=True
            )
        )
        # A person has decided the labels of a corrected item; an item without text has none.
        items = [item for item in items if item.text and item.pk not in corrected]
        lexicon = [analyse(item.text, lang_hint=item.language or None) for item in items]
        changed = [
            item
            for item, refined in zip(items, semantic.refine(lexicon), strict=True)
            if _apply(item, refined)
        ]
        if changed:
            announce_change([item.pk for item in changed])
    return {item.pk for item in changed}


def _apply(feedback: Feedback, refined: Any) -> bool:
    """Store the second reading's labels; True when they changed."""
    themes, sentiment = list(refined.themes), refined.sentiment
    urgent = feedback.urgent or refined.urgent
    uncertain = list(refined.uncertain)
    if (themes, sentiment, urgent, uncertain) == (
        feedback.themes,
        feedback.sentiment,
        feedback.urgent,
        feedback.uncertain_themes,
    ):
        return False
    newly_urgent = urgent and not feedback.urgent
    feedback.themes, feedback.sentiment, feedback.urgent = themes, sentiment, urgent
    feedback.uncertain_themes = uncertain
    feedback.save(update_fields=["themes", "sentiment", "urgent", "uncertain_themes"])
    if newly_urgent:
        from .services import _alert_managers  # here: services imports this module

        _alert_managers(feedback)
    return True


def refine_arrived_feedback(
    sender: Any, *, feedback_ids: list[int], arrived: bool = False, **kwargs: Any
) -> None:
    """Receiver of `feedback_changed` (delivered in the task worker): new items get their
    second reading, in batches with whatever else is waiting. Web processes only queue the
    delivery and never load the model."""
    if arrived and semantic.available():
        refine_waiting(feedback_ids)
