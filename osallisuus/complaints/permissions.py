"""Who may do what with objections, flags and the route texts.

Objection records are read and handled by complaints officers only (county-wide): no other
staff role, however wide, sees a sender's name, address or words here (#18). Route texts are
county content that coordinators and administrators keep; the handler of a flagged feedback
item decides its route.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules

from osallisuus.accounts.models import Role
from osallisuus.accounts.permissions import is_coordinator_or_admin
from osallisuus.accounts.selectors import roles_of

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser


@rules.predicate
def is_complaints_officer(user: MaybeUser) -> bool:
    return Role.COMPLAINTS_OFFICER in roles_of(user)


@rules.predicate
def handles_flagged_feedback(user: MaybeUser, flag: Any) -> bool:
    return flag is not None and user.has_perm("feedback.handle_feedback", flag.feedback)


rules.add_perm("complaints.handle_complaints", is_complaints_officer)
rules.add_perm("complaints.decide_flag", handles_flagged_feedback)
rules.add_perm("complaints.view_overdue_flags", is_coordinator_or_admin)
rules.add_perm("complaints.edit_route_texts", is_coordinator_or_admin)

# Admin screens: route texts, the objection settings and the holiday calendar, kept by
# coordinators (a holiday entered by mistake can be deleted).
rules.add_perm("complaints", is_coordinator_or_admin)
rules.add_perm("complaints.delete_holiday", is_coordinator_or_admin)
for _model in ("routetext", "objectionpolicy", "holiday"):
    rules.add_perm(f"complaints.view_{_model}", is_coordinator_or_admin)
    rules.add_perm(f"complaints.change_{_model}", is_coordinator_or_admin)
    rules.add_perm(f"complaints.add_{_model}", is_coordinator_or_admin)
