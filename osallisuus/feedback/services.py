"""Writes on feedback: intake from every channel, handling steps, replies and notes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from osallisuus.accounts.selectors import managers_of
from osallisuus.analysis.corrections import CorrectionError, Labels, record_correction
from osallisuus.analysis.models import LabelCorrection
from osallisuus.analysis.pipeline import analyse
from osallisuus.authorization import NotPermitted, person, require
from osallisuus.errors import DomainError, Problem
from osallisuus.links import absolute_url
from osallisuus.notifications.services import send_batched, send_email, send_sms
from osallisuus.organisation.models import Unit
from osallisuus.organisation.selectors import answer_days

from .models import (
    Answer,
    Channel,
    Contact,
    Feedback,
    InternalNote,
    Reply,
    Status,
    StatusEvent,
)
from .questions import CheckedAnswer, active_question_set, check_answer
from .reply_codes import new_reply_code, normalise_reply_code
from .signals import announce_change

if TYPE_CHECKING:
    from osallisuus.accounts.types import Actor, User

LANGUAGES = ("fi", "sv", "en")
# Steps the giver sees; each carries a public text written for them.
PUBLIC_STEPS = {
    Status.ANSWERED,
    Status.ACTION_PLANNED,
    Status.CHANGE_MADE,
    Status.NO_CHANGE,
    Status.CLOSED,
}


class IntakeError(DomainError):
    """Feedback that cannot be stored as given (answers, text, language). Nothing is stored."""


class HandlingError(DomainError):
    """A handling step that is refused (a step not allowed now, a missing text). Nothing is
    stored."""


@dataclass
class FeedbackInput:
    unit: Unit
    channel: str = Channel.WEB
    language: str = "fi"
    answers: list[tuple[str, Any]] = field(default_factory=list)
    text: str = ""
    idempotency_key: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    publish_consent: bool = False
    received_at: datetime | None = None
    suspected_mashing: bool = False
    kiosk_device: str = ""


def _checked_answers(data: FeedbackInput) -> tuple[Any, list[CheckedAnswer]]:
    question_set = active_question_set(data.unit)
    questions = {q.key: q for q in question_set.questions.all()} if question_set else {}
    problems: list[Problem] = []
    checked: list[CheckedAnswer] = []
    seen: set[str] = set()
    for index, (key, value) in enumerate(data.answers):
        question = questions.get(key)
        if question is None:
            problems.append(
                Problem(
                    _("Answer %(n)s: there is no question “%(key)s”.")
                    % {"n": index + 1, "key": key},
                    field="answers",
                )
            )
            continue
        if key in seen:
            problems.append(
                Problem(
                    _("Answer %(n)s: “%(key)s” is answered twice.") % {"n": index + 1, "key": key},
                    field="answers",
                )
            )
            continue
        seen.add(key)
        try:
            checked.append(check_answer(question, value))
        except ValueError as error:
            problems.append(
                Problem(
                    _("Answer %(n)s (%(key)s): %(error)s")
                    % {"n": index + 1, "key": key, "error": error},
                    field="answers",
                )
            )
    if not checked and not data.text.strip() and not problems:
        problems.append(Problem(_("Give at least one answer or write a comment."), field="text"))
    if data.language not in LANGUAGES:
        problems.append(Problem(_("Use fi, sv or en."), field="language"))
    if data.channel not in Channel.values:
        problems.append(Problem(_("Unknown channel."), field="channel"))
    if problems:
        raise IntakeError.of(problems)
    return question_set, checked


def flag_if_complaint(feedback: Feedback) -> None:
    """Let the objection register flag feedback that reads like a complaint (no query if not)."""
    from osallisuus.complaints.services import flag_if_complaint as flag

    flag(feedback)


def submit_feedback(data: FeedbackInput) -> tuple[Feedback, bool]:
    """Store feedback from any channel once; the same idempotency key returns the first copy.

    Returns (feedback, created). Raises IntakeError, with nothing stored, on bad input.
    The key is unique in the database, so a first send does not look for an earlier copy: a
    resend fails to insert and then returns the copy stored first, also when it would no
    longer pass the checks (e.g. the unit's question set has changed since).
    """
    try:
        question_set, checked = _checked_answers(data)
    except IntakeError:
        existing = _first_copy(data.idempotency_key)
        if existing is not None:
            return existing, False
        raise
    text = data.text.strip()
    analysis = analyse(text, lang_hint=data.language) if text else None
    now = timezone.now()
    received_at = data.received_at or now
    try:
        with transaction.atomic():
            feedback = Feedback.objects.create(
                reply_code=new_reply_code(),
                unit=data.unit,
                question_set=question_set,
                channel=data.channel,
                language=data.language,
                text=text,
                received_at=received_at,
                due_at=received_at + timedelta(days=answer_days(service_id=data.unit.service_id)),
                idempotency_key=data.idempotency_key or None,
                publish_consent=data.publish_consent,
                themes=list(analysis.themes) if analysis else [],
                sentiment=analysis.sentiment if analysis else "",
                urgent=bool(analysis and analysis.urgent),
                redacted_text=analysis.redacted if analysis else "",
                suspected_mashing=data.suspected_mashing,
                kiosk_device=data.kiosk_device,
                overall_score=_overall_score(checked),
            )
            Answer.objects.bulk_create(
                Answer(
                    feedback=feedback,
                    question=a.question,
                    value_int=a.value_int,
                    value_text=a.value_text,
                )
                for a in checked
            )
            StatusEvent.objects.create(feedback=feedback, at=now, status=Status.RECEIVED)
            announce_change([feedback.pk], arrived=True)
            if data.contact_email or data.contact_phone:
                Contact.objects.create(
                    feedback=feedback,
                    email=data.contact_email,
                    phone=data.contact_phone,
                    consent_at=now,
                )
                _tell_giver_received(feedback, data)
            if feedback.urgent:
                _alert_managers(feedback)
            # Reads like a muistutus or kantelu: flagged for its handler's choice (#18).
            flag_if_complaint(feedback)
    except IntegrityError:
        # A resend, or two copies of one racing: the copy stored first is the stored one.
        existing = _first_copy(data.idempotency_key)
        if existing is not None:
            return existing, False
        raise
    return feedback, True


def _first_copy(idempotency_key: str) -> Feedback | None:
    if not idempotency_key:
        return None
    return Feedback.objects.filter(idempotency_key=idempotency_key).first()


def _overall_score(checked: list[CheckedAnswer]) -> int | None:
    """A 1–5 figure for dashboards: the first five-point answer, if any."""
    for answer in checked:
        if answer.question.type == "scale5" and answer.value_int is not None:
            return answer.value_int
    return None


def status_url(feedback: Feedback) -> str:
    return reverse("feedback:status", kwargs={"code": feedback.reply_code})


def _giver_contact(
    feedback: Feedback, email: str | None = None, phone: str | None = None
) -> tuple[str, str] | None:
    """The e-mail address and phone number the giver left (either may be empty), read from the
    item unless the caller already has them; None when they left no way to reach them. The one
    place that decides whether and where a giver can be told."""
    if email is None and phone is None:
        contact = Contact.objects.filter(feedback=feedback).first()
        if contact is None:
            return None
        email, phone = contact.email, contact.phone
    if not (email or phone):
        return None
    return email or "", phone or ""


def tell_giver(
    feedback: Feedback,
    message: Callable[[], tuple[str, str]],
    *,
    email: str | None = None,
    phone: str | None = None,
) -> None:
    """Send the giver `message()` (subject, body), written in their language, at once by e-mail
    and text message as they left them; nothing when they left no contact details."""
    contact = _giver_contact(feedback, email, phone)
    if contact is None:
        return
    email, phone = contact
    with translation.override(feedback.language):
        subject, body = message()
    if email:
        send_email(to=email, subject=subject, body=body)
    if phone:
        send_sms(to=phone, text=body)


def tell_giver_of_change(feedback: Feedback, part: Callable[[], str]) -> bool:
    """Tell the giver of a change (`part()`, written in their language) by e-mail and text
    message as they left them. Changes join the giver's one message of the day (see
    notifications.send_batched), so a change told twice is sent once and changes close together
    go out as one message; a giver who follows the item on their account and asked for one
    message a day gets it at the digest time. True when a message was queued or joined."""
    contact = _giver_contact(feedback)
    if contact is None:
        return False
    email, phone = contact
    account = feedback.linked_account
    daily = bool(account is not None and account.is_active and account.notify_daily)
    with translation.override(feedback.language):
        subject = _("News about your feedback")
        text = part()
        footer = _("You can follow your feedback at %(url)s") % {
            "url": absolute_url(status_url(feedback))
        }
    # A text message has no subject line.
    for channel, to, heading in (("email", email, subject), ("sms", phone, "")):
        if to:
            send_batched(
                channel=channel, to=to, subject=heading, part=text, footer=footer, daily=daily
            )
    return True


def _tell_giver_received(feedback: Feedback, data: FeedbackInput) -> None:
    def message() -> tuple[str, str]:
        return _("Thank you for your feedback"), _(
            "Thank you for your feedback about %(unit)s.\n\nYour reply code is %(code)s. "
            "You can follow what happens to your feedback at %(url)s"
        ) % {
            "unit": feedback.unit.name,
            "code": feedback.reply_code,
            "url": absolute_url(status_url(feedback)),
        }

    tell_giver(feedback, message, email=data.contact_email, phone=data.contact_phone)


def _alert_managers(feedback: Feedback) -> None:
    for manager in managers_of(feedback.unit):
        if not manager.email:
            continue
        with translation.override(manager.preferred_language):
            send_email(
                to=manager.email,
                subject=_("Urgent feedback about %(unit)s") % {"unit": feedback.unit.name},
                body=_(
                    "Feedback that may need action today has arrived for %(unit)s. "
                    "Read it in the inbox: %(url)s"
                )
                % {
                    "unit": feedback.unit.name,
                    "url": absolute_url(reverse("feedback:detail", kwargs={"pk": feedback.pk})),
                },
            )


# The handling workflow: received → in progress → answered → action planned →
# change made / no change → closed. Steps go forward; an outcome (change made / no change)
# can still follow later, e.g. when a co-development decision comes after the item was closed,
# and a closed item can be reopened.
WORKFLOW_ORDER = [
    Status.RECEIVED,
    Status.IN_PROGRESS,
    Status.ANSWERED,
    Status.ACTION_PLANNED,
    Status.CHANGE_MADE,
    Status.NO_CHANGE,
    Status.CLOSED,
]
# Outcomes are alternatives: after one of them only closing is left.
OUTCOMES = {Status.CHANGE_MADE, Status.NO_CHANGE}
NO_CHANGE_REASONS_MIN_LENGTH = 20


def next_steps(current: str) -> list[str]:
    """The statuses an item in `current` may move to, in workflow order."""
    if current == Status.CLOSED:
        return [Status.IN_PROGRESS, Status.CHANGE_MADE, Status.NO_CHANGE]
    if current in OUTCOMES:
        return [Status.CHANGE_MADE, Status.NO_CHANGE, Status.CLOSED]
    rank = WORKFLOW_ORDER.index(Status(current))
    return list(WORKFLOW_ORDER[rank + 1 :])


def _check_step(feedback: Feedback, status: str, public_text: str) -> None:
    """Raise HandlingError unless the step is allowed and carries what the giver must read."""
    if status not in next_steps(feedback.status):
        raise HandlingError(
            _("Feedback that is “%(current)s” cannot move to “%(new)s”.")
            % {
                "current": Status(feedback.status).label,
                "new": Status(status).label if status in Status.values else status,
            },
            field="status",
        )
    if status == Status.NO_CHANGE and len(public_text) < NO_CHANGE_REASONS_MIN_LENGTH:
        raise HandlingError(
            _("Tell the giver the reasons why nothing changes."), field="public_text"
        )
    if status in PUBLIC_STEPS and status != Status.CLOSED and not public_text:
        raise HandlingError(
            _("Write what the giver will read about this step."), field="public_text"
        )
    if status == Status.CLOSED:
        problem = closing_problem(feedback, public_text)
        if problem:
            raise HandlingError(problem, field="public_text")


def closing_problem(feedback: Feedback, public_text: str) -> str:
    """Why the item cannot be closed now, or "" when it may be (#15 item 4, seed 004).

    Nothing that has a giver is closed without a recorded effect (a linked action that is done,
    a decided matter, the step "change made") or reasons why nothing changes (the step "no
    change", or reasons written when closing). Praise takes the one-click reason.
    """
    from osallisuus.trail.selectors import has_effect

    steps = set(feedback.events.values_list("status", flat=True)) | {feedback.status}
    if Status.CHANGE_MADE in steps or has_effect("feedback", feedback.pk):
        return ""
    if Status.NO_CHANGE in steps or len(public_text) >= NO_CHANGE_REASONS_MIN_LENGTH:
        return ""
    return _(
        "Feedback is closed only with an effect (a change made, a done action, a decision) or "
        "the reasons why nothing changes: write the reasons for the giver."
    )


def praise_closing_text(language: str) -> str:
    """The one-click reason for closing praise, in the giver's language."""
    with translation.override(language):
        return _("Thank you for your feedback. Nothing needs to change: we keep doing this.")


@transaction.atomic
def move_feedback(
    *, feedback: Feedback, by: Actor, status: str, public_text: str = ""
) -> StatusEvent:
    """Record a handling step. Steps the giver sees need a public text; the giver is told."""
    require(by, "feedback.handle_feedback", feedback)
    public_text = public_text.strip()
    _check_step(feedback, status, public_text)
    event = StatusEvent.objects.create(
        feedback=feedback, at=timezone.now(), status=status, public_text=public_text, by=person(by)
    )
    feedback.status = status
    feedback.save(update_fields=["status"])
    announce_change([feedback.pk])
    if public_text:
        _tell_giver_update(feedback)
    return event


@transaction.atomic
def move_group(
    *, items: list[Feedback], by: User, status: str, public_text: str
) -> tuple[list[Feedback], list[Feedback]]:
    """Move many items to one status with one public text; returns (moved, skipped).

    Items that cannot take this step (e.g. already closed) are skipped, not failed, so a
    manager can answer a whole group of similar comments at once.
    """
    public_text = public_text.strip()
    if status in PUBLIC_STEPS and not public_text:
        raise HandlingError(
            _("Write what the giver will read about this step."), field="public_text"
        )
    if status == Status.NO_CHANGE and len(public_text) < NO_CHANGE_REASONS_MIN_LENGTH:
        raise HandlingError(
            _("Tell the giver the reasons why nothing changes."), field="public_text"
        )
    moved: list[Feedback] = []
    skipped: list[Feedback] = []
    for feedback in items:
        if status in next_steps(feedback.status):
            move_feedback(feedback=feedback, by=by, status=status, public_text=public_text)
            moved.append(feedback)
        else:
            skipped.append(feedback)
    return moved, skipped


@transaction.atomic
def reply_to_feedback(*, feedback: Feedback, by: User, text: str) -> Reply:
    """Answer the giver; they read it by reply code (and by e-mail/SMS if they left contact)."""
    require(by, "feedback.handle_feedback", feedback)
    if not text.strip():
        raise HandlingError(_("Write the reply."), field="text")
    reply = Reply.objects.create(feedback=feedback, at=timezone.now(), text=text.strip(), by=by)
    if feedback.status in (Status.RECEIVED, Status.IN_PROGRESS):
        StatusEvent.objects.create(feedback=feedback, at=reply.at, status=Status.ANSWERED, by=by)
        feedback.status = Status.ANSWERED
        feedback.save(update_fields=["status"])
        announce_change([feedback.pk])
    _tell_giver_update(feedback)
    return reply


def steps_with_reply(current: str) -> list[str]:
    """The statuses that may follow a reply sent now: a reply marks new feedback answered."""
    if current in (Status.RECEIVED, Status.IN_PROGRESS):
        return next_steps(Status.ANSWERED)
    return next_steps(current)


def reply_and_move(
    *, feedback: Feedback, by: User, text: str, status: str = "", public_text: str = ""
) -> Reply:
    """Reply to the giver and, when `status` is given, record that step too (#21 item 6): one
    transaction, so a refused step (e.g. closing without an effect or reasons) stores nothing,
    the reply included. The giver gets one message for both (tell_giver_of_change)."""
    status_before = feedback.status
    try:
        with transaction.atomic():
            reply = reply_to_feedback(feedback=feedback, by=by, text=text)
            if status:
                move_feedback(feedback=feedback, by=by, status=status, public_text=public_text)
    except DomainError:
        feedback.status = status_before  # the reply's "answered" was rolled back too
        raise
    return reply


def _tell_giver_update(feedback: Feedback) -> None:
    def part() -> str:
        return _("There is news about your feedback %(code)s.") % {"code": feedback.reply_code}

    tell_giver_of_change(feedback, part)


@transaction.atomic
def add_note(*, feedback: Feedback, by: User, text: str) -> InternalNote:
    """An internal note: staff only, never shown to the giver or the public."""
    require(by, "feedback.handle_feedback", feedback)
    if not text.strip():
        raise HandlingError(_("Write the note."), field="text")
    return InternalNote.objects.create(feedback=feedback, by=by, text=text.strip())


@transaction.atomic
def assign_feedback(*, feedback: Feedback, to: Any, by: User) -> None:
    """Give the item to a person whose scope covers its unit (or to nobody, with None).

    The new handler is told by e-mail unless they assigned it to themselves.
    """
    from .selectors import assignment_candidates

    require(by, "feedback.handle_feedback", feedback)

    if to is not None and not assignment_candidates(feedback.unit).filter(pk=to.pk).exists():
        raise HandlingError(
            _("This person does not handle this unit's feedback."), field="assigned_to"
        )
    feedback.assigned_to = to
    feedback.save(update_fields=["assigned_to"])
    if to is not None and to != by and to.email:
        with translation.override(to.preferred_language):
            send_email(
                to=to.email,
                subject=_("Feedback for you to handle"),
                body=_("Feedback about %(unit)s was assigned to you: %(url)s")
                % {
                    "unit": feedback.unit.name,
                    "url": absolute_url(reverse("feedback:detail", kwargs={"pk": feedback.pk})),
                },
            )


def current_labels(feedback: Feedback) -> Labels:
    """The item's analysis labels as they stand (corrected or not)."""
    return Labels(
        themes=tuple(feedback.themes or ()),
        sentiment=feedback.sentiment or "",
        urgent=feedback.urgent,
    )


@transaction.atomic
def correct_labels(
    *, feedback: Feedback, by: User, themes: list[str], sentiment: str, urgent: bool
) -> LabelCorrection:
    """A person corrects the themes, sentiment and urgency; the corrected labels stick.

    The correction (who, when, before, after) is kept in the analysis app as evaluation data.
    Marking an item urgent alerts the unit's managers, as urgent feedback on arrival does.
    """
    require(by, "feedback.handle_feedback", feedback)
    before = current_labels(feedback)
    after = Labels(themes=tuple(themes), sentiment=sentiment, urgent=urgent).normalised()
    if before.normalised() == after:
        raise HandlingError(_("The labels are unchanged."))
    text = feedback.redacted_text or (analyse(feedback.text).redacted if feedback.text else "")
    try:
        correction = record_correction(
            feedback_id=feedback.pk,
            by=by,
            text=text,
            lang=feedback.language,
            before=before,
            after=after,
        )
    except CorrectionError as error:
        raise HandlingError(_("Choose themes and a sentiment from the list.")) from error
    feedback.themes = list(after.themes)
    feedback.sentiment = after.sentiment
    feedback.urgent = after.urgent
    feedback.uncertain_themes = []  # a person has decided
    feedback.save(update_fields=["themes", "sentiment", "urgent", "uncertain_themes"])
    announce_change([feedback.pk])
    if after.urgent and not before.urgent:
        _alert_managers(feedback)
    return correction


@transaction.atomic
def link_to_account(*, code: str, account: Any) -> Feedback:
    """Link the feedback with this reply code to the person's account, to follow it on their
    own page. Whoever holds the code is its giver; the link is never shown to staff."""
    normalised = normalise_reply_code(code)
    if normalised is None:
        raise IntakeError(
            _("A reply code has eight letters and digits, like ABCD-EFGH."), field="reply_code"
        )
    feedback = Feedback.objects.select_for_update().filter(reply_code=normalised).first()
    if feedback is None:
        raise IntakeError(
            _("No feedback has this reply code. Check the code and try again."), field="reply_code"
        )
    if feedback.linked_account_id not in (None, account.pk):
        raise IntakeError(
            _("This feedback is already linked to another account."), field="reply_code"
        )
    if feedback.linked_account_id is None:
        feedback.linked_account = account
        feedback.save(update_fields=["linked_account"])
    return feedback


@transaction.atomic
def unlink_from_account(*, feedback: Feedback, account: Any) -> None:
    """The person no longer follows the feedback on their page; the feedback itself stays."""
    if feedback.linked_account_id is None or feedback.linked_account_id != account.pk:
        raise NotPermitted
    Feedback.objects.filter(pk=feedback.pk).update(linked_account=None)


def unlink_all(*, account: Any) -> int:
    """Unlink every feedback of a closing account; the feedback stays, anonymous again."""
    return Feedback.objects.filter(linked_account=account).update(linked_account=None)
