"""Record staff access to personal data. Call it wherever such data is shown or exported."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from .models import AccessLog

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

# What was done to the data, for callers of record_access (view, change, export...).
Action = AccessLog.Action


def record_access(
    *,
    actor: User,
    obj: models.Model,
    action: str = AccessLog.Action.VIEW,
    reason: str = "",
    path: str = "",
) -> AccessLog:
    """Append one entry: who did what to which object (by type and id, never its content)."""
    return AccessLog.objects.create(
        actor=actor,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        reason=reason[:300],
        path=path[:300],
    )


def record_bulk_access(
    *, actor: User, model_label: str, object_ids: list[str], action: str, path: str = ""
) -> None:
    """Append one entry per object, e.g. for an export of many records."""
    AccessLog.objects.bulk_create(
        AccessLog(actor=actor, action=action, object_type=model_label, object_id=oid, path=path)
        for oid in object_ids
    )
