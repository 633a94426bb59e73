"""Reads of the trail shared by every input kind: what became of one input, and whether it
carries an effect."""

from __future__ import annotations

import datetime
import statistics
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from osallisuus.reports.selectors import min_group

from . import kinds
from .matters.selectors import undecided_past_limit
from .models import Action, Decision, InputLink, Matter, TrailEvent

# A link that carries an effect (seed 004): to an action that is done, to a matter that was
# decided, or to an action that a decided matter took up. The one definition behind
# has_effect() (the closing rule) and the trail figures.
EFFECT = (
    Q(action__status=Action.Status.DONE)
    | Q(matter__decision__isnull=False)
    | Q(action__matters__decision__isnull=False)
)

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
    """The input carries a recorded effect on the trail (EFFECT; seed 004: an effect, or
    reasons why not)."""
    return InputLink.objects.filter(EFFECT, kind=kind, object_id=pk).exists()


# --- Trail figures (per unit, service or county, and per input kind) ---------------------------


def share(part: int, whole: int) -> int | None:
    """A whole-number percentage, hidden below the smallest group shown anywhere."""
    if whole < min_group() or whole == 0:
        return None
    return round(100 * part / whole)


@dataclass(frozen=True)
class KindFigures:
    kind: str
    label: str
    # Inputs of this kind given in the scope and period.
    inputs: int
    # ... of which carry a recorded effect (EFFECT).
    with_outcome: int
    # ... of which are linked to any action or matter, and of those whose givers were told of
    # a step after the link was made.
    linked: int
    told: int
    # Days from the input to the first decision on a matter it reached (directly or through
    # an action the matter took up); None when fewer decided inputs than the smallest group.
    median_days_to_decision: float | None

    @property
    def outcome_share(self) -> int | None:
        return share(self.with_outcome, self.inputs)

    @property
    def told_share(self) -> int | None:
        return share(self.told, self.linked)


@dataclass(frozen=True)
class TrailFigures:
    kinds: list[KindFigures]
    # Matters of the scope carried too long ago and still undecided (MATTER_UNDECIDED_DAYS).
    matters_undecided_past_limit: int

    @property
    def any_inputs(self) -> bool:
        return any(figures.inputs for figures in self.kinds)


def _told_step() -> Exists:
    """A step of the link's action or matter that was told to givers after the link was made."""
    return Exists(
        TrailEvent.objects.filter(
            Q(action=OuterRef("action")) | Q(matter=OuterRef("matter")),
            givers_told__gt=0,
            at__gte=OuterRef("linked_at"),
        )
    )


def _days_to_decision(
    kind: kinds.InputKind, links: QuerySet[InputLink], *, placed: bool
) -> list[int]:
    """For each input that reached a decision (on a matter it is linked to, or on a matter that
    took up its action), the days from the input to the first such decision. The input's day
    is its link's place where the kind keeps places, else the kind's summary's date."""
    direct, through_action = "matter__decision__decided_on", "action__matters__decision__decided_on"
    decided: dict[int, datetime.date] = {}
    given: dict[int, datetime.date] = {}
    rows = links.filter(
        Q(**{f"{direct}__isnull": False}) | Q(**{f"{through_action}__isnull": False})
    )
    for object_id, given_on, *days in rows.values_list(
        "object_id", "given_on", direct, through_action
    ):
        if placed:
            given[object_id] = given_on
        for day in days:
            if day is not None:
                decided[object_id] = min(day, decided.get(object_id, day))
    if not placed and decided:
        given = {item.pk: item.date for item in kind.summaries(decided)}
    return [(decided[pk] - day).days for pk, day in given.items() if pk in decided]


def _received_count(
    kind: kinds.InputKind, units: QuerySet[Any], start: datetime.date, end: datetime.date
) -> int:
    count = getattr(kind, "received_count", None)
    if count is not None:
        return int(count(units, start, end))
    return int(kind.received_ids(units, start, end).count())


def _kind_figures(
    kind: kinds.InputKind, units: QuerySet[Any], start: datetime.date, end: datetime.date
) -> KindFigures:
    placed = hasattr(kind, "places")
    links = InputLink.objects.filter(kind=kind.name)
    if placed:
        # The links' own places (kinds.py): a unit's links, never every input of the period.
        links = links.filter(unit__in=units, given_on__gte=start, given_on__lte=end)
    else:
        links = links.filter(object_id__in=kind.received_ids(units, start, end))
    counts = links.aggregate(
        linked=Count("object_id", distinct=True),
        with_outcome=Count("object_id", filter=EFFECT, distinct=True),
        told=Count("object_id", filter=Q(_told_step()), distinct=True),
    )
    days = _days_to_decision(kind, links, placed=placed) if counts["with_outcome"] else []
    return KindFigures(
        kind=kind.name,
        label=kind.label(),
        inputs=_received_count(kind, units, start, end),
        with_outcome=counts["with_outcome"],
        linked=counts["linked"],
        told=counts["told"],
        median_days_to_decision=statistics.median(days) if len(days) >= min_group() else None,
    )


def trail_figures(
    *, units: QuerySet[Any], start: datetime.date, end: datetime.date, county_wide: bool = False
) -> TrailFigures:
    """How far the inputs given at `units` from `start` to `end` got along the trail, per kind.

    Matters count for the scope when they belong to one of the units or to a service of one;
    `county_wide` counts every matter, also those of no unit or service.
    """
    matters = Matter.objects.filter(undecided_past_limit())
    if not county_wide:
        matters = matters.filter(Q(unit__in=units) | Q(service__in=units.values("service")))
    return TrailFigures(
        kinds=[_kind_figures(kind, units, start, end) for kind in kinds.input_kinds()],
        matters_undecided_past_limit=matters.count(),
    )
