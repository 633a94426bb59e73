"""Reads of feedback: the public trail by reply code and the staff inbox."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from .models import Feedback


def feedback_by_reply_code(code: str) -> Feedback | None:
    return (
        Feedback.objects.select_related("unit")
        .prefetch_related("events", "replies")
        .filter(reply_code=code)
        .first()
    )


def inbox_for(
    user: Any,
    *,
    unit_id: int | None = None,
    status: str = "",
    channel: str = "",
    sentiment: str = "",
    theme: str = "",
    urgent: bool | None = None,
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[Feedback]:
    """Feedback in the user's scope, newest first, with the inbox filters applied."""
    items = Feedback.objects.visible_to(user).select_related("unit", "assigned_to")
    if unit_id:
        items = items.filter(unit_id=unit_id)
    if status:
        items = items.filter(status=status)
    if channel:
        items = items.filter(channel=channel)
    if sentiment:
        items = items.filter(sentiment=sentiment)
    if theme:
        items = items.filter(themes__icontains=f'"{theme}"')
    if urgent is not None:
        items = items.filter(urgent=urgent)
    if since:
        items = items.filter(received_at__date__gte=since)
    if until:
        items = items.filter(received_at__date__lte=until)
    return items.order_by("-urgent", "-received_at")


def access_feedback(*, user: Any, pk: int) -> Feedback:
    """Fetch and authorise in one call: 404 for feedback outside the user's scope."""
    feedback = (
        Feedback.objects.visible_to(user)
        .select_related("unit", "assigned_to", "question_set")
        .prefetch_related("answers__question", "events", "replies", "notes")
        .filter(pk=pk)
        .first()
    )
    if feedback is None:
        raise Http404
    return feedback
