"""The feedback app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

Feedback is handled by staff of its unit, unit managers, coordinators and administrators.
Decision makers see figures and published stories only (issue #20 point 1): 404 on every
handling page. Givers reach their own feedback by its reply code, without an account. The
publication rows (moderation, stories) are in publication/tests/matrix_rows.py.
"""

from __future__ import annotations

from typing import Any

from osallisuus.tests.matrix import (
    ADMIN,
    CONTACTS,
    COORD,
    DECIDER,
    MANAGER,
    STAFF,
    STAFF_OTHER,
    Row,
    Write,
    everyone,
    only,
    snapshot,
)

ALL = list(everyone(0))
HANDLERS = (STAFF, MANAGER, COORD, ADMIN)
TEMPLATE_KEEPERS = (MANAGER, COORD, ADMIN)


def handling(*allowed: str, status: int = 200) -> dict[str, int]:
    """A handling page: the allowed get `status`, every other role 404."""
    return {**only(*allowed, status=status), DECIDER: 404}


def build(world: Any, unit: Any, *, target: str) -> dict[str, Any]:
    from osallisuus.feedback.models import ReplyTemplate
    from osallisuus.feedback.services import FeedbackInput, submit_feedback

    email, phone = CONTACTS[target]
    feedback = submit_feedback(
        FeedbackInput(
            unit=unit,
            text="Jonotin tunnin puhelimessa.",
            contact_email=email,
            contact_phone=phone,
            publish_consent=True,
        )
    )[0]
    template = ReplyTemplate.objects.create(
        title="Kiitos", text_fi="Kiitos palautteesta.", unit=unit
    )
    return {"feedback": feedback, "unit_template": template}


def _feedback_count(ctx: Any) -> int:
    from osallisuus.feedback.models import Feedback

    return Feedback.objects.count()


def _give_body(ctx: Any) -> dict[str, str]:
    return {"idempotency_key": "matrix-give", "q_encounter": "4", "q_comment": "Hyvä"}


def _staff_entry_body(ctx: Any) -> dict[str, str]:
    return {
        "idempotency_key": "matrix-entry",
        "channel": "phone",
        "language": "fi",
        "q_encounter": "2",
        "text": "Soittaja kertoi jonoista.",
        "contact_email": "",
        "contact_phone": "",
    }


def _template_body(ctx: Any) -> dict[str, Any]:
    return {
        "title": "Jonot",
        "text_fi": "Kiitos, lisäämme puhelinaikoja.",
        "text_sv": "Tack, vi lägger till telefontider.",
        "text_en": "",
        "active": "on",
        "unit": ctx.unit.pk,
    }


_template_state = snapshot("feedback.ReplyTemplate", "title")
_feedback_state = snapshot("feedback.Feedback", "status")


def handling_step(body: Any, changes: Any) -> Row:
    """A POST-only step on a feedback item: its handlers do it (302), decision makers get 404."""
    return Row(
        handling(*HANDLERS, status=405),
        kwargs=lambda c: {"pk": c.feedback.pk},
        across_units=True,
        writes=(
            Write(
                handling(*HANDLERS, status=302),
                writers=HANDLERS,
                body=body,
                changes=changes,
            ),
        ),
    )


ROWS: dict[str, Row] = {
    # Public doors: anyone may give feedback, signed in or not.
    "feedback:give": Row(
        everyone(200),
        kwargs=lambda c: {"code": c.unit.code},
        writes=(Write(everyone(302), writers=ALL, body=_give_body, changes=_feedback_count),),
    ),
    "feedback:poster": Row(everyone(200), kwargs=lambda c: {"code": c.unit.code}),
    "kiosk:kiosk": Row(everyone(200), kwargs=lambda c: {"code": c.unit.code}),
    "kiosk:service-worker": Row(everyone(200)),
    # The follow-up step shows a form; nothing is stored until the answer is sent.
    "kiosk:followup": Row(
        everyone(405),
        kwargs=lambda c: {"code": c.unit.code},
        writes=(Write(everyone(200), body=lambda c: {"score": "5"}),),
    ),
    "kiosk:answer": Row(
        everyone(405),
        kwargs=lambda c: {"code": c.unit.code},
        writes=(
            Write(
                everyone(302),
                writers=ALL,
                body=lambda c: {"score": "5", "idempotency_key": "matrix-kiosk", "action": "send"},
                changes=_feedback_count,
            ),
        ),
    ),
    "kiosk:thanks": Row(everyone(200), kwargs=lambda c: {"code": c.unit.code}),
    "api:feedback-intake": Row(
        everyone(405),
        writes=(
            Write(
                everyone(201),
                writers=ALL,
                json=True,
                body=lambda c: {"unit_code": c.unit.code, "text": "Hei", "idempotency_key": "m1"},
                changes=_feedback_count,
            ),
        ),
    ),
    "api:feedback-kiosk-intake": Row(
        everyone(405),
        writes=(
            Write(
                everyone(201),
                writers=ALL,
                json=True,
                body=lambda c: {
                    "unit_code": c.unit.code,
                    "channel": "kiosk",
                    "language": "fi",
                    "answers": [{"question": "access", "value": 4}],
                    "idempotency_key": "matrix-kiosk-api",
                    "mashing_hint": False,
                },
                changes=_feedback_count,
            ),
        ),
    ),
    # Off (404) without the gateway's token: nothing is stored.
    "api:feedback-sms": Row(
        everyone(404),
        writes=(
            Write(
                everyone(404),
                json=True,
                body=lambda c: {"message_id": "m1", "from": "+358401111111", "text": "KST 5"},
                changes=_feedback_count,
            ),
        ),
    ),
    "api:question-set": Row(everyone(404)),
    "api:feedback-status": Row(everyone(200), kwargs=lambda c: {"code": c.feedback.reply_code}),
    # The giver, by the reply code: anyone who holds it is treated as the giver.
    "feedback:status_lookup": Row(everyone(200), reads_post=True),
    "feedback:status": Row(
        everyone(200), kwargs=lambda c: {"code": c.feedback.reply_code}, reads_post=True
    ),
    "feedback:status_data": Row(
        everyone(200),
        kwargs=lambda c: {"code": c.feedback.reply_code},
        reads_post=True,
        contact_ok=True,
    ),
    "feedback:status_erase": Row(
        everyone(200),
        kwargs=lambda c: {"code": c.feedback.reply_code},
        writes=(
            Write(
                everyone(302),
                writers=ALL,
                body=lambda c: {"confirm": "on"},
                changes=lambda c: type(c.feedback).objects.get(pk=c.feedback.pk).text,
            ),
        ),
    ),
    # Handling: the unit's staff, its manager, coordinators and administrators.
    "feedback:inbox": Row(handling(*HANDLERS), reads_post=True),
    "feedback:detail": Row(
        handling(*HANDLERS), kwargs=lambda c: {"pk": c.feedback.pk}, across_units=True
    ),
    # Each handling step of the detail page posts to its own address.
    "feedback:note": handling_step(
        lambda c: {"text": "Sisäinen: tarkista vuorolista"},
        lambda c: c.feedback.notes.count(),
    ),
    # The reply and, in the same POST, the status step it goes with (#21 item 6).
    "feedback:reply": handling_step(
        lambda c: {
            "text": "Kiitos palautteesta!",
            "status": "action_planned",
            "public_text": "Lisäämme aamun aikoja.",
        },
        lambda c: (c.feedback.replies.count(), _feedback_state(c)),
    ),
    # Filling the reply from a template shows the page again; nothing is stored.
    "feedback:use_template": Row(
        handling(*HANDLERS, status=405),
        kwargs=lambda c: {"pk": c.feedback.pk},
        across_units=True,
        writes=(
            Write(
                handling(*HANDLERS),
                body=lambda c: {"template": c.unit_template.pk},
            ),
        ),
    ),
    "feedback:assign": handling_step(
        lambda c: {"assigned_to": c.users[STAFF].pk},
        snapshot("feedback.Feedback", "assigned_to_id"),
    ),
    # Only the unit's own staff are handlers to assign; county-wide roles are told so on the
    # page shown again.
    "feedback:assign_me": Row(
        handling(*HANDLERS, status=405),
        kwargs=lambda c: {"pk": c.feedback.pk},
        across_units=True,
        writes=(
            Write(
                {**handling(*HANDLERS, status=302), COORD: 200, ADMIN: 200},
                writers=[STAFF, MANAGER],
                changes=snapshot("feedback.Feedback", "assigned_to_id"),
            ),
        ),
    ),
    "feedback:labels": handling_step(
        lambda c: {"themes": ["staff_attitude"], "sentiment": "mixed"},
        snapshot("feedback.Feedback", "themes", "sentiment"),
    ),
    "feedback:move": handling_step(
        lambda c: {"status": "action_planned", "public_text": "Lisäämme aamun aikoja."},
        _feedback_state,
    ),
    # The group step takes the ids of the items; items outside the user's scope are skipped.
    "feedback:inbox_groups": Row(
        handling(*HANDLERS),
        writes=(
            Write(
                handling(*HANDLERS, status=302),
                writers=HANDLERS,
                body=lambda c: {
                    "group": "1",
                    "members": [c.feedback.pk],
                    "status": "action_planned",
                    "public_text": "Lisäämme puhelinaikoja.",
                },
                changes=_feedback_state,
                other={STAFF: 302, STAFF_OTHER: 302, MANAGER: 302},
            ),
        ),
        across_units=True,
        other={STAFF: 200, STAFF_OTHER: 200, MANAGER: 200},
    ),
    "feedback:label_corrections_csv": Row(handling(COORD, ADMIN), reads_post=True),
    "feedback:staff_entry": Row(
        handling(*HANDLERS),
        query=lambda c: f"unit={c.unit.code}",
        across_units=True,
        writes=(
            Write(
                handling(*HANDLERS, status=302),
                writers=HANDLERS,
                body=_staff_entry_body,
                changes=_feedback_count,
            ),
        ),
    ),
    # Reply templates: coordinators and administrators keep everyone's, unit managers their
    # units'. A manager naming another unit gets the form back with an error.
    "feedback:reply_templates": Row(handling(*TEMPLATE_KEEPERS)),
    "feedback:reply_template_new": Row(
        handling(*TEMPLATE_KEEPERS),
        writes=(
            Write(
                handling(*TEMPLATE_KEEPERS, status=302),
                writers=TEMPLATE_KEEPERS,
                body=_template_body,
                changes=_template_state,
                other={MANAGER: 200, STAFF: 404, STAFF_OTHER: 404},
            ),
        ),
        across_units=True,
        other={MANAGER: 200, STAFF: 404, STAFF_OTHER: 404},
    ),
    "feedback:reply_template": Row(
        handling(*TEMPLATE_KEEPERS),
        kwargs=lambda c: {"pk": c.unit_template.pk},
        across_units=True,
        other={STAFF: 404, STAFF_OTHER: 404},
        writes=(
            Write(
                handling(*TEMPLATE_KEEPERS, status=302),
                writers=TEMPLATE_KEEPERS,
                body=_template_body,
                changes=_template_state,
                other={STAFF: 404, STAFF_OTHER: 404},
            ),
        ),
    ),
}
COORDINATOR_ADMIN_APPS: set[str] = set()
COORDINATOR_ADMIN_MODELS: set[str] = {"feedback.replytemplate", "feedback.questionset"}
