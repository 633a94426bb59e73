"""Who may do what in the pool: coordinators run it; any staff member may ask for experts.

Lived-experience data is seen only by the person and by participation coordinators
(administrators maintain registers but do not read profiles).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules

from osallisuus.accounts.permissions import is_coordinator, is_coordinator_or_admin, is_staff_member

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser


@rules.predicate
def requested_it(user: MaybeUser, request: Any) -> bool:
    return request is not None and request.requested_by_id == getattr(user, "pk", None)


@rules.predicate
def is_the_expert(user: MaybeUser, assignment: Any) -> bool:
    """The person doing the assignment (their own contract, claims and feedback)."""
    return assignment is not None and assignment.profile.user_id == getattr(user, "pk", None)


@rules.predicate
def holds_profile(user: MaybeUser, profile: Any) -> bool:
    """The person whose profile it is (closing their account erases it)."""
    return profile is not None and profile.user_id == getattr(user, "pk", None)


@rules.predicate
def is_group_member(user: MaybeUser, group: Any) -> bool:
    """A member of the developer group (they read their own group's page)."""
    return group is not None and group.members.filter(user_id=getattr(user, "pk", None)).exists()


@rules.predicate
def is_active_collector_assignment(user: MaybeUser, assignment: Any) -> bool:
    """A started feedback-collector assignment for a unit: started means both have signed the
    contract and any course the type needs is done (#17 items 1 and 3)."""
    return (
        assignment is not None
        and assignment.status == "started"
        and assignment.request.assignment_type == "collector"
        and assignment.request.unit_id is not None
    )


# The coordinator runs the pool: profiles, applicants, invitations, contracts, claims, payroll.
rules.add_perm("experts.coordinate_pool", is_coordinator)
rules.add_perm("experts.file_request", is_staff_member)
# The requester or a coordinator may change or cancel a request (until the work starts).
rules.add_perm("experts.manage_request", is_coordinator | requested_it)
rules.add_perm("experts.claim_fees", is_the_expert)
# Only the collector themselves enters clients' feedback, and only while the assignment runs.
rules.add_perm("experts.collect_feedback", is_the_expert & is_active_collector_assignment)
# A developer group's members read their own group's page (the coordinator runs it).
rules.add_perm("experts.see_own_group", is_group_member)
# Lived-experience data (areas of experience) is read by the person and by coordinators only.
rules.add_perm("experts.read_lived_experience", is_coordinator | holds_profile)
# A coordinator confirms a requested erasure; the person erases their own by closing the account.
rules.add_perm("experts.erase_profile", is_coordinator | holds_profile)

# Admin screens: the vocabulary of experience areas, the fee tables and course requirements.
rules.add_perm("experts", is_coordinator_or_admin)
for _model in ("experiencearea", "feetable", "typerequirement"):
    rules.add_perm(f"experts.view_{_model}", is_coordinator_or_admin)
    rules.add_perm(f"experts.add_{_model}", is_coordinator_or_admin)
    rules.add_perm(f"experts.change_{_model}", is_coordinator_or_admin)
    rules.add_perm(f"experts.delete_{_model}", is_coordinator_or_admin)
