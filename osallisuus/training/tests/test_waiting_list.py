"""The waiting-list rule of test_concurrency.py, one step after another, so it is covered on
every database (SQLite too): approvals beyond the places wait-list, and each freed place goes
to the longest-waiting person, exactly one each."""

from __future__ import annotations

import pytest

from osallisuus.accounts.tests.factories import UserFactory, user_with_role

from .. import services
from ..models import Enrolment
from .factories import make_course, with_place

pytestmark = pytest.mark.django_db


def test_approvals_one_after_another_fill_exactly_the_places():
    coordinator = user_with_role("coordinator")
    course = make_course(by=coordinator, capacity=3)
    asked = [services.enrol(course=course, user=UserFactory()) for _ in range(6)]
    for enrolment in asked:
        services.approve_enrolment(enrolment=enrolment, by=coordinator)
    statuses = [
        Enrolment.objects.get(pk=enrolment.pk).status for enrolment in asked
    ]  # in the order asked
    assert statuses == ["approved"] * 3 + ["waiting"] * 3


def test_cancellations_one_after_another_move_up_one_person_each_in_order():
    coordinator = user_with_role("coordinator")
    course = make_course(by=coordinator, capacity=2)
    placed = [with_place(course, by=coordinator) for _ in range(2)]
    waiting = [with_place(course, by=coordinator) for _ in range(3)]
    moved = [services.cancel_enrolment(enrolment=e, by=coordinator) for e in placed]
    assert moved == waiting[:2]
    approved = set(
        Enrolment.objects.filter(course=course, status="approved").values_list("pk", flat=True)
    )
    assert approved == {waiting[0].pk, waiting[1].pk}
    assert Enrolment.objects.get(pk=waiting[2].pk).status == "waiting"
