"""Who may do what on the dialogue floor: everyone reads a group's public page; members read
drafts and take part; a group's secretary runs only their own group; coordinators run all."""

from __future__ import annotations

from typing import Any

import rules

from osallisuus.accounts.permissions import (
    is_administrator,
    is_coordinator_or_admin,
)

from .models import Group, Member, MemberRole


def membership(user: Any, group: Group | None) -> Member | None:
    """The user's current seat in the group, if they hold one through their account."""
    if group is None or not getattr(user, "is_authenticated", False) or user.pk is None:
        return None
    return group.members.filter(user=user, left_on__isnull=True).first()


@rules.predicate
def is_member(user: Any, group: Group | None) -> bool:
    return membership(user, group) is not None


@rules.predicate
def is_secretary_of(user: Any, group: Group | None) -> bool:
    """A secretary's role is scoped to one group: their own (Act 611/2021 § 32 bodies)."""
    member = membership(user, group)
    return member is not None and member.role == MemberRole.SECRETARY


can_run_group = is_coordinator_or_admin | is_secretary_of

rules.add_perm("dialogue.add_group", is_coordinator_or_admin)
rules.add_perm("dialogue.run_group", can_run_group)
rules.add_perm("dialogue.see_drafts", can_run_group | is_member)
# Contact details are for those who run the group; each look is audit-logged (selectors).
rules.add_perm("dialogue.view_contacts", can_run_group)
rules.add_perm("dialogue", is_coordinator_or_admin)
rules.add_perm("dialogue.view_group", is_coordinator_or_admin)
rules.add_perm("dialogue.change_group", is_coordinator_or_admin)
rules.add_perm("dialogue.add_member", is_coordinator_or_admin)
rules.add_perm("dialogue.view_member", is_coordinator_or_admin)
rules.add_perm("dialogue.change_member", is_coordinator_or_admin)
rules.add_perm("dialogue.delete_group", is_administrator)
