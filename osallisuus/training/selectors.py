"""Reads of the course catalogue: the catalogue with free places, one course's enrolments by
status, a person's own enrolments and the courses they completed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from osallisuus.authorization import require

from .models import Course, Enrolment, Session

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser, User

HOLDING = (Enrolment.Status.APPROVED, Enrolment.Status.COMPLETED)


def catalogue(*, audience: str = "") -> QuerySet[Course]:
    """Courses with their places taken and sessions counted, newest first."""
    courses = Course.objects.annotate(
        taken=Count("enrolments", filter=Q(enrolments__status__in=HOLDING), distinct=True),
        session_count=Count("sessions", distinct=True),
    )
    return courses.filter(audience=audience) if audience else courses


def access_course(*, user: MaybeUser, pk: int) -> Course:
    """A course of the catalogue for anyone who may read it (404 otherwise)."""
    require(user, "training.view_catalogue")
    course = catalogue().select_related("question_set", "based_on").filter(pk=pk).first()
    if course is None:
        raise Http404
    return course


def access_enrolment(*, user: MaybeUser, pk: int) -> Enrolment:
    """One's own enrolment, or any for a coordinator (404 otherwise)."""
    enrolment = (
        Enrolment.objects.select_related("course", "course__question_set", "user")
        .filter(pk=pk)
        .first()
    )
    if enrolment is None:
        raise Http404
    require(user, "training.view_enrolment", enrolment)
    return enrolment


def access_session(*, user: MaybeUser, pk: int) -> Session:
    """A session, for those who run courses (404 otherwise)."""
    require(user, "training.manage_courses")
    session = Session.objects.select_related("course").filter(pk=pk).first()
    if session is None:
        raise Http404
    return session


@dataclass(frozen=True)
class CourseRoster:
    requested: list[Enrolment]
    holding: list[Enrolment]
    waiting: list[Enrolment]


def roster(course: Course) -> CourseRoster:
    """A course's enrolments for its coordinator: to decide, with a place, on the waiting list
    (in the order they move up)."""
    enrolments = (
        Enrolment.objects.filter(course=course)
        .select_related("user")
        .annotate(attended=Count("attendance"))
    )
    return CourseRoster(
        requested=list(enrolments.filter(status=Enrolment.Status.REQUESTED)),
        holding=list(enrolments.filter(status__in=HOLDING)),
        waiting=list(
            enrolments.filter(status=Enrolment.Status.WAITING).order_by("waiting_since", "pk")
        ),
    )


def place_holders(course: Course) -> QuerySet[Enrolment]:
    """Those with a place (or who completed), by name: the attendance list."""
    return (
        Enrolment.objects.filter(course=course, status__in=HOLDING)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def attendees(session: Session) -> list[int]:
    """The enrolments marked present at the session."""
    return list(session.attendance.values_list("enrolment_id", flat=True))


def own_enrolment(*, user: MaybeUser, course: Course) -> Enrolment | None:
    """The person's latest enrolment on the course, if any."""
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(course=course, user=user).order_by("-pk").first()


def waiting_position(enrolment: Enrolment) -> int | None:
    """1 for the first on the waiting list; None when not waiting."""
    if enrolment.status != Enrolment.Status.WAITING or enrolment.waiting_since is None:
        return None
    ahead = Enrolment.objects.filter(
        course_id=enrolment.course_id, status=Enrolment.Status.WAITING
    ).filter(
        Q(waiting_since__lt=enrolment.waiting_since)
        | Q(waiting_since=enrolment.waiting_since, pk__lt=enrolment.pk)
    )
    return ahead.count() + 1


def own_enrolments(user: User) -> QuerySet[Enrolment]:
    """The person's enrolments, newest first, with how many sessions they attended."""
    return (
        Enrolment.objects.filter(user=user)
        .select_related("course")
        .annotate(attended=Count("attendance"))
        .order_by("-created_at", "-pk")
    )


def completed_courses_by_user(user_ids: list[int]) -> dict[int, int]:
    """How many courses each person has completed (for the pool's reports)."""
    rows = (
        Enrolment.objects.filter(user_id__in=user_ids, status=Enrolment.Status.COMPLETED)
        .values("user_id")
        .annotate(n=Count("pk"))
    )
    return {row["user_id"]: row["n"] for row in rows}
