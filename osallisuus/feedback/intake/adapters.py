"""Adapters that turn what a channel delivers (kiosk press, SMS, e-mail) into FeedbackInput.

Each adapter only reads and shapes its channel's input; storing goes through
`services.submit_feedback`, so every door lands in the same store with the channel recorded.
The kiosk adapter also decides whether a press was button-mashing (seed: the kiosk "ignores
obvious button-mashing and records it as such").
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from osallisuus.analysis.language import detect_language
from osallisuus.errors import DomainError, Problem
from osallisuus.organisation.models import Unit

from ..models import Channel, Feedback, QuestionType
from ..questions import active_question_set
from ..services import FeedbackInput, submit_feedback
from ..signals import announce_change
from .cache import active_unit

# More than this many kiosk answers for one unit within the window are taken as mashing.
MASHING_MAX_ANSWERS = 3
MASHING_WINDOW = timedelta(seconds=5)
# A queued kiosk answer may arrive late; older claimed times than this are not trusted.
KIOSK_QUEUE_MAX_AGE = timedelta(days=7)
TEXT_MAX_LENGTH = 5000
SMS_PATTERN = re.compile(r"^\s*(?P<code>[A-Za-z0-9]{3,12})\b[\s:,.-]*(?P<rest>.*)$", re.DOTALL)
SCORE_PATTERN = re.compile(r"^(?P<score>[1-5])(?!\d)[\s:,.-]*(?P<rest>.*)$", re.DOTALL)
SUBJECT_TOKEN = re.compile(r"[A-Za-z0-9]{3,12}")


class AdapterError(DomainError):
    """The channel's input cannot become feedback (no unit, nothing said). Nothing is stored."""


def unit_by_code(code: str) -> Unit | None:
    """The active unit with this public code (any case), or None."""
    code = code.strip().upper()
    if not code:
        return None
    return active_unit(code)


def score_question_key(unit: Unit) -> str:
    """The key of the first five-point question the unit asks now ("" if it asks none)."""
    question_set = active_question_set(unit)
    if question_set is None:
        return ""
    for question in question_set.questions.all():
        if question.type == QuestionType.SCALE5:
            return question.key
    return ""


def _guess_language(text: str) -> str:
    return detect_language(text, hint="fi") if text.strip() else "fi"


# --- Kiosk -------------------------------------------------------------------------------------


def submit_kiosk_feedback(
    data: FeedbackInput,
    *,
    answered_at: datetime | None = None,
    mashing_hint: bool = False,
) -> tuple[Feedback, bool]:
    """Store one kiosk answer at the time it was given, flagging bursts as button-mashing.

    The kiosk queues answers while offline and sends them later in a burst, so the burst is
    judged by when the answers were given (`answered_at`, clamped to the last week), not by
    when they arrived. More than MASHING_MAX_ANSWERS answers from one kiosk device of the unit
    within MASHING_WINDOW mark every answer of that burst; they are kept but left out of
    figures. (Answers without a device id, e.g. from the kiosk without JavaScript, count as
    one device.)
    The kiosk's own count (`mashing_hint`) also marks the answer.
    """
    now = timezone.now()
    at = answered_at or now
    at = min(max(at, now - KIOSK_QUEUE_MAX_AGE), now)
    data.channel = Channel.KIOSK
    data.received_at = at
    with transaction.atomic():
        neighbours = list(
            Feedback.objects.filter(
                unit=data.unit,
                channel=Channel.KIOSK,
                kiosk_device=data.kiosk_device,
                received_at__gt=at - MASHING_WINDOW,
                received_at__lt=at + MASHING_WINDOW,
            ).values_list("pk", "received_at")
        )
        burst = _burst_around(at, neighbours)
        data.suspected_mashing = data.suspected_mashing or mashing_hint or bool(burst)
        feedback, created = submit_feedback(data)
        if created and burst:
            Feedback.objects.filter(pk__in=burst, suspected_mashing=False).update(
                suspected_mashing=True
            )
            announce_change(burst)
    return feedback, created


def _burst_around(at: datetime, neighbours: list[tuple[int, datetime]]) -> list[int]:
    """Earlier answers that form, with the one at `at`, too many within one window."""
    for start in sorted({t for _pk, t in neighbours if t <= at} | {at}):
        end = start + MASHING_WINDOW
        if end < at:
            continue
        inside = [pk for pk, t in neighbours if start <= t <= end]
        if len(inside) + 1 > MASHING_MAX_ANSWERS:
            return inside
    return []


# --- SMS ---------------------------------------------------------------------------------------


def parse_sms(text: str) -> tuple[str, int | None, str]:
    """Split "KST 4 Hyvä palvelu" into the unit code, an optional 1–5 score and the text."""
    match = SMS_PATTERN.match(text or "")
    if match is None:
        return "", None, (text or "").strip()
    rest = match.group("rest").strip()
    score_match = SCORE_PATTERN.match(rest)
    if score_match is None:
        return match.group("code").upper(), None, rest
    return match.group("code").upper(), int(score_match.group("score")), score_match.group("rest")


def feedback_from_sms(*, sender: str, text: str, message_id: str) -> FeedbackInput:
    """An SMS "<unit code> [1–5] [text]" as feedback; the gateway's message id makes it once-only.

    The sender's number is kept as the contact (they texted us, so they get the reply code
    back by SMS). Raises AdapterError when the unit is unknown or nothing is said.
    """
    code, score, rest = parse_sms(text)
    unit = unit_by_code(code) if code else None
    if unit is None:
        raise AdapterError(
            _("Start the message with the unit's code, e.g. “KST 4 Good service”."), field="text"
        )
    answers: list[tuple[str, object]] = []
    key = score_question_key(unit)
    if score is not None and key:
        answers.append((key, score))
    elif score is not None:
        rest = f"{score} {rest}".strip()
    if not answers and not rest:
        raise AdapterError(
            _("Write a score from 1 to 5 or a few words after the code."), field="text"
        )
    return FeedbackInput(
        unit=unit,
        channel=Channel.SMS,
        language=_guess_language(rest),
        answers=answers,
        text=rest[:TEXT_MAX_LENGTH],
        idempotency_key=f"sms:{message_id}"[:100],
        contact_phone=sender.strip(),
    )


# --- E-mail ------------------------------------------------------------------------------------


def _unit_from_addresses(message: EmailMessage) -> Unit | None:
    """palaute+KST@example.fi: the plus-part of a recipient address is the unit code."""
    headers = ("To", "Cc", "Delivered-To", "X-Original-To")
    values = [str(v) for h in headers for v in (message.get_all(h) or [])]
    for _name, address in getaddresses(values):
        local = address.split("@", 1)[0]
        if "+" in local:
            unit = unit_by_code(local.split("+", 1)[1])
            if unit is not None:
                return unit
    return None


def _unit_from_subject(subject: str) -> Unit | None:
    """The first word of the subject that is an active unit's code ("Palaute KST")."""
    tokens = [t.upper() for t in SUBJECT_TOKEN.findall(subject)][:20]
    if not tokens:
        return None
    units = {u.code: u for u in Unit.objects.filter(code__in=tokens, active=True)}
    return next((units[t] for t in tokens if t in units), None)


def _plain_text(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    if body is None:
        return ""
    try:
        text = str(body.get_content())
    except (LookupError, UnicodeError):
        payload = body.get_payload(decode=True)
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    # Drop the signature ("-- " line) and the quoted earlier messages of a reply.
    text = text.split("\n-- \n", 1)[0]
    lines = [line for line in text.splitlines() if not line.startswith(">")]
    return "\n".join(lines).strip()


def email_idempotency_key(message: EmailMessage, raw: bytes = b"") -> str:
    """The Message-ID, or a digest of the raw message when the sender left it out."""
    message_id = str(message.get("Message-ID", "") or "").strip()
    if message_id:
        return f"email:{message_id}"[:100]
    return "email:sha256:" + hashlib.sha256(raw or message.as_bytes()).hexdigest()


def feedback_from_email(message: EmailMessage, *, raw: bytes = b"") -> FeedbackInput:
    """An e-mail as feedback: unit from palaute+CODE@ or the subject, text from text/plain.

    The sender is kept as the contact (they wrote to us, so they get the reply code back).
    Raises AdapterError when the unit or the text is missing.
    """
    problems: list[Problem] = []
    subject = str(message.get("Subject", "") or "")
    unit = _unit_from_addresses(message) or _unit_from_subject(subject)
    if unit is None:
        problems.append(
            Problem(_("No unit code in the address (palaute+CODE@…) or the subject."), field="unit")
        )
    text = _plain_text(message)
    if not text:
        problems.append(Problem(_("The message has no plain-text content."), field="text"))
    _name, sender = parseaddr(str(message.get("From", "") or ""))
    try:
        validate_email(sender)
    except ValidationError:
        sender = ""
    if problems or unit is None:
        raise AdapterError.of(problems)
    return FeedbackInput(
        unit=unit,
        channel=Channel.EMAIL,
        language=_guess_language(text),
        text=text[:TEXT_MAX_LENGTH],
        idempotency_key=email_idempotency_key(message, raw),
        contact_email=sender,
    )
