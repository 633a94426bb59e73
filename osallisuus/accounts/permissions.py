"""Every permission decision of the platform, as named predicates (django-rules) in one place.

Views, the API and services ask them through `osallisuus/authorization.py`; the
authorization matrix test walks every URL against them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules

from .models import Role
from .selectors import roles_of, units_handled_by

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser


def _has_role(*wanted: str) -> Any:
    @rules.predicate
    def predicate(user: MaybeUser) -> bool:
        return bool(roles_of(user) & set(wanted))

    return predicate


is_expert = _has_role(Role.EXPERT)
is_staff_member = _has_role(
    Role.STAFF,
    Role.UNIT_MANAGER,
    Role.COORDINATOR,
    Role.DECISION_MAKER,
    Role.ADMINISTRATOR,
    Role.PRODUCER_CONTACT,
)
is_unit_manager = _has_role(Role.UNIT_MANAGER)
is_coordinator = _has_role(Role.COORDINATOR)
is_decision_maker = _has_role(Role.DECISION_MAKER)
is_administrator = _has_role(Role.ADMINISTRATOR)
is_coordinator_or_admin = is_coordinator | is_administrator
# Who handles feedback and sees givers' words and contact details: not decision makers. The
# producer's contact handles the feedback of the producer's units (units_handled_by).
is_feedback_handler = _has_role(
    Role.STAFF, Role.UNIT_MANAGER, Role.COORDINATOR, Role.ADMINISTRATOR, Role.PRODUCER_CONTACT
)


@rules.predicate
def handles_unit(user: MaybeUser, unit: Any) -> bool:
    """The user may handle the unit's feedback (see `units_handled_by`)."""
    if unit is None:
        return False
    return units_handled_by(user).filter(pk=unit.pk).exists()


# The unit register: everyone reads the public register; coordinators maintain it.
rules.add_perm("organisation", is_coordinator_or_admin)
for _model in (
    "organiser",
    "municipality",
    "servicearea",
    "service",
    "servicepromise",
    "producer",
    "unit",
    "decisionbody",
):
    rules.add_perm(f"organisation.view_{_model}", is_coordinator_or_admin)
    rules.add_perm(f"organisation.add_{_model}", is_coordinator_or_admin)
    rules.add_perm(f"organisation.change_{_model}", is_coordinator_or_admin)
    rules.add_perm(f"organisation.delete_{_model}", is_administrator)

# People and roles: administrators manage accounts; coordinators read them to assign work.
rules.add_perm("accounts", is_coordinator_or_admin)
rules.add_perm("accounts.view_user", is_coordinator_or_admin)
rules.add_perm("accounts.add_user", is_administrator)
rules.add_perm("accounts.change_user", is_administrator)
rules.add_perm("accounts.delete_user", is_administrator)
rules.add_perm("accounts.view_roleassignment", is_coordinator_or_admin)
rules.add_perm("accounts.add_roleassignment", is_administrator)
rules.add_perm("accounts.change_roleassignment", is_administrator)
rules.add_perm("accounts.delete_roleassignment", is_administrator)


# API tokens: staff make their own (after two-factor); administrators see and revoke anyone's.
@rules.predicate
def owns_token(user: MaybeUser, token: Any) -> bool:
    return token is not None and token.user_id == getattr(user, "pk", None)


rules.add_perm("accounts.use_api_tokens", is_staff_member)
rules.add_perm("accounts.revoke_api_token", owns_token | is_administrator)
rules.add_perm("accounts.view_apitoken", is_administrator)
rules.add_perm("accounts.change_apitoken", is_administrator)

# The audit log: administrators only, and only to read.
rules.add_perm("audit", is_administrator)
rules.add_perm("audit.view_accesslog", is_administrator)

# The development outbox and the task queue: administrators.
rules.add_perm("notifications", is_administrator)
rules.add_perm("notifications.view_outboxmessage", is_administrator)
