"""Who may see reports: staff roles, each within their scope (own units, or the county)."""

from __future__ import annotations

import rules

from osallisuus.accounts.permissions import is_staff_member

rules.add_perm("reports.view_reports", is_staff_member)
rules.add_perm("reports.export_reports", is_staff_member)
