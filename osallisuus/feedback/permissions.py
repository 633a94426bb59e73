"""Who may handle feedback: staff of the unit, its managers, coordinators and administrators."""

from __future__ import annotations

import rules

from osallisuus.accounts.permissions import is_staff_member, unit_in_scope

rules.add_perm("feedback.view_inbox", is_staff_member)
rules.add_perm("feedback.handle_feedback", is_staff_member & unit_in_scope)
