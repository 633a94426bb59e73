"""Domain signals of feedback, so readers such as reports stay current without coupling.

`feedback_changed` is sent after anything that changes what an item counts for (intake, a
handling step, corrected labels, a button-mashing flag). Receivers get `feedback_ids` and
`arrived` (True for items that have just come in). They run in the background task worker:
`announce_change` queues one delivery task inside the caller's transaction, so an intake pays
one queue row for all its follow-up work (roll-ups, the second reading of its text), and the
work is queued if and only if the change commits.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.dispatch import Signal
from django_tasks import task

from osallisuus.task_queue import enqueue_with_transaction

feedback_changed = Signal()


def announce_change(feedback_ids: Iterable[int], *, arrived: bool = False) -> None:
    """Queue the receivers' work for these items, to run once the current transaction commits."""
    ids = list(feedback_ids)
    if ids:
        enqueue_with_transaction(deliver_change_task, ids, arrived)


def deliver_change(feedback_ids: list[int], arrived: bool) -> None:
    """Run every receiver; one failing does not stop the others, and the first error is raised
    afterwards so the task is recorded as failed (and logged by send_robust)."""
    outcomes = feedback_changed.send_robust(
        sender="feedback", feedback_ids=feedback_ids, arrived=arrived
    )
    for _receiver, outcome in outcomes:
        if isinstance(outcome, Exception):
            raise outcome


@task()
def deliver_change_task(feedback_ids: list[int], arrived: bool) -> None:
    deliver_change(feedback_ids, arrived)
