"""Reads of the audit log, for administrators."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from .models import AccessLog


def access_log(
    *,
    actor_username: str = "",
    object_type: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AccessLog]:
    entries = AccessLog.objects.select_related("actor").order_by("-at")
    if actor_username:
        entries = entries.filter(actor__username=actor_username)
    if object_type:
        entries = entries.filter(object_type=object_type)
    if since:
        entries = entries.filter(at__date__gte=since)
    if until:
        entries = entries.filter(at__date__lte=until)
    return entries
