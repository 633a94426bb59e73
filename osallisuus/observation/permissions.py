"""Who may do what with observation visits (#17 item 4).

Coordinators keep the templates and plan visits; the visit's observers (experts on a started
quality-monitor assignment) write its findings and send its report; the unit's manager answers
each finding. Everyone else who may see a visit reads it (selectors.visits_visible_to); a visit
outside one's scope is "not found".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules

from osallisuus.accounts.permissions import (
    is_coordinator_or_admin,
    is_expert,
    is_feedback_handler,
)
from osallisuus.accounts.selectors import managed_units

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser

QUALITY_MONITOR = "quality_monitor"


@rules.predicate
def is_observer(user: MaybeUser, visit: Any) -> bool:
    """One of the visit's observers (a finding: of its visit)."""
    visit = getattr(visit, "visit", visit)
    if visit is None or getattr(user, "pk", None) is None:
        return False
    return bool(visit.observers.filter(pk=user.pk).exists())


@rules.predicate
def is_planned(user: MaybeUser, visit: Any) -> bool:
    """Findings are written until the report is sent."""
    return visit is not None and visit.status == "planned"


@rules.predicate
def manages_unit_of(user: MaybeUser, finding: Any) -> bool:
    """The manager of the visited unit (directly or through the whole service)."""
    if finding is None or not user.is_authenticated:
        return False
    return bool(managed_units(user).filter(pk=finding.visit.unit_id).exists())


@rules.predicate
def is_reported(user: MaybeUser, finding: Any) -> bool:
    return finding is not None and finding.visit.status == "reported"


@rules.predicate
def observes_a_follow_up(user: MaybeUser, finding: Any) -> bool:
    """An observer of a later visit that follows up the finding's visit."""
    if finding is None or getattr(user, "pk", None) is None:
        return False
    return bool(finding.visit.follow_ups.filter(observers=user).exists())


# The visits page: the pool's experts (their own visits), the units' handlers (their units'
# reported visits) and county-wide coordinators.
rules.add_perm("observation.view_visits", is_coordinator_or_admin | is_expert | is_feedback_handler)
rules.add_perm("observation.keep_templates", is_coordinator_or_admin)
rules.add_perm("observation.plan_visit", is_coordinator_or_admin)
rules.add_perm("observation.write_findings", is_planned & (is_observer | is_coordinator_or_admin))
rules.add_perm("observation.send_report", is_planned & (is_observer | is_coordinator_or_admin))
# The unit answers each finding once the report has reached it (an "act now" finding at once).
rules.add_perm("observation.answer_finding", manages_unit_of | is_coordinator_or_admin)
rules.add_perm(
    "observation.close_finding", is_reported & (manages_unit_of | is_coordinator_or_admin)
)
rules.add_perm(
    "observation.record_change", is_reported & (observes_a_follow_up | is_coordinator_or_admin)
)
