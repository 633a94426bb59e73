"""Who may see reports: staff roles, each within their scope (own units, or the county); who
publishes a unit's self-monitoring summary: its manager."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules

from osallisuus.accounts.permissions import is_staff_member, is_unit_manager
from osallisuus.accounts.selectors import managed_units

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser

rules.add_perm("reports.view_reports", is_staff_member)
rules.add_perm("reports.export_reports", is_staff_member)


@rules.predicate
def manages_unit(user: MaybeUser, unit: Any) -> bool:
    return unit is not None and managed_units(user).filter(pk=unit.pk).exists()


# Self-monitoring summaries (self_monitoring/): every staff role reads those of its scope; the
# unit's manager publishes them (Act 741/2023 § 27: the unit's follow-up is its own to publish).
rules.add_perm("reports.view_self_monitoring", is_staff_member)
rules.add_perm("reports.publish_self_monitoring", is_unit_manager & manages_unit)
