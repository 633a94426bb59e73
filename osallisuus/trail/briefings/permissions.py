"""Who may read a briefing and take its items up (#15 item 6).

A body's members read its briefings and take items up; coordinators and administrators read
every body's. Everyone else, including a decision maker of another body, gets "not found".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import rules

from osallisuus.accounts.permissions import is_coordinator_or_admin, is_decision_maker

from ..models import Briefing

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser


@rules.predicate
def member_of_briefed_body(user: MaybeUser, briefing: Briefing | None) -> bool:
    if briefing is None or not user.is_authenticated:
        return False
    return briefing.body.members.filter(pk=user.pk).exists()


rules.add_perm("trail.view_briefings", is_decision_maker | is_coordinator_or_admin)
rules.add_perm("trail.see_briefing", is_coordinator_or_admin | member_of_briefed_body)
rules.add_perm("trail.take_up_briefing_item", member_of_briefed_body)
