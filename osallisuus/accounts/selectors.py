"""Reads about who a user is: roles and the units in their scope."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.http import Http404

from osallisuus.organisation.models import Unit

from .models import STAFF_ROLES, UNIT_SCOPED_ROLES, ApiToken, Role, RoleAssignment

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser, User


def roles_of(user: MaybeUser) -> frozenset[str]:
    """The user's roles, cached on the user object for the rest of the request."""
    if not user.is_authenticated:
        return frozenset()
    cached: frozenset[str] | None = getattr(user, "_osallisuus_roles", None)
    if cached is None:
        cached = frozenset(RoleAssignment.objects.filter(user=user).values_list("role", flat=True))
        if user.is_superuser:
            cached = cached | {Role.ADMINISTRATOR}
        user._osallisuus_roles = cached
    return cached


def needs_two_factor(user: MaybeUser) -> bool:
    return bool(roles_of(user) & STAFF_ROLES)


def _assigned_units(assignments: QuerySet[RoleAssignment]) -> QuerySet[Unit]:
    """The units the assignments cover: a unit, every unit of a service or of a producer."""
    return Unit.objects.filter(
        Q(pk__in=assignments.filter(unit__isnull=False).values("unit"))
        | Q(service__in=assignments.filter(service__isnull=False).values("service"))
        | Q(producer__in=assignments.filter(producer__isnull=False).values("producer"))
    )


def sees_whole_county(user: MaybeUser) -> bool:
    """Roles whose figures and lists span the whole county rather than some units."""
    return bool(roles_of(user) & {Role.COORDINATOR, Role.ADMINISTRATOR, Role.DECISION_MAKER})


def units_in_scope(user: MaybeUser) -> QuerySet[Unit]:
    """Units whose data the user may see: all for county-wide roles, own units for staff and
    unit managers, the producer's units for the producer's contact."""
    if not user.is_authenticated:
        return Unit.objects.none()
    roles = roles_of(user)
    if sees_whole_county(user):
        return Unit.objects.all()
    if not roles & UNIT_SCOPED_ROLES:
        return Unit.objects.none()
    return _assigned_units(RoleAssignment.objects.filter(user=user, role__in=UNIT_SCOPED_ROLES))


def units_handled_by(user: MaybeUser) -> QuerySet[Unit]:
    """Units whose feedback, with the giver's words and contact details, the user may handle.

    Staff and unit managers: their own units; the producer's contact: the producer's units
    (the feedback is returned to the parties concerned, seed 000); coordinators and
    administrators: every unit.
    Decision makers none: they see figures, briefings and published or redacted text only.
    """
    roles = roles_of(user)
    if roles & {Role.COORDINATOR, Role.ADMINISTRATOR}:
        return Unit.objects.all()
    return units_in_scope(user) if roles & UNIT_SCOPED_ROLES else Unit.objects.none()


def managed_units(user: MaybeUser) -> QuerySet[Unit]:
    """Units where the user is the unit manager (directly or through the whole service)."""
    if not user.is_authenticated:
        return Unit.objects.none()
    return _assigned_units(RoleAssignment.objects.filter(user=user, role=Role.UNIT_MANAGER))


def managers_of(unit: Unit) -> QuerySet[Any]:
    """The people who manage a unit: they are told at once about urgent feedback."""
    from .models import User

    return User.objects.filter(
        Q(role_assignments__role=Role.UNIT_MANAGER, role_assignments__unit=unit)
        | Q(role_assignments__role=Role.UNIT_MANAGER, role_assignments__service=unit.service_id),
        is_active=True,
    ).distinct()


def parties_concerned(units: Iterable[Unit]) -> QuerySet[Any]:
    """The parties concerned of the units (seed 000's "asianosaiset"): their managers and their
    producers' contacts, active accounts only; they are told of every public step on the trail."""
    from .models import User

    units = list(units)
    if not units:
        return User.objects.none()
    unit_ids = [unit.pk for unit in units]
    service_ids = {unit.service_id for unit in units}
    producer_ids = {unit.producer_id for unit in units}
    return User.objects.filter(
        Q(role_assignments__role=Role.UNIT_MANAGER, role_assignments__unit__in=unit_ids)
        | Q(role_assignments__role=Role.UNIT_MANAGER, role_assignments__service__in=service_ids)
        | Q(
            role_assignments__role=Role.PRODUCER_CONTACT,
            role_assignments__producer__in=producer_ids,
        )
        | Q(role_assignments__role=Role.PRODUCER_CONTACT, role_assignments__unit__in=unit_ids),
        is_active=True,
    ).distinct()


def people_with_role(*roles: str) -> QuerySet[Any]:
    """Active accounts holding any of `roles` (a carrier, a body's members), by name."""
    from .models import User

    return (
        User.objects.filter(role_assignments__role__in=roles, is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def api_tokens_of(user: User) -> QuerySet[ApiToken]:
    """A person's own API tokens, newest first, revoked and expired ones included."""
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def access_own_api_token(*, user: User, pk: int) -> ApiToken:
    """One of the user's own tokens; anyone else's is 404, as if it did not exist."""
    token = api_tokens_of(user).filter(pk=pk).first()
    if token is None:
        raise Http404
    return token


def usable_api_token(key_hash: str) -> ApiToken | None:
    """The token with this hashed secret, if it still opens the API, with its owner."""
    return ApiToken.objects.usable().select_related("user").filter(key_hash=key_hash).first()


def landing_url_name(user: MaybeUser) -> str:
    """Where a person lands after signing in without a page to return to: their work."""
    roles = roles_of(user)
    if roles & {Role.STAFF, Role.UNIT_MANAGER, Role.ADMINISTRATOR}:
        return "feedback:inbox"
    if roles & {Role.COORDINATOR, Role.DECISION_MAKER}:
        return "reports:county"  # the county-wide overview
    if Role.EXPERT in roles:
        return "experts:mine"
    return "participation:home"
