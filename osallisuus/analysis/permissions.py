"""Who may read label corrections in the admin screens: administrators (read-only history).

Coordinators get the corrections as a CSV download from the inbox (feedback permissions).
"""

from __future__ import annotations

import rules

from osallisuus.accounts.permissions import is_administrator

rules.add_perm("analysis", is_administrator)
rules.add_perm("analysis.view_labelcorrection", is_administrator)
