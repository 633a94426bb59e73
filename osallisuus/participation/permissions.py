"""Who may do what on one's own page (/oma/): everything there is the signed-in person's own.

There are no addresses for other people's things; the one object address (unlinking a piece of
feedback) is 404 for anyone but the person who linked it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules

from osallisuus.accounts.permissions import is_staff_member

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser


@rules.predicate
def is_the_account(user: MaybeUser, account: Any) -> bool:
    return account is not None and account.pk == getattr(user, "pk", None)


@rules.predicate
def linked_it(user: MaybeUser, feedback: Any) -> bool:
    """The person who linked the feedback to their account by its reply code."""
    return feedback is not None and feedback.linked_account_id == getattr(user, "pk", None)


# Any signed-in person has a page of their own, staff included (they may be group members).
rules.add_perm("participation.view_own_page", rules.is_authenticated)
rules.add_perm("participation.change_own_settings", rules.is_authenticated)
rules.add_perm("participation.link_feedback", rules.is_authenticated)
rules.add_perm("participation.unlink_feedback", linked_it)
# Only one's own account, and not one with a staff role: an administrator closes those (their
# roles, audit trail and handled feedback need someone to hand them over).
rules.add_perm("participation.close_account", is_the_account & ~is_staff_member)
