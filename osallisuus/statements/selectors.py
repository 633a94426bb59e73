"""Reads of statements, always scoped to who asks."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from osallisuus.authorization import NotPermitted
from osallisuus.trail.matters.selectors import matters_for
from osallisuus.trail.models import Matter

from .models import RequestStatus, StatementRequest

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser, User

GIVEN = (RequestStatus.SUBMITTED, RequestStatus.CONSIDERED)


def requests_visible_to(user: MaybeUser) -> QuerySet[StatementRequest]:
    """Public statements for everyone; every request of the matters the user may see (its
    preparer, its decision makers, coordinators) and of the groups the user sits in."""
    found = StatementRequest.objects.select_related("matter", "group", "meeting")
    public = Q(status__in=GIVEN, public=True)
    if not user.is_authenticated or user.pk is None:
        return found.filter(public)
    seated = Q(group__members__user=user, group__members__left_on__isnull=True)
    return found.filter(
        public
        | Q(matter__in=matters_for(user).values("pk"))
        | Q(pk__in=StatementRequest.objects.filter(seated).values("pk"))
    )


def access_request(*, user: MaybeUser, pk: int) -> StatementRequest:
    """The request, if `user` may read it; else "not found"."""
    found = requests_visible_to(user).filter(pk=pk).first()
    if found is None:
        raise NotPermitted
    return found


def is_overdue(request: StatementRequest, today: date | None = None) -> bool:
    return request.status == RequestStatus.REQUESTED and request.due_on < (
        today or timezone.localdate()
    )


def overdue_requests(*, today: date | None = None) -> QuerySet[StatementRequest]:
    """Requests still without a statement after their due date, oldest due first."""
    today = today or timezone.localdate()
    return StatementRequest.objects.filter(
        status=RequestStatus.REQUESTED, due_on__lt=today
    ).select_related("matter", "group")


def waiting_for_answer(user: User) -> QuerySet[StatementRequest]:
    """Statements given on matters the user prepares or decides and not yet answered: the
    preparer must record how each was taken into account."""
    return requests_visible_to(user).filter(
        status=RequestStatus.SUBMITTED, matter__in=matters_for(user).values("pk")
    )


def statements_of_matter(matter: Any) -> QuerySet[StatementRequest]:
    return StatementRequest.objects.filter(matter=matter).select_related("group")


def matters_to_flag() -> QuerySet[Matter]:
    """Undecided matters carried to a body of the register: what an influence body may flag
    (their titles are agenda matters of the county's bodies)."""
    return Matter.objects.filter(target_body__isnull=False, decision__isnull=True).order_by(
        "-created_at", "-pk"
    )
