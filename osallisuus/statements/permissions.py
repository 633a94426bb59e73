"""Who may do what with statements: a matter's preparer asks; an influence body's secretary or
chair flags a matter; only the asked group's secretary submits its statement; whoever manages
or decides the matter records how it was taken into account. Everyone reads public statements;
the rest is read by the matter's people and the group's members, and is "not found" to others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules

from osallisuus.accounts.permissions import is_feedback_handler
from osallisuus.dialogue.permissions import is_secretary_of, membership

from .models import StatementRequest

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser

# The groups that may flag a matter themselves: the § 32 influence bodies and the § 33
# language committees (Act 611/2021).
FLAGGING_KINDS = (
    "youth_council",
    "older_people_council",
    "disability_council",
    "language_committee",
    "sami_language_committee",
)
FLAGGING_ROLES = ("secretary", "chair")


def flagging_groups_of(user: MaybeUser) -> Any:
    """The influence bodies in which the user holds a current seat as secretary or chair."""
    from osallisuus.dialogue.selectors import public_groups

    if not user.is_authenticated or user.pk is None:
        return public_groups().none()
    return (
        public_groups()
        .filter(
            kind__in=FLAGGING_KINDS,
            members__user=user,
            members__left_on__isnull=True,
            members__role__in=FLAGGING_ROLES,
        )
        .distinct()
    )


@rules.predicate
def may_flag(user: MaybeUser) -> bool:
    return bool(flagging_groups_of(user).exists())


@rules.predicate
def may_flag_for(user: MaybeUser, group: Any) -> bool:
    member = membership(user, group)
    return member is not None and group.kind in FLAGGING_KINDS and member.role in FLAGGING_ROLES


@rules.predicate
def secretary_of_asked_group(user: MaybeUser, request: StatementRequest | None) -> bool:
    """A secretary's role is scoped to their own body: only its statements are theirs."""
    return request is not None and bool(is_secretary_of(user, request.group))


@rules.predicate
def handles_matter(user: MaybeUser, request: StatementRequest | None) -> bool:
    """The matter's preparer (who manages it) or its decision maker."""
    if request is None:
        return False
    return bool(
        user.has_perm("trail.manage_matter", request.matter)
        or user.has_perm("trail.decide_matter", request.matter)
    )


rules.add_perm("statements.request", is_feedback_handler)
rules.add_perm("statements.flag", may_flag)
rules.add_perm("statements.flag_for", may_flag_for)
rules.add_perm("statements.open_request", rules.is_authenticated)
rules.add_perm("statements.submit", secretary_of_asked_group)
rules.add_perm("statements.consider", handles_matter)
