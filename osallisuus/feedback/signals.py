"""Domain signals of feedback, so readers such as reports stay current without coupling.

`feedback_changed` is sent after anything that changes what an item counts for (intake, a
handling step, corrected labels, a button-mashing flag); receivers get `feedback_ids`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.dispatch import Signal

feedback_changed = Signal()


def announce_change(feedback_ids: Iterable[int]) -> None:
    """Tell receivers which items changed; they schedule their own work (e.g. after commit)."""
    ids = list(feedback_ids)
    if ids:
        feedback_changed.send(sender="feedback", feedback_ids=ids)
