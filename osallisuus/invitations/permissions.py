"""Who may invite, and who may withdraw an invitation.

Inviting to a co-development group is for those who run the project (its facilitator;
coordinators and administrators may step in: codevelopment.manage_project). Inviting to apply
to the expert pool is for the pool's coordinator. Whoever may invite to a target may withdraw
its invitations, so a colleague can take over when the inviter is away.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser


@rules.predicate
def may_invite_to_group(user: MaybeUser, project: Any) -> bool:
    return project is not None and bool(user.has_perm("codevelopment.manage_project", project))


@rules.predicate
def may_invite_to_pool(user: MaybeUser) -> bool:
    return bool(user.has_perm("experts.coordinate_pool"))


@rules.predicate
def may_withdraw(user: MaybeUser, invitation: Any) -> bool:
    from .targets import target_kind, target_of

    if invitation is None:
        return False
    return bool(user.has_perm(target_kind(invitation.kind).permission, target_of(invitation)))


rules.add_perm("invitations.invite_to_group", may_invite_to_group)
rules.add_perm("invitations.invite_to_pool", may_invite_to_pool)
rules.add_perm("invitations.withdraw", may_withdraw)
