"""Writes of the objection register and of complaint flags on feedback.

An objection is stored only here (never in the feedback store) with a code its sender uses to
read the answer; the sender is acknowledged at once. A feedback item that reads like a
complaint is flagged at intake, and its handler decides: keep it as feedback, redirect the giver
to a statutory route (the giver reads the route's text on the status page, in their language),
or move it to the register with the giver's consent. Both of the latter close the feedback item
through the feedback app's own step, so it leaves every open list.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from osallisuus.authorization import person, require
from osallisuus.errors import DomainError, Problem
from osallisuus.feedback.models import Feedback, Status
from osallisuus.feedback.reply_codes import new_reply_code
from osallisuus.feedback.services import move_feedback
from osallisuus.links import absolute_url
from osallisuus.notifications.services import send_email
from osallisuus.organisation.models import Unit
from osallisuus.uploads import UploadValidator

from .detection import reads_like_complaint
from .models import (
    Complaint,
    ComplaintAttachment,
    ComplaintFlag,
    ComplaintStatus,
    Concern,
    FlagDecision,
    HandlingEntry,
    Holiday,
    Route,
    Source,
)
from .selectors import objection_policy, overdue_flags, route_text

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

MAX_ATTACHMENTS = 5
# What a sender must give; the form and the API say the same words.
NEEDED = {
    "unit": gettext_lazy("Choose the unit the objection is about."),
    "concern": gettext_lazy("Choose health care or social services."),
    "name": gettext_lazy("Write your name: an objection is answered in writing."),
    "address": gettext_lazy("Write the address where the written answer is sent."),
    "text": gettext_lazy("Write what your objection is about."),
}


class ObjectionError(DomainError):
    """Bad input for an objection, or a handling step not allowed."""


@dataclass
class ObjectionInput:
    """What a sender gives, from the form, the API or a feedback item moved here."""

    unit: Unit | None
    concern: str
    name: str
    address: str
    text: str
    language: str = "fi"
    email: str = ""
    source: str = Source.FORM
    strongly_identified: bool = False
    idempotency_key: str = ""
    attachments: list[UploadedFile[bytes]] = field(default_factory=list)


def add_working_days(start: datetime, days: int) -> datetime:
    """`start` moved on by `days` working days: Monday to Friday, leaving out the holidays in
    the county's calendar (Holiday)."""
    moved = timezone.localtime(start)
    # A year and a half of days is more than any limit counted in working days needs.
    off = set(
        Holiday.objects.filter(
            day__gt=moved.date(), day__lte=moved.date() + timedelta(days=550)
        ).values_list("day", flat=True)
    )
    left = days
    while left > 0:
        moved += timedelta(days=1)
        if moved.weekday() < calendar.SATURDAY and moved.date() not in off:
            left -= 1
    return moved


def _problems(data: ObjectionInput) -> list[Problem]:
    missing = {
        "unit": data.unit is None,
        "concern": data.concern not in Concern.values,
        "name": not data.name.strip(),
        "address": not data.address.strip(),
        "text": not data.text.strip(),
    }
    problems = [Problem(NEEDED[name], name) for name, absent in missing.items() if absent]
    if len(data.attachments) > MAX_ATTACHMENTS:
        problems.append(
            Problem(
                _("Attach at most %(count)s files.") % {"count": MAX_ATTACHMENTS}, "attachments"
            )
        )
    validate = UploadValidator()
    for upload in data.attachments:
        try:
            validate(upload)
        except ValidationError as error:
            problems.extend(Problem(message, "attachments") for message in error.messages)
    return problems


def submit_objection(data: ObjectionInput) -> tuple[Complaint, bool]:
    """Store a formal objection once (the same idempotency key returns the first copy) and
    acknowledge it. Raises ObjectionError, with nothing stored, on bad input or when the county
    takes no objections here."""
    policy = objection_policy()
    if policy is None or not policy.enabled:
        raise ObjectionError(_("Objections cannot be sent through this service."))
    if data.idempotency_key:
        existing = Complaint.objects.filter(idempotency_key=data.idempotency_key).first()
        if existing is not None:
            return existing, False
    problems = _problems(data)
    if problems or data.unit is None:
        raise ObjectionError.of(problems)
    now = timezone.now()
    try:
        with transaction.atomic():
            complaint = Complaint.objects.create(
                code=new_reply_code(),
                unit=data.unit,
                concern=data.concern,
                source=data.source,
                language=data.language,
                name=data.name.strip(),
                address=data.address.strip(),
                email=data.email.strip(),
                text=data.text.strip(),
                strongly_identified=data.strongly_identified,
                received_at=now,
                acknowledge_by=timezone.localdate(now) + timedelta(days=policy.answer_days),
                idempotency_key=data.idempotency_key or None,
            )
            for upload in data.attachments:
                ComplaintAttachment.objects.create(
                    complaint=complaint, file=upload, name=(upload.name or "")[:200]
                )
            _acknowledge(complaint)
    except IntegrityError:
        existing = Complaint.objects.filter(idempotency_key=data.idempotency_key).first()
        if existing is None:
            raise
        return existing, False
    return complaint, True


def status_url(complaint: Complaint) -> str:
    return absolute_url(reverse("complaints:status", kwargs={"code": complaint.code}))


def _acknowledge(complaint: Complaint) -> None:
    """Tell the sender it arrived, its code and when the answer is due (when they gave e-mail)."""
    if not complaint.email:
        return
    with translation.override(complaint.language):
        body = _(
            "Your objection has been received. Its code is %(code)s. We answer in writing by "
            "%(due)s. You can read the answer here: %(url)s"
        ) % {
            "code": complaint.code,
            "due": complaint.acknowledge_by.strftime("%d.%m.%Y"),
            "url": status_url(complaint),
        }
        send_email(to=complaint.email, subject=_("Your objection was received"), body=body)


@transaction.atomic
def record_handling(*, complaint: Complaint, by: User, text: str) -> HandlingEntry:
    """Note a step of the handling (statement asked, meeting held); the register shows it."""
    require(by, "complaints.handle_complaints")
    if not text.strip():
        raise ObjectionError(_("Write what was done."), field="text")
    entry = HandlingEntry.objects.create(
        complaint=complaint, at=timezone.now(), by=by, text=text.strip()
    )
    if complaint.status == ComplaintStatus.RECEIVED:
        complaint.status = ComplaintStatus.IN_HANDLING
        complaint.save(update_fields=["status"])
    return entry


@transaction.atomic
def answer_objection(*, complaint: Complaint, by: User, text: str, answered_on: date) -> None:
    """Record the written answer and its date; the sender reads it by the code."""
    require(by, "complaints.handle_complaints")
    problems = []
    if not text.strip():
        problems.append(Problem(_("Write the answer."), "text"))
    if answered_on > timezone.localdate():
        problems.append(Problem(_("The answer date cannot be in the future."), "answered_on"))
    if answered_on < timezone.localdate(complaint.received_at):
        problems.append(
            Problem(_("The answer date cannot be before the objection came."), "answered_on")
        )
    if problems:
        raise ObjectionError.of(problems)
    complaint.answer_text = text.strip()
    complaint.answered_on = answered_on
    complaint.answered_by = by
    complaint.status = ComplaintStatus.ANSWERED
    complaint.save(update_fields=["answer_text", "answered_on", "answered_by", "status"])
    if complaint.email:
        with translation.override(complaint.language):
            send_email(
                to=complaint.email,
                subject=_("Your objection has been answered"),
                body=_("Your objection %(code)s has been answered. Read the answer: %(url)s")
                % {"code": complaint.code, "url": status_url(complaint)},
            )


# --- Feedback that reads like a complaint --------------------------------------------------------


def flag_if_complaint(feedback: Feedback) -> ComplaintFlag | None:
    """Flag the item when its text reads like a complaint (one insert; nothing otherwise)."""
    if not feedback.text:
        return None
    words = reads_like_complaint(
        feedback.text, themes=feedback.themes, sentiment=feedback.sentiment
    )
    if not words:
        return None
    now = timezone.now()
    return ComplaintFlag.objects.create(
        feedback=feedback,
        flagged_at=now,
        decide_by=add_working_days(now, settings.COMPLAINT_FLAG_WORKING_DAYS),
        words=words[:10],
    )


def _undecided(flag: ComplaintFlag, by: User) -> None:
    require(by, "complaints.decide_flag", flag)
    if flag.decision:
        raise ObjectionError(_("This has been decided already."))


@transaction.atomic
def keep_as_feedback(*, flag: ComplaintFlag, by: User) -> None:
    """The handler reads it as feedback after all: it stays in the queue."""
    _undecided(flag, by)
    flag.decision = FlagDecision.KEEP
    flag.decided_at = timezone.now()
    flag.decided_by = person(by)
    flag.save(update_fields=["decision", "decided_at", "decided_by"])


def route_public_text(route: str, language: str) -> str:
    """What the giver reads about the route, in their language: the county's text."""
    text = route_text(route)
    if text is None:
        raise ObjectionError(_("The county has not written this route's text yet."), field="route")
    with translation.override(language):
        lead = _("Your message reads like a matter for a statutory route, not feedback.")
    return f"{lead}\n\n{text.title(language)}\n{text.body(language)}"


@transaction.atomic
def redirect_feedback(*, flag: ComplaintFlag, by: User, route: str) -> None:
    """Tell the giver the route (status page, in their language) and close the item."""
    _undecided(flag, by)
    if route not in Route.values or route == Route.FEEDBACK:
        raise ObjectionError(_("Choose the route."), field="route")
    feedback = flag.feedback
    move_feedback(
        feedback=feedback,
        by=by,
        status=Status.CLOSED,
        public_text=route_public_text(route, feedback.language),
    )
    flag.decision = FlagDecision.REDIRECT
    flag.route = route
    flag.decided_at = timezone.now()
    flag.decided_by = person(by)
    flag.save(update_fields=["decision", "route", "decided_at", "decided_by"])


@transaction.atomic
def transfer_feedback(
    *, flag: ComplaintFlag, by: User, consent: bool, concern: str, name: str, address: str
) -> Complaint:
    """Move the item to the objection register with the giver's consent and close it here."""
    _undecided(flag, by)
    if not consent:
        raise ObjectionError(
            _("Move it only when the giver has agreed to it being handled as an objection."),
            field="consent",
        )
    feedback = flag.feedback
    policy = objection_policy()
    if policy is None:
        raise ObjectionError(_("The county has not set how objections are handled."))
    problems = _problems(
        ObjectionInput(
            unit=feedback.unit, concern=concern, name=name, address=address, text=feedback.text
        )
    )
    if problems:
        raise ObjectionError.of(problems)
    now = timezone.now()
    complaint = Complaint.objects.create(
        code=new_reply_code(),
        unit=feedback.unit,
        concern=concern,
        source=Source.FEEDBACK,
        language=feedback.language,
        name=name.strip(),
        address=address.strip(),
        text=feedback.text,
        received_at=now,
        acknowledge_by=timezone.localdate(now) + timedelta(days=policy.answer_days),
    )
    with translation.override(feedback.language):
        public_text = _(
            "With your consent, your message is handled as a formal objection. Its code is "
            "%(code)s: read the written answer at %(url)s"
        ) % {"code": complaint.code, "url": status_url(complaint)}
    move_feedback(feedback=feedback, by=by, status=Status.CLOSED, public_text=public_text)
    flag.decision = FlagDecision.TRANSFER
    flag.complaint = complaint
    flag.decided_at = now
    flag.decided_by = person(by)
    flag.save(update_fields=["decision", "complaint", "decided_at", "decided_by"])
    return complaint


@transaction.atomic
def save_route_text(*, by: User, text: Any) -> None:
    """Store an edited route text (coordinators and administrators)."""
    require(by, "complaints.edit_route_texts")
    text.save()


def escalate_late_flags() -> int:
    """Tell the coordinators, once per flag, of flags nobody decided in time: one e-mail each
    with how many and where the list is (no feedback text or giver's details). Returns how
    many flags were escalated; a second run tells nothing new."""
    from osallisuus.accounts.models import Role
    from osallisuus.accounts.selectors import people_with_role

    with transaction.atomic():
        late = list(
            overdue_flags().filter(escalated_at__isnull=True).select_for_update(of=("self",))
        )
        if not late:
            return 0
        url = absolute_url(reverse("complaints:overdue"))
        for coordinator in people_with_role(Role.COORDINATOR).exclude(email=""):
            with translation.override(coordinator.preferred_language or "fi"):
                body = ngettext(
                    "%(count)s feedback item that reads like a complaint was not sorted out "
                    "in time: keep it as feedback, redirect it or transfer it as an objection. "
                    "The list: %(url)s",
                    "%(count)s feedback items that read like a complaint were not sorted out "
                    "in time: keep each as feedback, redirect it or transfer it as an objection. "
                    "The list: %(url)s",
                    len(late),
                ) % {"count": len(late), "url": url}
                send_email(
                    to=coordinator.email,
                    subject=_("Flagged feedback waits past its time"),
                    body=body,
                )
        ComplaintFlag.objects.filter(pk__in=[flag.pk for flag in late]).update(
            escalated_at=timezone.now()
        )
    return len(late)
