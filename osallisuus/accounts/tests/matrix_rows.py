"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

Staff make and revoke their own API tokens (after two-factor, which every matrix user has
passed); residents and experts have no use for them. A token belongs to one person: the staff
member owns the shared token, another staff member ("staff_other") cannot revoke it.
"""

from __future__ import annotations

from typing import Any

from osallisuus.tests.matrix import (
    ANON,
    SIGNED_IN,
    STAFF,
    STAFF_OTHER,
    STAFF_ROLES,
    Row,
    Write,
    everyone,
    only,
    snapshot,
)


def build_shared(world: Any) -> dict[str, Any]:
    from osallisuus.accounts.services import create_api_token

    token, _secret = create_api_token(
        owner=world.users[STAFF], name="Raportointi", days=30, two_factor_done=True
    )
    return {"api_token": token}


ROWS: dict[str, Row] = {
    "accounts:api_tokens": Row(
        only(*STAFF_ROLES),
        writes=(
            Write(
                only(*STAFF_ROLES),
                writers=STAFF_ROLES,
                body=lambda c: {"name": "Raportointi", "days": "30"},
                changes=snapshot("accounts.ApiToken"),
            ),
        ),
    ),
    "accounts:revoke_api_token": Row(
        everyone(405),
        kwargs=lambda c: {"pk": c.api_token.pk},
        non_owner={STAFF_OTHER: 405},
        writes=(
            Write(
                {ANON: 302, **dict.fromkeys(SIGNED_IN, 404), STAFF: 302},
                writers=(STAFF,),
                changes=snapshot("accounts.ApiToken", "revoked_at"),
                non_owner={STAFF_OTHER: 404},
            ),
        ),
    ),
}
# Strong identification of residents is off unless RESIDENT_OIDC_* is set, as here: both of its
# addresses answer 404 to everyone (test_strong_identification.py covers them switched on).
ROWS["accounts:strong_start"] = Row(everyone(404))
ROWS["accounts:strong_callback"] = Row(everyone(404))
# Admin: app labels / "app.model" labels a coordinator may open (others: administrators only).
COORDINATOR_ADMIN_APPS: set[str] = set()
COORDINATOR_ADMIN_MODELS: set[str] = set()
