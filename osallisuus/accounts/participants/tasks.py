"""Background work of participant accounts: removing those never verified."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django_tasks import task

from .services import remove_unverified_accounts


@task()
def remove_unverified_accounts_task() -> dict[str, Any]:
    """The same as `manage.py remove_unverified_accounts`, for the task queue (run daily)."""
    return asdict(remove_unverified_accounts())
