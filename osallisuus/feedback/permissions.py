"""Who may handle feedback: staff of the unit, its managers, coordinators and administrators."""

from __future__ import annotations

import rules

from osallisuus.accounts.permissions import is_staff_member, unit_in_scope

rules.add_perm("feedback.view_inbox", is_staff_member)
rules.add_perm("feedback.handle_feedback", is_staff_member & unit_in_scope)

# Publication of stories (issue #3 point 6). Moderators are participation coordinators and
# administrators (every unit) and unit managers (their own units). Other staff, decision
# makers, experts and residents do not moderate: they get 403.
from typing import Any  # noqa: E402

from osallisuus.accounts.permissions import (  # noqa: E402
    is_coordinator_or_admin,
    is_unit_manager,
)


@rules.predicate
def manages_feedback_unit(user: Any, feedback: Any) -> bool:
    """The user is the unit manager of the feedback's unit (directly or through its service)."""
    from osallisuus.accounts.selectors import managed_units

    if feedback is None:
        return False
    return managed_units(user).filter(pk=feedback.unit_id).exists()


is_moderator = is_coordinator_or_admin | is_unit_manager
rules.add_perm("feedback.moderate_stories", is_moderator)
rules.add_perm(
    "feedback.moderate_story",
    is_coordinator_or_admin | (is_unit_manager & manages_feedback_unit),
)

# Inbox handling (issue #3 point 5, issue #4 point 3). Reply templates are maintained in the
# admin screens by coordinators and administrators, and on their own page by unit managers
# too; label corrections are exported as
# evaluation data by them only.
if not rules.perm_exists("feedback"):
    rules.add_perm("feedback", is_coordinator_or_admin)
rules.add_perm("feedback.view_replytemplate", is_coordinator_or_admin)
rules.add_perm("feedback.add_replytemplate", is_coordinator_or_admin)
rules.add_perm("feedback.change_replytemplate", is_coordinator_or_admin)
rules.add_perm("feedback.delete_replytemplate", is_coordinator_or_admin)
rules.add_perm("feedback.export_label_corrections", is_coordinator_or_admin)
# Unit managers keep their own units' templates on a page of their own (reply_template_views).
rules.add_perm("feedback.manage_reply_templates", is_coordinator_or_admin | is_unit_manager)
