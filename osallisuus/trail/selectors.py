"""Reads of the trail shared by every input kind."""

from __future__ import annotations

from django.db.models import Q

from .models import Action, InputLink


def has_effect(kind: str, pk: int) -> bool:
    """The input carries a recorded effect on the trail: a linked action that is done, or a
    linked matter that has been decided (seed 004: an effect, or reasons why not)."""
    return (
        InputLink.objects.filter(kind=kind, object_id=pk)
        .filter(Q(action__status=Action.Status.DONE) | Q(matter__decision__isnull=False))
        .exists()
    )
