"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

Sign-up and one-time sign-in (#19) are for people not signed in: the signed-in are sent on and
nothing is stored. A sign-in link works for whoever holds it, signed in or not; the API's
sign-up and verify answer everyone alike (they need no session).

Staff make and revoke their own API tokens (after two-factor, which every matrix user has
passed); residents and experts have no use for them. A token belongs to one person: the staff
member owns the shared token, another staff member ("staff_other") cannot revoke it.
"""

from __future__ import annotations

import re
from typing import Any

from osallisuus.tests.matrix import (
    ANON,
    ROLES,
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
    from osallisuus.accounts.participants.services import Address, request_sign_in
    from osallisuus.accounts.services import create_api_token, create_participant
    from osallisuus.notifications.models import OutboxMessage

    token, _secret = create_api_token(
        owner=world.users[STAFF], name="Raportointi", days=30, two_factor_done=True
    )
    participant = create_participant(email="osallistuja-matrix@example.org", verified=True)
    request_sign_in(address=Address(email=participant.email), client="matrix")
    body = OutboxMessage.objects.filter(recipient=participant.email).latest("pk").body
    return {
        "api_token": token,
        "participant": participant,
        "sign_in_link_token": re.search(r"/tili/linkki/([^/]+)/", body).group(1),  # type: ignore[union-attr]
        "sign_in_code": re.search(r"\b(\d{6})\b", body).group(1),  # type: ignore[union-attr]
    }


# Sign-up and asking for a code: the signed-in are sent on, storing nothing.
NOT_SIGNED_IN = {ANON: 200, **dict.fromkeys(SIGNED_IN, 302)}


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
    "accounts:sign_up": Row(
        NOT_SIGNED_IN,
        writes=(
            Write(
                everyone(302),
                writers=[ANON],
                body=lambda c: {
                    "address": "uusi-matrix@example.org",
                    "language": "sv",
                    "consent": "on",
                },
                changes=snapshot("accounts.User"),
            ),
        ),
    ),
    "accounts:ask_code": Row(
        NOT_SIGNED_IN,
        writes=(
            Write(
                everyone(302),
                writers=[ANON],
                body=lambda c: {"address": c.participant.email},
                changes=snapshot("accounts.SignInCode"),
            ),
        ),
    ),
    # Nobody has asked for a code in the matrix's sessions: sent to ask for one.
    "accounts:enter_code": Row(
        everyone(302), writes=(Write(everyone(302), body=lambda c: {"code": "123456"}),)
    ),
    "accounts:sign_in_link": Row(
        everyone(200),
        kwargs=lambda c: {"token": c.sign_in_link_token},
        writes=(
            Write(
                everyone(302),
                writers=ROLES,
                changes=snapshot("accounts.SignInCode", "used_at"),
            ),
        ),
    ),
    "api:account-signup": Row(
        everyone(405),
        writes=(
            Write(
                everyone(201),
                writers=ROLES,
                json=True,
                body=lambda c: {"email": "api-matrix@example.org", "consent": True},
                changes=snapshot("accounts.User"),
            ),
        ),
    ),
    "api:account-verify": Row(
        everyone(405),
        writes=(
            Write(
                everyone(200),
                writers=ROLES,
                json=True,
                body=lambda c: {"email": c.participant.email, "code": c.sign_in_code},
                changes=snapshot("accounts.SignInCode", "used_at"),
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
