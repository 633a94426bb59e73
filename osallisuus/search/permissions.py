"""Who may search the repository of inputs: staff, unit managers, producers' contacts,
coordinators, administrators and decision makers. What each of them finds is ruled by each
input kind (InputKind.search_ids), never here: search never widens what anyone sees."""

from __future__ import annotations

import rules

from osallisuus.accounts.permissions import is_staff_member

rules.add_perm("search.search_inputs", is_staff_member)
