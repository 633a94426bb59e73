"""Who may see and run survey campaigns.

Every staff role sees the campaigns of its scope (own units, or the county): results are
figures and themes only, never a giver's words or contact details. Coordinators and
administrators plan and edit any campaign; a unit manager plans campaigns at the units they
manage and edits those whose every unit is theirs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules

from osallisuus.accounts.permissions import (
    is_coordinator_or_admin,
    is_staff_member,
    is_unit_manager,
)

from .selectors import campaigns_visible_to, may_edit

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser


@rules.predicate
def sees_campaign(user: MaybeUser, campaign: Any) -> bool:
    return campaign is not None and campaigns_visible_to(user).filter(pk=campaign.pk).exists()


@rules.predicate
def edits_campaign(user: MaybeUser, campaign: Any) -> bool:
    return campaign is not None and may_edit(user, campaign)


rules.add_perm("campaigns.view_campaigns", is_staff_member)
rules.add_perm("campaigns.view_campaign", is_staff_member & sees_campaign)
rules.add_perm("campaigns.add_campaign", is_coordinator_or_admin | is_unit_manager)
rules.add_perm("campaigns.change_campaign", edits_campaign)
