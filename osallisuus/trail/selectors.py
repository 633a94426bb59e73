"""Reads of the trail shared by every input kind: what became of one input, and whether it
carries an effect."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q

from .models import Action, Decision, InputLink, Matter, TrailEvent

_KIND_OF_EVENT = {
    TrailEvent.Kind.ACTION_CREATED: "action",
    TrailEvent.Kind.ACTION_STATUS: "action",
    TrailEvent.Kind.MATTER_CARRIED: "matter",
    TrailEvent.Kind.MATTER_ON_AGENDA: "matter",
    TrailEvent.Kind.DECISION: "decision",
}


@dataclass(frozen=True)
class Outcome:
    """One public step on the trail of an input, as its giver may read it."""

    at: datetime.datetime
    kind: str  # "action" | "matter" | "decision"
    status: str
    public_text: str
    # Decisions only (None otherwise): who decided, and why.
    decided_by: str | None
    reasons: str | None
    # For people: the step and the status in the active language.
    kind_label: str
    status_label: str


def _status_label(kind: str, status: str) -> str:
    choices = {"action": Action.Status, "decision": Decision.Outcome}.get(kind)
    if choices is not None and status in choices.values:
        return str(choices(status).label)
    return ""


def outcomes_for_input(kind: str, pk: int, language: str) -> list[Outcome]:
    """Every public step of the actions and matters the input is linked to (and of the matters
    that took up those actions), oldest first, with the public texts in `language` (or Finnish).

    Only public texts and a decision's recorded reasons: never internal notes, never who on the
    staff made the step.
    """
    links = InputLink.objects.filter(kind=kind, object_id=pk)
    action_ids = list(links.filter(action__isnull=False).values_list("action_id", flat=True))
    matter_ids = Matter.objects.filter(
        Q(pk__in=links.filter(matter__isnull=False).values("matter_id")) | Q(actions__in=action_ids)
    ).values("pk")
    events = (
        TrailEvent.objects.filter(Q(action__in=action_ids) | Q(matter__in=matter_ids))
        .exclude(public_text_fi="", public_text_sv="", public_text_en="")
        .select_related("matter__decision")
        .order_by("at", "pk")
    )
    outcomes = []
    for event in events:
        step = _KIND_OF_EVENT.get(TrailEvent.Kind(event.kind), "action")
        decision = getattr(event.matter, "decision", None) if step == "decision" else None
        status = event.status or (decision.outcome if decision is not None else "")
        outcomes.append(
            Outcome(
                at=event.at,
                kind=step,
                status=status,
                public_text=event.public_text(language),
                decided_by=decision.decided_by if decision is not None else None,
                reasons=decision.reasons if decision is not None else None,
                kind_label=str(event.get_kind_display()),
                status_label=_status_label(step, status),
            )
        )
    return outcomes


def has_effect(kind: str, pk: int) -> bool:
    """The input carries a recorded effect on the trail: a linked action that is done, or a
    linked matter that has been decided (seed 004: an effect, or reasons why not)."""
    return (
        InputLink.objects.filter(kind=kind, object_id=pk)
        .filter(Q(action__status=Action.Status.DONE) | Q(matter__decision__isnull=False))
        .exists()
    )
