"""Who may see and handle actions.

Handlers (staff and unit managers of the action's unit or service, coordinators and
administrators) plan, change and link; decision makers read every action with redacted
excerpts of its inputs only, never a giver's words or contact details.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules

from osallisuus.accounts.permissions import (
    is_coordinator_or_admin,
    is_decision_maker,
    is_feedback_handler,
    is_staff_member,
)

from .selectors import action_in_handling_scope

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser


@rules.predicate
def handles_action(user: MaybeUser, action: Any) -> bool:
    return action is not None and action_in_handling_scope(user, action)


# The list of actions and one action's page: handlers in scope, and decision makers read-only.
rules.add_perm("trail.view_actions", is_staff_member)
rules.add_perm("trail.view_action", handles_action | is_decision_maker | is_coordinator_or_admin)
# Planning an action and linking inputs to it: those who handle inputs, never decision makers.
rules.add_perm("trail.add_action", is_feedback_handler)
rules.add_perm("trail.manage_action", is_feedback_handler & handles_action)
# An action for the whole county (neither a unit nor a service): county-wide roles only.
rules.add_perm("trail.plan_county_action", is_coordinator_or_admin)
