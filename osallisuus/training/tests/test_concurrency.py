"""Places are counted under a lock: coordinators approving at the same moment never fill a
course beyond its places, and each freed place goes to exactly one person (PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection

from osallisuus.accounts.tests.factories import UserFactory, user_with_role

from .. import services
from ..models import Enrolment
from .factories import make_course, with_place

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


def at_once(actions: list[Callable[[], object]]) -> None:
    barrier = threading.Barrier(len(actions))

    def run(action: Callable[[], object]) -> None:
        try:
            barrier.wait()
            action()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_approvals_at_the_same_moment_fill_exactly_the_places():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (concurrent connections)")
    coordinator = user_with_role("coordinator")
    course = make_course(by=coordinator, capacity=3)
    asked = [services.enrol(course=course, user=UserFactory()) for _ in range(6)]
    at_once([(lambda e=e: services.approve_enrolment(enrolment=e, by=coordinator)) for e in asked])
    statuses = sorted(Enrolment.objects.filter(course=course).values_list("status", flat=True))
    assert statuses == ["approved"] * 3 + ["waiting"] * 3


def test_cancellations_at_the_same_moment_move_up_one_person_each():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (concurrent connections)")
    coordinator = user_with_role("coordinator")
    course = make_course(by=coordinator, capacity=2)
    placed = [with_place(course, by=coordinator) for _ in range(2)]
    waiting = [with_place(course, by=coordinator) for _ in range(3)]
    at_once([(lambda e=e: services.cancel_enrolment(enrolment=e, by=coordinator)) for e in placed])
    approved = set(
        Enrolment.objects.filter(course=course, status="approved").values_list("pk", flat=True)
    )
    assert approved == {waiting[0].pk, waiting[1].pk}
    assert Enrolment.objects.get(pk=waiting[2].pk).status == "waiting"
