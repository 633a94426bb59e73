"""Writes of the course catalogue: courses and sessions, enrolment with approval and a waiting
list that moves up by itself, attendance and completion, course feedback.

A place is counted under a lock on the course row (`select_for_update`): approving and
cancelling one course's enrolments run one at a time, so two coordinators cannot fill the
same last place and a freed place goes to exactly one person on the waiting list.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from osallisuus.authorization import person, require
from osallisuus.errors import DomainError, Problem
from osallisuus.experts import selectors as experts_selectors
from osallisuus.experts import services as experts_services
from osallisuus.feedback.questions import check_answer

from .models import Attendance, Course, CourseFeedback, Enrolment, Session

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

LIVE = (Enrolment.Status.REQUESTED, Enrolment.Status.APPROVED, Enrolment.Status.WAITING)
HOLDING = (Enrolment.Status.APPROVED, Enrolment.Status.COMPLETED)


class TrainingError(DomainError):
    """A step of a course that is not allowed now."""


@transaction.atomic
def create_course(*, by: User, unlocks: Iterable[str] = (), **fields: Any) -> Course:
    """A new course in the catalogue; its sessions are added one by one."""
    require(by, "training.manage_courses")
    return Course.objects.create(created_by=person(by), unlocks=",".join(unlocks), **fields)


@transaction.atomic
def add_session(
    *,
    course: Course,
    by: User,
    starts_at: datetime.datetime,
    place: str = "",
    remote_link: str = "",
) -> Session:
    """A session on site (a place) or remote (a link), or both."""
    require(by, "training.manage_courses")
    if not place.strip() and not remote_link.strip():
        raise TrainingError(_("Give the place or the remote link."), field="place")
    return Session.objects.create(
        course=course, starts_at=starts_at, place=place.strip(), remote_link=remote_link.strip()
    )


@transaction.atomic
def enrol(*, course: Course, user: User) -> Enrolment:
    """The person asks for a place; a coordinator approves it."""
    require(user, "training.enrol")
    if Enrolment.objects.filter(course=course, user=user, status__in=LIVE).exists():
        raise TrainingError(_("You have already enrolled on this course."))
    if Enrolment.objects.filter(
        course=course, user=user, status=Enrolment.Status.COMPLETED
    ).exists():
        raise TrainingError(_("You have already completed this course."))
    return Enrolment.objects.create(course=course, user=user)


def _locked(enrolment: Enrolment) -> Enrolment:
    """Lock the course row first (one place count at a time), then reread the enrolment."""
    Course.objects.select_for_update().get(pk=enrolment.course_id)
    return Enrolment.objects.select_for_update().select_related("course").get(pk=enrolment.pk)


def _places_taken(course: Course) -> int:
    return Enrolment.objects.filter(course=course, status__in=HOLDING).count()


@transaction.atomic
def approve_enrolment(*, enrolment: Enrolment, by: User) -> Enrolment:
    """A place if one is free, otherwise the end of the waiting list."""
    require(by, "training.manage_courses")
    enrolment = _locked(enrolment)
    if enrolment.status != Enrolment.Status.REQUESTED:
        raise TrainingError(_("This enrolment has already been decided."))
    now = timezone.now()
    if _places_taken(enrolment.course) < enrolment.course.capacity:
        enrolment.status = Enrolment.Status.APPROVED
    else:
        enrolment.status = Enrolment.Status.WAITING
        enrolment.waiting_since = now
    enrolment.decided_at = now
    enrolment.save(update_fields=["status", "waiting_since", "decided_at"])
    return enrolment


@transaction.atomic
def decline_enrolment(*, enrolment: Enrolment, by: User) -> Enrolment:
    require(by, "training.manage_courses")
    enrolment = _locked(enrolment)
    if enrolment.status != Enrolment.Status.REQUESTED:
        raise TrainingError(_("This enrolment has already been decided."))
    enrolment.status = Enrolment.Status.DECLINED
    enrolment.decided_at = timezone.now()
    enrolment.save(update_fields=["status", "decided_at"])
    return enrolment


@transaction.atomic
def cancel_enrolment(*, enrolment: Enrolment, by: User) -> Enrolment | None:
    """The person (or a coordinator) cancels; a freed place goes to the first on the waiting
    list in the same transaction. Returns the enrolment that moved up, if any."""
    require(by, "training.cancel_enrolment", enrolment)
    enrolment = _locked(enrolment)
    if enrolment.status not in LIVE:
        raise TrainingError(_("Only an enrolment that is still open can be cancelled."))
    freed = enrolment.status == Enrolment.Status.APPROVED
    enrolment.status = Enrolment.Status.CANCELLED
    enrolment.save(update_fields=["status"])
    if not freed or _places_taken(enrolment.course) >= enrolment.course.capacity:
        return None
    first = (
        Enrolment.objects.select_for_update()
        .filter(course=enrolment.course, status=Enrolment.Status.WAITING)
        .order_by("waiting_since", "pk")
        .first()
    )
    if first is None:
        return None
    first.status = Enrolment.Status.APPROVED
    first.waiting_since = None
    first.save(update_fields=["status", "waiting_since"])
    return first


@transaction.atomic
def mark_attendance(*, session: Session, by: User, present: Iterable[Enrolment]) -> list[Enrolment]:
    """Who was at the session (exactly these holders of a place); everyone who now meets the
    completion rule completes the course. Returns those who completed now."""
    require(by, "training.manage_courses")
    course = Course.objects.select_for_update().get(pk=session.course_id)
    holders = Enrolment.objects.filter(course=course, status__in=HOLDING)
    wanted = {e.pk for e in present}
    if wanted - set(holders.values_list("pk", flat=True)):
        raise TrainingError(_("Only people with a place on the course can attend."))
    session.attendance.exclude(enrolment_id__in=wanted).filter(
        enrolment__status=Enrolment.Status.APPROVED
    ).delete()
    already = set(session.attendance.values_list("enrolment_id", flat=True))
    Attendance.objects.bulk_create(
        [Attendance(session=session, enrolment_id=pk) for pk in sorted(wanted - already)]
    )
    ready = (
        holders.filter(status=Enrolment.Status.APPROVED)
        .annotate(attended=Count("attendance"))
        .filter(attended__gte=course.sessions_required)
        .select_related("user")
    )
    return [_complete(enrolment, course=course, by=by) for enrolment in ready]


def _complete(enrolment: Enrolment, *, course: Course, by: User) -> Enrolment:
    """The completion rule is met: a certificate number, and the expert's training record
    (which meets the requirement of the assignment types the course unlocks)."""
    now = timezone.now()
    enrolment.status = Enrolment.Status.COMPLETED
    enrolment.completed_at = now
    enrolment.certificate_number = f"{now:%Y}-{course.pk}-{enrolment.pk}"
    enrolment.save(update_fields=["status", "completed_at", "certificate_number"])
    profile = experts_selectors.profile_of(enrolment.user)
    if profile is not None and profile.erased_at is None:
        experts_services.record_training(
            profile=profile,
            by=by,
            course=course.title,
            organiser=course.organiser,
            date=timezone.localdate(now),
            qualifies_for=course.unlock_list,
        )
    return enrolment


@transaction.atomic
def give_course_feedback(
    *, enrolment: Enrolment, by: User, answers: dict[str, Any]
) -> CourseFeedback:
    """The participant answers the course's question set once, after attending."""
    require(by, "training.give_course_feedback", enrolment)
    question_set = enrolment.course.question_set
    if question_set is None:
        raise TrainingError(_("This course does not ask for feedback."))
    if not enrolment.attendance.exists():
        raise TrainingError(_("Feedback can be given after attending a session."))
    if CourseFeedback.objects.filter(enrolment=enrolment).exists():
        raise TrainingError(_("You have already given feedback on this course."))
    problems: list[Problem] = []
    stored: dict[str, Any] = {}
    for question in question_set.questions.all():
        value = answers.get(question.key)
        if value in (None, ""):
            if question.required:
                problems.append(Problem(_("Answer this question."), question.key))
            continue
        try:
            checked = check_answer(question, value)
        except ValueError as error:
            problems.append(Problem(str(error), question.key))
            continue
        stored[question.key] = (
            checked.value_int if checked.value_int is not None else checked.value_text
        )
    if problems:
        raise TrainingError.of(problems)
    return CourseFeedback.objects.create(
        enrolment=enrolment, question_set=question_set, answers=stored
    )
