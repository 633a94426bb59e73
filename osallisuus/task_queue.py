"""Queue a background task so that it runs exactly when the current transaction commits.

With the database task backend (django-tasks-db, the production set-up) the task row is written
inside the caller's transaction: a transactional outbox. It commits or rolls back together with
the data it is about, so a process that dies between the commit and the enqueue loses nothing,
and the request pays one INSERT in its open transaction instead of a transaction of its own
after the commit. The worker cannot see the row before the commit, so it never reads data that
is not there yet. Other backends (and a task table on another database) get the task after the
commit, as `transaction.on_commit` gives it.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import DEFAULT_DB_ALIAS, router, transaction
from django_tasks.base import Task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult


def enqueue_with_transaction(
    task: Task[Any, Any], *args: Any, using: str = DEFAULT_DB_ALIAS
) -> None:
    """Queue `task(*args)` to run if, and once, the transaction on `using` commits."""
    if isinstance(task.get_backend(), DatabaseBackend) and (
        router.db_for_write(DBTaskResult) == using
    ):
        task.enqueue(*args)
    else:
        transaction.on_commit(partial(task.enqueue, *args), using=using, robust=True)
