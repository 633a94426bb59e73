"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py)."""

from osallisuus.tests.matrix import Rows

ROWS: Rows = {}
# Admin: app labels / "app.model" labels a coordinator may open (others: administrators only).
COORDINATOR_ADMIN_APPS: set[str] = set()
COORDINATOR_ADMIN_MODELS: set[str] = set()
