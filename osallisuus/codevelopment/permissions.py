"""Who may do what in co-development: create, run, take part, decide."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules

from osallisuus.accounts.models import Role
from osallisuus.accounts.permissions import is_administrator, is_coordinator_or_admin
from osallisuus.accounts.selectors import roles_of

from .models import GroupRole, Member, Project

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser

PROJECT_CREATORS = frozenset({Role.STAFF, Role.UNIT_MANAGER, Role.COORDINATOR, Role.ADMINISTRATOR})


@rules.predicate
def may_create_project(user: MaybeUser) -> bool:
    return bool(roles_of(user) & PROJECT_CREATORS)


def membership(user: MaybeUser, project: Project) -> Member | None:
    if not user.is_authenticated:
        return None
    return Member.objects.filter(project=project, user=user).first()


@rules.predicate
def can_manage(user: MaybeUser, project: Project) -> bool:
    """The facilitator runs the project; coordinators and administrators may step in."""
    if roles_of(user) & {Role.COORDINATOR, Role.ADMINISTRATOR}:
        return True
    member = membership(user, project)
    return member is not None and member.role == GroupRole.FACILITATOR


@rules.predicate
def can_participate(user: MaybeUser, project: Project) -> bool:
    """Group members (and whoever runs the project) write on boards and vote."""
    return membership(user, project) is not None or can_manage(user, project)


@rules.predicate
def can_decide(user: MaybeUser, project: Project) -> bool:
    """Only the decision maker named in the proposal records the decision."""
    return bool(project.decision_maker_id) and project.decision_maker_id == getattr(
        user, "pk", None
    )


def role_on_board(user: MaybeUser, project: Project) -> str:
    """The role recorded with a note: the member's role, or facilitator for those running it."""
    member = membership(user, project)
    return member.role if member else GroupRole.FACILITATOR


@rules.predicate
def wrote_note(user: MaybeUser, note: Any) -> bool:
    """Only a note's author edits its text."""
    return note is not None and note.author_id == getattr(user, "pk", None)


rules.add_perm("codevelopment.add_project", may_create_project)
rules.add_perm("codevelopment.manage_project", can_manage)
rules.add_perm("codevelopment.take_part", can_participate)
rules.add_perm("codevelopment.decide_project", can_decide)
rules.add_perm("codevelopment.edit_note", wrote_note)
rules.add_perm("codevelopment.view_project_list", rules.is_authenticated)
rules.add_perm("codevelopment", is_coordinator_or_admin)
rules.add_perm("codevelopment.delete_project", is_administrator)
