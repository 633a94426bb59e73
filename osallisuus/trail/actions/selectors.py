"""Reads of actions: scoped lists, one action fetched and authorised, its linked inputs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.http import Http404

from osallisuus.accounts.models import Role, User
from osallisuus.accounts.selectors import roles_of, units_handled_by
from osallisuus.organisation.models import Service, Unit

from .. import kinds
from ..models import Action, InputLink, TrailEvent

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser

COUNTY_WIDE = frozenset({Role.COORDINATOR, Role.ADMINISTRATOR})


def _handled_scope(user: MaybeUser) -> Q:
    """Actions of the units the user handles, or of the services those units belong to."""
    units = units_handled_by(user)
    return Q(unit__in=units) | Q(service__in=units.values("service"))


def actions_visible_to(user: MaybeUser) -> QuerySet[Action]:
    """Every action the user may read: handlers in scope, county-wide roles all of them."""
    roles = roles_of(user)
    if roles & (COUNTY_WIDE | {Role.DECISION_MAKER}):
        return Action.objects.all()
    if roles & {Role.STAFF, Role.UNIT_MANAGER}:
        return Action.objects.filter(_handled_scope(user))
    return Action.objects.none()


def actions_managed_by(user: MaybeUser) -> QuerySet[Action]:
    """Actions the user may change and link inputs to (never a decision maker's)."""
    roles = roles_of(user)
    if roles & COUNTY_WIDE:
        return Action.objects.all()
    if roles & {Role.STAFF, Role.UNIT_MANAGER}:
        return Action.objects.filter(_handled_scope(user))
    return Action.objects.none()


def action_in_handling_scope(user: MaybeUser, action: Action) -> bool:
    return actions_managed_by(user).filter(pk=action.pk).exists()


def actions_for(user: MaybeUser, *, status: str = "") -> QuerySet[Action]:
    """The action list: open ones first by due date, then the rest, newest first."""
    items = actions_visible_to(user).select_related("owner", "unit", "service")
    if status:
        items = items.filter(status=status)
    return items.order_by("status", "due_date", "-created_at", "-pk")


def access_action(*, user: MaybeUser, pk: int) -> Action:
    """Fetch and authorise in one call: 404 outside the user's scope."""
    action = (
        actions_visible_to(user).select_related("owner", "unit", "service").filter(pk=pk).first()
    )
    if action is None:
        raise Http404
    return action


def units_for_actions(user: MaybeUser) -> QuerySet[Unit]:
    return units_handled_by(user).order_by("name_fi")


def services_for_actions(user: MaybeUser) -> QuerySet[Service]:
    if roles_of(user) & COUNTY_WIDE:
        return Service.objects.order_by("name_fi")
    return Service.objects.filter(units__in=units_handled_by(user)).distinct().order_by("name_fi")


def owner_candidates(user: MaybeUser) -> QuerySet[Any]:
    """Staff people who may own an action the user plans: handlers of the user's units, and
    coordinators (who own county-wide work)."""
    units = units_handled_by(user)
    scoped = (Role.STAFF, Role.UNIT_MANAGER)
    return (
        User.objects.filter(
            Q(role_assignments__role__in=scoped, role_assignments__unit__in=units)
            | Q(
                role_assignments__role__in=scoped,
                role_assignments__service__in=units.values("service"),
            )
            | Q(role_assignments__role=Role.COORDINATOR)
            | Q(pk=getattr(user, "pk", None), role_assignments__role__in=[*scoped, *COUNTY_WIDE]),
            is_active=True,
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


@dataclass(frozen=True)
class LinkedGroup:
    """The inputs of one kind linked to an action, as the reader may see them."""

    kind: str
    label: str
    items: list[kinds.InputItem]
    # Linked inputs the reader may not open (another unit's), counted but not shown.
    hidden: int


def linked_inputs(action: Action, user: User) -> list[LinkedGroup]:
    """Handlers see the items they may open (kind.items); decision makers only redacted
    excerpts (kind.summaries), never an item's page."""
    handler = action_in_handling_scope(user, action)
    by_kind: dict[str, list[int]] = {}
    for kind_name, pk in InputLink.objects.filter(action=action).values_list("kind", "object_id"):
        by_kind.setdefault(kind_name, []).append(pk)
    groups = []
    for kind_name, pks in sorted(by_kind.items()):
        try:
            kind = kinds.input_kind(kind_name)
        except kinds.UnknownKindError:
            continue
        if handler:
            items = kind.items(pks, user)
        else:
            items = [
                kinds.InputItem(**{**item.__dict__, "url": ""}) for item in kind.summaries(pks)
            ]
        groups.append(LinkedGroup(kind_name, kind.label(), items, len(pks) - len(items)))
    return groups


def timeline(action: Action) -> list[TrailEvent]:
    """The action's steps, oldest first, each with its status in words (`status_label`)."""
    labels = dict(Action.Status.choices)
    events = list(TrailEvent.objects.filter(action=action).order_by("at", "pk"))
    for event in events:
        event.status_label = labels.get(event.status, event.status)  # type: ignore[attr-defined]
    return events


def selected_inputs(user: User, refs: Iterable[tuple[str, int]]) -> list[kinds.InputItem]:
    """The chosen inputs the user may see (for the linking page); the rest are left out."""
    wanted: dict[str, list[int]] = {}
    for kind_name, pk in refs:
        wanted.setdefault(kind_name, []).append(pk)
    found: list[kinds.InputItem] = []
    for kind_name, pks in wanted.items():
        try:
            found.extend(kinds.input_kind(kind_name).items(pks, user))
        except kinds.UnknownKindError:
            continue
    return found


def parse_refs(values: Iterable[str]) -> list[tuple[str, int]]:
    """Inputs as posted by checkboxes ("feedback:12"); malformed ones are dropped."""
    refs = []
    for value in values:
        kind_name, _sep, pk = str(value).partition(":")
        if kind_name and pk.isdigit():
            refs.append((kind_name, int(pk)))
    return refs


def overdue_actions(*, service_ids: Iterable[int] | None, today: date) -> QuerySet[Action]:
    """Planned or running actions past their due date, oldest due first; limited to the
    services' actions and their units' ones when `service_ids` is given (a body's scope)."""
    actions = Action.objects.filter(
        status__in=(Action.Status.PLANNED, Action.Status.IN_PROGRESS), due_date__lt=today
    )
    if service_ids is not None:
        ids = list(service_ids)
        actions = actions.filter(Q(service__in=ids) | Q(unit__service__in=ids))
    return actions.select_related("unit", "service").order_by("due_date", "pk")
