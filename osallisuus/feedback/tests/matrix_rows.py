"""The feedback app's rows in the authorization matrix (see osallisuus/tests/matrix.py)."""

from __future__ import annotations

from typing import Any

from osallisuus.tests.matrix import ADMIN, COORD, MANAGER, STAFF, Rows, everyone, only

# Who handles feedback: never decision makers (issue #20 item 1); everyone else gets 404.
HANDLERS = (STAFF, MANAGER, COORD, ADMIN)


def feedback_of(context: dict[str, Any]) -> Any:
    from osallisuus.feedback.services import FeedbackInput, submit_feedback

    if "feedback" not in context:
        context["feedback"] = submit_feedback(FeedbackInput(unit=context["unit"], text="Hyvä"))[0]
    return context["feedback"]


ROWS: Rows = {
    "feedback:give": (lambda c: {"code": c["unit"].code}, everyone(200)),
    "feedback:status_lookup": (lambda c: {}, everyone(200)),
    "feedback:status_data": (lambda c: {"code": feedback_of(c).reply_code}, everyone(200)),
    "feedback:status_erase": (lambda c: {"code": feedback_of(c).reply_code}, everyone(200)),
    "feedback:status": (lambda c: {"code": feedback_of(c).reply_code}, everyone(200)),
    "feedback:inbox": (lambda c: {}, only(*HANDLERS, others=404)),
    "feedback:detail": (lambda c: {"pk": feedback_of(c).pk}, only(*HANDLERS, others=404)),
    "api:feedback-intake": (lambda c: {}, everyone(405)),
    "api:feedback-status": (lambda c: {"code": feedback_of(c).reply_code}, everyone(200)),
    "api:question-set": (lambda c: {}, everyone(404)),
}
COORDINATOR_ADMIN_APPS: set[str] = set()
COORDINATOR_ADMIN_MODELS: set[str] = set()


# Publication (issue #3 point 6). Moderators: unit managers (own units), coordinators and
# administrators; other staff, decision makers, experts and residents get 404.
def consented_feedback_of(context: dict[str, Any]) -> Any:
    from osallisuus.feedback.services import FeedbackInput, submit_feedback

    if "consented_feedback" not in context:
        context["consented_feedback"] = submit_feedback(
            FeedbackInput(unit=context["unit"], text="Hyvä hoito", publish_consent=True)
        )[0]
    return context["consented_feedback"]


_MODERATORS = ("unit_manager", "coordinator", "administrator")
ROWS.update(
    {
        "feedback:moderation_queue": (lambda c: {}, only(*_MODERATORS, others=404)),
        "feedback:moderate": (
            lambda c: {"pk": consented_feedback_of(c).pk},
            only(*_MODERATORS, others=404),
        ),
        "feedback:stories": (lambda c: {"code": c["unit"].code}, everyone(200)),
        "api:unit-stories": (lambda c: {"code": c["unit"].code}, everyone(200)),
    }
)


# Inbox handling (issue #3 point 5, issue #4 points 3 and 5): the grouped inbox for all staff;
# the label corrections CSV for coordinators and administrators; reply templates in the admin.
ROWS.update(
    {
        "feedback:inbox_groups": (lambda c: {}, only(*HANDLERS, others=404)),
        "feedback:label_corrections_csv": (
            lambda c: {},
            only(COORD, ADMIN, others=404),
        ),
    }
)
COORDINATOR_ADMIN_MODELS |= {"feedback.replytemplate"}


# Other doors (issue #3 point 2): kiosk, QR poster, staff entry, kiosk and SMS intake APIs.
# The kiosk's answer steps take POST only; the SMS webhook is off (404) without its token.
ROWS.update(
    {
        "kiosk:kiosk": (lambda c: {"code": c["unit"].code}, everyone(200)),
        "kiosk:service-worker": (lambda c: {}, everyone(200)),
        "kiosk:followup": (lambda c: {"code": c["unit"].code}, everyone(405)),
        "kiosk:answer": (lambda c: {"code": c["unit"].code}, everyone(405)),
        "kiosk:thanks": (lambda c: {"code": c["unit"].code}, everyone(200)),
        "feedback:poster": (lambda c: {"code": c["unit"].code}, everyone(200)),
        "feedback:staff_entry": (lambda c: {}, only(*HANDLERS, others=404)),
        "api:feedback-kiosk-intake": (lambda c: {}, everyone(405)),
        "api:feedback-sms": (lambda c: {}, everyone(404)),
    }
)


# Reply templates: coordinators and administrators keep everyone's, unit managers their units'.
def unit_template_of(context: dict[str, Any]) -> Any:
    from osallisuus.feedback.models import ReplyTemplate

    if "unit_template" not in context:
        context["unit_template"] = ReplyTemplate.objects.create(
            title="Kiitos", text_fi="Kiitos palautteesta.", unit=context["unit"]
        )
    return context["unit_template"]


_TEMPLATE_KEEPERS = ("unit_manager", "coordinator", "administrator")
ROWS.update(
    {
        "feedback:reply_templates": (lambda c: {}, only(*_TEMPLATE_KEEPERS, others=404)),
        "feedback:reply_template_new": (lambda c: {}, only(*_TEMPLATE_KEEPERS, others=404)),
        "feedback:reply_template": (
            lambda c: {"pk": unit_template_of(c).pk},
            only(*_TEMPLATE_KEEPERS, others=404),
        ),
    }
)
