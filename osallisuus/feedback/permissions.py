"""Who may handle feedback: staff of the unit, its managers, coordinators and administrators.

Decision makers are not among them: they see figures, briefings and published or redacted text,
never an item with its giver's words or contact details (seed 001: criticism must not follow a
person into their care).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules

from osallisuus.accounts.permissions import (
    handles_unit,
    is_coordinator_or_admin,
    is_feedback_handler,
    is_unit_manager,
)

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser


@rules.predicate
def handles_feedback_unit(user: MaybeUser, feedback: Any) -> bool:
    return feedback is not None and handles_unit(user, feedback.unit)


# The inbox and its handling steps; staff entry of feedback heard in person or by phone.
rules.add_perm("feedback.view_inbox", is_feedback_handler)
rules.add_perm("feedback.handle_feedback", is_feedback_handler & handles_feedback_unit)

# Publication of stories (moderate_stories, moderate_story) is ruled in publication/permissions.py.

# Reply templates are maintained in the admin screens by coordinators and administrators, and
# on their own page by unit managers too; label corrections are exported as evaluation data by
# coordinators and administrators only.
rules.add_perm("feedback", is_coordinator_or_admin)
rules.add_perm("feedback.view_replytemplate", is_coordinator_or_admin)
rules.add_perm("feedback.add_replytemplate", is_coordinator_or_admin)
rules.add_perm("feedback.change_replytemplate", is_coordinator_or_admin)
rules.add_perm("feedback.delete_replytemplate", is_coordinator_or_admin)
rules.add_perm("feedback.export_label_corrections", is_coordinator_or_admin)
# A question set's form settings (whether the comment comes first) are chosen for the county.
rules.add_perm("feedback.view_questionset", is_coordinator_or_admin)
rules.add_perm("feedback.change_questionset", is_coordinator_or_admin)
rules.add_perm("feedback.manage_reply_templates", is_coordinator_or_admin | is_unit_manager)
