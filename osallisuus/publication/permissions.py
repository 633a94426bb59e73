"""Who may moderate stories: participation coordinators and administrators (every unit) and
unit managers (their own units). The rule names keep their `feedback.` prefix: templates and
services ask `feedback.moderate_stories` and `feedback.moderate_story`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules

from osallisuus.accounts.permissions import is_coordinator_or_admin, is_unit_manager

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser


@rules.predicate
def moderates_feedback_unit(user: MaybeUser, feedback: Any) -> bool:
    from .selectors import moderated_units

    return feedback is not None and moderated_units(user).filter(pk=feedback.unit_id).exists()


# Publication of stories (issue #3 point 6).
rules.add_perm("feedback.moderate_stories", is_coordinator_or_admin | is_unit_manager)
rules.add_perm("feedback.moderate_story", moderates_feedback_unit)
