"""Writes on statements: ask a group, flag a matter, submit a statement, record how it was
taken into account. Each write asks its named permission, is one transaction, stores nothing
when it refuses, and tells the other side by e-mail (after commit, through the outbox)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from osallisuus.authorization import person, require
from osallisuus.errors import DomainError, Problem
from osallisuus.links import absolute_url
from osallisuus.notifications.services import send_batched
from osallisuus.trail.matters.selectors import decision_of
from osallisuus.trail.services import link_inputs

from .models import RequestOrigin, RequestStatus, StatementRequest

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

STATEMENT_KIND = "statement"
LANGUAGES = ("fi", "sv", "en")


class StatementError(DomainError):
    """A rule of statements the user broke."""


def _language(code: str | None) -> str:
    return code if code in LANGUAGES else "fi"


def group_contacts(group: Any) -> list[tuple[str, str, bool]]:
    """(e-mail, language, daily) of the group's current secretaries: who answers for it."""
    found = []
    for member in group.members.filter(role="secretary", left_on__isnull=True).select_related(
        "user"
    ):
        user = member.user
        email = member.email or (user.email if user is not None else "")
        if not email:
            continue
        language = _language(user.preferred_language if user is not None else member.language)
        found.append((email, language, bool(user is not None and user.notify_daily)))
    return list(dict.fromkeys(found))


def _preparers(matter: Any) -> list[Any]:
    people = {matter.carrier_id: matter.carrier, matter.created_by_id: matter.created_by}
    return [user for user in people.values() if user is not None and user.email]


def _tell_preparers(request: StatementRequest, *, by: User, subject: str, part: str) -> None:
    """`subject` and `part` are msgids (gettext_noop) with %(group)s, %(matter)s, %(url)s."""
    url = absolute_url(request.get_absolute_url())
    for user in _preparers(request.matter):
        if user.pk == getattr(by, "pk", None):
            continue
        with translation.override(_language(user.preferred_language)):
            names = {"group": request.group.name, "matter": request.matter.title, "url": url}
            send_batched(
                channel="email",
                to=user.email,
                subject=_(subject) % names,
                part=_(part) % names,
                daily=user.notify_daily,
            )


def tell_group(request: StatementRequest, texts: dict[str, str]) -> bool:
    """Send the asked group's secretaries a text (by language); True when someone was told."""
    told = False
    for email, language, daily in group_contacts(request.group):
        text = texts.get(language) or texts.get("fi") or next(iter(texts.values()), "")
        if not text:
            continue
        with translation.override(language):
            send_batched(
                channel="email",
                to=email,
                subject=_("Statement on “%(matter)s”") % {"matter": request.matter.title},
                part=text,
                daily=daily,
            )
        told = True
    return told


def _in_languages(message: str, **names: Any) -> dict[str, str]:
    texts = {}
    for language in LANGUAGES:
        with translation.override(language):
            values = {
                key: formats.date_format(value, "SHORT_DATE_FORMAT")
                if isinstance(value, date)
                else value
                for key, value in names.items()
            }
            texts[language] = _(message) % values
    return texts


def _check_new(
    *, matter: Any, group: Any, question: str, due_on: date | None, question_field: str
) -> date:
    problems = []
    if not question.strip():
        problems.append(Problem(_("Say what the statement is asked on."), field=question_field))
    if due_on is None:
        problems.append(Problem(_("Give the date the statement is due by."), field="due_on"))
    elif due_on < timezone.localdate():
        problems.append(Problem(_("The due date cannot be in the past."), field="due_on"))
    if decision_of(matter) is not None:
        problems.append(Problem(_("The matter has already been decided."), field="matter"))
    if StatementRequest.objects.filter(matter=matter, group=group).exists():
        problems.append(
            Problem(
                _("A statement on this matter has already been asked of this group."), field="group"
            )
        )
    if problems or due_on is None:
        raise StatementError.of(problems)
    return due_on


def _open(
    *, by: User, matter: Any, group: Any, question: str, due_on: date, origin: str
) -> StatementRequest:
    request = StatementRequest.objects.create(
        matter=matter,
        group=group,
        origin=origin,
        question=question.strip(),
        due_on=due_on,
        requested_by=by,
        language=_language(getattr(by, "preferred_language", "") or "fi"),
    )
    # The request is an input of the matter from the start: its statement reaches the matter,
    # and the group follows the matter's steps (trail told-back).
    link_inputs(by=by, refs=[(STATEMENT_KIND, request.pk)], matter=matter)
    return request


@transaction.atomic
def request_statement(
    *, by: User, matter: Any, group: Any, question: str, due_on: date | None
) -> StatementRequest:
    """The matter's preparer asks a group of the register for a statement by `due_on`."""
    require(by, "statements.request")
    require(by, "trail.manage_matter", matter)
    due_on = _check_new(
        matter=matter, group=group, question=question, due_on=due_on, question_field="question"
    )
    request = _open(
        by=by,
        matter=matter,
        group=group,
        question=question,
        due_on=due_on,
        origin=RequestOrigin.REQUESTED,
    )
    tell_group(
        request,
        _in_languages(
            gettext_noop(
                "A statement of %(group)s is asked on the matter “%(matter)s” by %(due)s: %(url)s"
            ),
            group=group.name,
            matter=matter.title,
            due=due_on,
            url=absolute_url(request.get_absolute_url()),
        ),
    )
    return request


@transaction.atomic
def flag_matter(
    *, by: User, group: Any, matter: Any, reason: str, due_on: date | None
) -> StatementRequest:
    """An influence body flags a matter it judges to concern its group (Act 611/2021 § 32):
    a statement request opens, and the matter's preparer must answer the statement."""
    require(by, "statements.flag_for", group)
    due_on = _check_new(
        matter=matter, group=group, question=reason, due_on=due_on, question_field="reason"
    )
    request = _open(
        by=by,
        matter=matter,
        group=group,
        question=reason,
        due_on=due_on,
        origin=RequestOrigin.FLAGGED,
    )
    _tell_preparers(
        request,
        by=by,
        subject=gettext_noop("%(group)s flagged “%(matter)s”"),
        part=gettext_noop(
            "%(group)s judges that the matter “%(matter)s” concerns its group and will give a "
            "statement. Record how it was taken into account once it is given: %(url)s"
        ),
    )
    return request


@transaction.atomic
def submit_statement(
    *,
    by: User,
    request: StatementRequest,
    text: str,
    approved_on: date | None,
    minutes_section: str = "",
    meeting: Any = None,
    public: bool = True,
) -> StatementRequest:
    """The group's secretary records the statement its meeting approved, and submits it."""
    require(by, "statements.submit", request)
    problems = []
    if request.status != RequestStatus.REQUESTED:
        problems.append(Problem(_("The statement has already been submitted.")))
    if not text.strip():
        problems.append(Problem(_("Write the statement."), field="text"))
    if meeting is not None and meeting.group_id != request.group_id:
        problems.append(Problem(_("Choose a meeting of this group."), field="meeting"))
    if approved_on is None and meeting is not None:
        approved_on = timezone.localtime(meeting.starts_at).date()
    if approved_on is None:
        problems.append(
            Problem(_("Give the date the group approved the statement."), field="approved_on")
        )
    elif approved_on > timezone.localdate():
        problems.append(
            Problem(_("The approval date cannot be in the future."), field="approved_on")
        )
    if problems:
        raise StatementError.of(problems)
    request.text = text.strip()
    request.approved_on = approved_on
    request.minutes_section = minutes_section.strip()
    request.meeting = meeting
    request.public = public
    request.submitted_by = person(by)
    request.submitted_at = timezone.now()
    request.status = RequestStatus.SUBMITTED
    request.save()
    _tell_preparers(
        request,
        by=by,
        subject=gettext_noop("%(group)s gave its statement"),
        part=gettext_noop(
            "%(group)s gave its statement on the matter “%(matter)s”. Record how it was taken into "
            "account: %(url)s"
        ),
    )
    return request


@transaction.atomic
def consider_statement(*, by: User, request: StatementRequest, text: str) -> StatementRequest:
    """Whoever prepares or decides the matter records how the statement was taken into
    account; the group is told (#8's told-back, seed 004: an effect or the reasons)."""
    require(by, "statements.consider", request)
    if request.status == RequestStatus.REQUESTED:
        raise StatementError(_("The group has not given its statement yet."))
    if request.status == RequestStatus.CONSIDERED:
        raise StatementError(_("How the statement was taken into account is already recorded."))
    if not text.strip():
        raise StatementError(
            _("Write how the statement was taken into account."), field="consideration"
        )
    request.consideration = text.strip()
    request.considered_by = person(by)
    request.considered_at = timezone.now()
    request.status = RequestStatus.CONSIDERED
    request.save(update_fields=["consideration", "considered_by", "considered_at", "status"])
    tell_group(
        request,
        _in_languages(
            gettext_noop(
                "How the statement of %(group)s on “%(matter)s” was taken into account: %(text)s"
            ),
            group=request.group.name,
            matter=request.matter.title,
            text=request.consideration,
        ),
    )
    return request


def requests_of(pks: Iterable[int]) -> list[StatementRequest]:
    return list(StatementRequest.objects.filter(pk__in=list(pks)).select_related("matter", "group"))


def statement_url(pk: int) -> str:
    return absolute_url(reverse("statements:detail", kwargs={"pk": pk}))
