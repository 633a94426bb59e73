"""Who may do what in the pool: coordinators run it; any staff member may ask for experts.

Lived-experience data is seen only by the person and by participation coordinators
(administrators maintain registers but do not read profiles).
"""

from __future__ import annotations

import rules

from osallisuus.accounts.permissions import is_coordinator, is_coordinator_or_admin, is_staff_member

rules.add_perm("experts.view_pool", is_coordinator)
rules.add_perm("experts.file_request", is_staff_member)

# Admin screens: the vocabulary of experience areas and the fee tables.
rules.add_perm("experts", is_coordinator_or_admin)
for _model in ("experiencearea", "feetable"):
    rules.add_perm(f"experts.view_{_model}", is_coordinator_or_admin)
    rules.add_perm(f"experts.add_{_model}", is_coordinator_or_admin)
    rules.add_perm(f"experts.change_{_model}", is_coordinator_or_admin)
    rules.add_perm(f"experts.delete_{_model}", is_coordinator_or_admin)
