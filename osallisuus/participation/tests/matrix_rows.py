"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

Everything under /oma/ is the signed-in person's own: every signed-in principal gets their own
page, settings and downloads. The one object address (unlinking a followed piece of feedback)
belongs to the resident who linked it: 404 for everyone else. Accounts with a staff role cannot
be closed here (404 on the write); residents and experts can.
"""

from __future__ import annotations

from typing import Any

from osallisuus.tests.matrix import (
    ANON,
    EXPERT,
    RESIDENT,
    SIGNED_IN,
    Row,
    Write,
    only,
    post_only,
    signed_in_only,
    snapshot,
)

PARTICIPANTS = (RESIDENT, EXPERT)


def build_shared(world: Any) -> dict[str, Any]:
    from osallisuus.feedback.services import FeedbackInput, link_to_account, submit_feedback

    unit = world.units["own"]
    followed = submit_feedback(FeedbackInput(unit=unit, text="Seuraan tätä omalla sivullani."))[0]
    link_to_account(code=followed.reply_code, account=world.users[RESIDENT])
    unfollowed = submit_feedback(FeedbackInput(unit=unit, text="Kukaan ei seuraa tätä."))[0]
    return {"followed_feedback": followed, "unfollowed_feedback": unfollowed}


_settings = snapshot("accounts.User", "notify_channel", "preferred_language", "notify_daily")
_links = snapshot("feedback.Feedback", "linked_account_id")
_accounts = snapshot("accounts.User", "is_active", "email")

ROWS: dict[str, Row] = {
    "participation:home": Row(signed_in_only()),
    "participation:notification_settings": Row(
        post_only(),
        writes=(
            Write(
                {ANON: 302, **dict.fromkeys(SIGNED_IN, 302)},
                writers=SIGNED_IN,
                body=lambda c: {
                    "notify_channel": "email",
                    "preferred_language": "sv",
                    "notify_daily": "1",
                },
                changes=_settings,
            ),
        ),
    ),
    "participation:link_feedback": Row(
        post_only(),
        writes=(
            Write(
                {ANON: 302, **dict.fromkeys(SIGNED_IN, 302)},
                writers=SIGNED_IN,
                body=lambda c: {"reply_code": c.unfollowed_feedback.reply_code},
                changes=_links,
            ),
        ),
    ),
    "participation:unlink_feedback": Row(
        post_only(),
        kwargs=lambda c: {"pk": c.followed_feedback.pk},
        writes=(
            Write(
                only(RESIDENT, status=302),
                writers=[RESIDENT],
                changes=_links,
            ),
        ),
    ),
    "participation:own_data_json": Row(signed_in_only()),
    "participation:own_data_pdf": Row(signed_in_only()),
    # Everyone reads what closing means; only participants close (staff: ask an administrator).
    "participation:close_account": Row(
        signed_in_only(),
        writes=(
            Write(
                only(*PARTICIPANTS, status=302),
                writers=PARTICIPANTS,
                changes=_accounts,
            ),
        ),
    ),
}
