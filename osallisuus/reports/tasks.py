"""Roll-up refreshes run as background tasks, so a giver's intake request pays one queue insert."""

from __future__ import annotations

from django_tasks import task


@task()
def refresh_rollup_task(feedback_id: int) -> None:
    """Bring the roll-ups up to date with one feedback item (idempotent: applies the difference)."""
    from .services import refresh_feedback_rollup

    refresh_feedback_rollup(feedback_id)
