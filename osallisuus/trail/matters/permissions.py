"""Who may see, manage and decide a matter (#15 item 3).

Managing is for the carrier, the one who opened it, staff of its unit or service, coordinators
and administrators. Deciding is for a member of the target body, the target office-holder, or a
coordinator recording on their behalf. Decision makers see the matters brought to them with the
linked inputs as redacted excerpts only; every other matter is "not found" to them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules

from osallisuus.accounts.permissions import (
    is_coordinator_or_admin,
    is_feedback_handler,
    is_staff_member,
)
from osallisuus.accounts.selectors import units_handled_by

from ..models import Matter

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser


def _pk(user: MaybeUser) -> Any:
    return getattr(user, "pk", None)


@rules.predicate
def manages_matter(user: MaybeUser, matter: Matter | None) -> bool:
    """The carrier, its opener, staff handling its unit (or a unit of its service)."""
    if matter is None or not user.is_authenticated:
        return False
    if _pk(user) in (matter.carrier_id, matter.created_by_id):
        return True
    if not is_feedback_handler(user):
        return False
    handled = units_handled_by(user)
    if matter.unit_id is not None:
        return handled.filter(pk=matter.unit_id).exists()
    if matter.service_id is not None:
        return handled.filter(service=matter.service_id).exists()
    return False


@rules.predicate
def decides_matter(user: MaybeUser, matter: Matter | None) -> bool:
    """A member of the target body, or the target office-holder."""
    if matter is None or not user.is_authenticated:
        return False
    if matter.target_person_id is not None and matter.target_person_id == _pk(user):
        return True
    body = matter.target_body
    return body is not None and body.members.filter(pk=_pk(user)).exists()


can_manage_matter = is_coordinator_or_admin | manages_matter
can_decide_matter = is_coordinator_or_admin | decides_matter

rules.add_perm("trail.view_matter_list", is_staff_member)
rules.add_perm("trail.open_matter", rules.is_authenticated)
rules.add_perm("trail.add_matter", is_feedback_handler)
rules.add_perm("trail.see_matter", can_manage_matter | decides_matter)
rules.add_perm("trail.manage_matter", can_manage_matter)
rules.add_perm("trail.decide_matter", can_decide_matter)
rules.add_perm("trail.view_decision_bodies", is_staff_member)
