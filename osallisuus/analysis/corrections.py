"""Label corrections: record what staff changed, and turn the corrections into gold data.

The feedback app calls `record_correction` when a person corrects an item's themes,
sentiment or urgency; `gold_lines` writes the latest labels of each corrected item in the
format of `../shared/data/feedback-dev.jsonl`, ready for `evaluate_text --gold`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.utils import timezone

from .models import LabelCorrection
from .taxonomy import load_sentiments, theme_ids

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


class CorrectionError(ValueError):
    """The corrected labels are not in the taxonomy, or nothing changed."""


@dataclass(frozen=True, slots=True)
class Labels:
    """The labels the analysis gives one comment, or a person corrected them to."""

    themes: tuple[str, ...]
    sentiment: str
    urgent: bool

    def normalised(self) -> Labels:
        """Themes in taxonomy order without repeats, so equal label sets compare equal."""
        order = {theme: index for index, theme in enumerate(theme_ids())}
        themes = tuple(sorted(set(self.themes), key=lambda theme: order.get(theme, len(order))))
        return Labels(themes=themes, sentiment=self.sentiment, urgent=self.urgent)


def check_labels(labels: Labels) -> None:
    """Raise CorrectionError for a theme or sentiment the taxonomy does not know."""
    unknown = set(labels.themes) - set(theme_ids())
    if unknown:
        raise CorrectionError(f"unknown themes: {sorted(unknown)}")
    if labels.sentiment and labels.sentiment not in load_sentiments():
        raise CorrectionError(f"unknown sentiment: {labels.sentiment}")


def record_correction(
    *, feedback_id: int, by: User, text: str, lang: str, before: Labels, after: Labels
) -> LabelCorrection:
    """Store one correction (who, when, before and after); raise if nothing changed."""
    before, after = before.normalised(), after.normalised()
    check_labels(after)
    if before == after:
        raise CorrectionError("nothing changed")
    return LabelCorrection.objects.create(
        feedback_id=feedback_id,
        by=by,
        at=timezone.now(),
        text=text,
        lang=lang,
        themes_before=list(before.themes),
        themes_after=list(after.themes),
        sentiment_before=before.sentiment,
        sentiment_after=after.sentiment,
        urgent_before=before.urgent,
        urgent_after=after.urgent,
    )


def latest_corrections(corrections: QuerySet[LabelCorrection]) -> list[LabelCorrection]:
    """The last correction of each item: its labels are the item's labels now."""
    latest: dict[int, LabelCorrection] = {}
    for correction in corrections.order_by("at", "pk"):
        latest[correction.feedback_id] = correction
    return sorted(latest.values(), key=lambda c: c.feedback_id)


def gold_id(correction: LabelCorrection) -> str:
    """A stable id that says where the line came from without the giver's reply code."""
    return f"feedback-{correction.feedback_id}"


def gold_lines(corrections: Iterable[LabelCorrection]) -> Iterator[dict[str, Any]]:
    """One evaluation line per correction, in the dev-sample format (redacted text, no PII)."""
    for correction in corrections:
        yield {
            "id": gold_id(correction),
            "text": correction.text,
            "lang": correction.lang,
            "themes": list(correction.themes_after),
            "sentiment": correction.sentiment_after,
            "urgent": correction.urgent_after,
            # The text is already redacted, so there is nothing left for the PII check to find.
            "pii": [],
        }
