"""Reads of matters, always scoped to who asks, and each matter's timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from osallisuus.accounts.models import Role
from osallisuus.accounts.selectors import roles_of, units_handled_by
from osallisuus.authorization import NotPermitted, require
from osallisuus.organisation.models import DecisionBody

from .. import kinds
from ..models import Action, Decision, InputLink, Matter, TrailEvent

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser, User


def matters_for(user: MaybeUser) -> QuerySet[Matter]:
    """The matters `user` may see: managed ones, and those brought to them to decide."""
    if not user.is_authenticated:
        return Matter.objects.none()
    matters = Matter.objects.select_related(
        "carrier", "target_body", "target_person", "unit", "service", "decision"
    ).order_by("-created_at", "-pk")
    if roles_of(user) & {Role.COORDINATOR, Role.ADMINISTRATOR}:
        return matters
    condition = (
        Q(carrier=user)
        | Q(created_by=user)
        | Q(target_person=user)
        | Q(target_body__in=DecisionBody.objects.filter(members=user).values("pk"))
    )
    if roles_of(user) & {Role.STAFF, Role.UNIT_MANAGER}:
        handled = units_handled_by(user)
        condition |= Q(unit__in=handled.values("pk")) | Q(service__in=handled.values("service"))
    return matters.filter(condition)


def undecided_cutoff(today: date | None = None) -> date:
    """Matters carried on or before this day and still undecided are flagged."""
    return (today or timezone.localdate()) - timedelta(days=settings.MATTER_UNDECIDED_DAYS)


def undecided_past_limit() -> Q:
    """Carried (or opened) too long ago and still undecided: the one definition of a flagged
    matter, for lists (with_flags) and figures alike."""
    cutoff = undecided_cutoff()
    decided = Decision.objects.filter(matter=OuterRef("pk"))
    return ~Q(Exists(decided)) & (
        Q(carried_on__lte=cutoff) | Q(carried_on__isnull=True, created_at__date__lte=cutoff)
    )


def with_flags(matters: QuerySet[Matter]) -> QuerySet[Matter]:
    """Annotate `has_decision`, and `is_overdue` (undecided_past_limit)."""
    decided = Decision.objects.filter(matter=OuterRef("pk"))
    return matters.annotate(has_decision=Exists(decided), is_overdue=undecided_past_limit())


def access_matter(*, user: User, pk: int, perm: str = "trail.see_matter") -> Matter:
    """The matter, if `user` may see it and holds `perm` for it; else "not found"."""
    matter = matters_for(user).filter(pk=pk).first()
    if matter is None:
        raise NotPermitted
    require(user, perm, matter)
    return matter


def decision_of(matter: Matter) -> Decision | None:
    try:
        return matter.decision
    except Decision.DoesNotExist:
        return None


def linked_inputs(matter: Matter, user: User) -> list[kinds.InputItem]:
    """The matter's inputs as `user` may see them: a manager through each kind's own
    visibility, a decision maker only as redacted excerpts (never a giver's identity)."""
    manager = user.has_perm("trail.manage_matter", matter)
    by_kind: dict[str, list[int]] = {}
    for kind_name, pk in InputLink.objects.filter(matter=matter).values_list("kind", "object_id"):
        by_kind.setdefault(kind_name, []).append(pk)
    items: list[kinds.InputItem] = []
    for kind_name, pks in by_kind.items():
        try:
            kind = kinds.input_kind(kind_name)
        except kinds.UnknownKindError:
            continue
        items.extend(kind.items(pks, user) if manager else kind.summaries(pks))
    return sorted(items, key=lambda item: (item.date, item.pk))


@dataclass(frozen=True)
class Timeline:
    """A matter's way: inputs → carried → on the agenda → decided → actions done → told."""

    inputs: list[kinds.InputItem]
    events: list[TrailEvent]
    decision: Decision | None
    actions: list[Action]
    actions_done: int
    givers_told: int


def timeline(matter: Matter, user: User) -> Timeline:
    events = list(
        TrailEvent.objects.filter(matter=matter).select_related("by").order_by("at", "pk")
    )
    actions = list(matter.actions.order_by("pk"))
    told = TrailEvent.objects.filter(matter=matter).aggregate(total=Sum("givers_told"))
    return Timeline(
        inputs=linked_inputs(matter, user),
        events=events,
        decision=decision_of(matter),
        actions=actions,
        actions_done=sum(action.status == Action.Status.DONE for action in actions),
        givers_told=told["total"] or 0,
    )


def decision_bodies() -> QuerySet[DecisionBody]:
    """The register of the county's decision-making bodies, active ones."""
    return DecisionBody.objects.filter(active=True).prefetch_related("services", "members")


def actions_for(user: MaybeUser) -> QuerySet[Action]:
    """Actions a matter may be linked to by `user`: their own and their units' ones."""
    if roles_of(user) & {Role.COORDINATOR, Role.ADMINISTRATOR}:
        return Action.objects.all()
    handled = units_handled_by(user)
    return Action.objects.filter(
        Q(owner=user)
        | Q(created_by=user)
        | Q(unit__in=handled.values("pk"))
        | Q(service__in=handled.values("service"))
    )


def matter_is_decided(matter: Matter | None) -> bool:
    """For other apps (co-development): the matter names its carrier and has a decision."""
    return matter is not None and matter.carrier_id is not None and decision_of(matter) is not None


def undecided_matters_of(body: DecisionBody) -> QuerySet[Matter]:
    """Matters carried (or opened) to `body` and still undecided, oldest first, flagged when
    undecided too long: what a briefing lists for the body's members."""
    since = Coalesce("carried_on", TruncDate("created_at"))
    return (
        with_flags(Matter.objects.filter(target_body=body))
        .filter(decision__isnull=True)
        .select_related("unit", "service")
        .annotate(waiting_since=since)
        .order_by("waiting_since", "pk")
    )
