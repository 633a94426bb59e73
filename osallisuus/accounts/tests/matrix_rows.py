"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py)."""

from __future__ import annotations

from osallisuus.tests.matrix import STAFF_ROLES, Rows, everyone, only

ROWS: Rows = {
    # Staff make and revoke their own API tokens; residents and experts have no use for them.
    "accounts:api_tokens": (lambda c: {}, only(*STAFF_ROLES)),
    # POST only; someone else's token is 404 (test_api_tokens.py).
    "accounts:revoke_api_token": (lambda c: {"pk": 1}, everyone(405)),
}
# Admin: app labels / "app.model" labels a coordinator may open (others: administrators only).
COORDINATOR_ADMIN_APPS: set[str] = set()
COORDINATOR_ADMIN_MODELS: set[str] = set()
