"""Courses (#17 item 6): places and the waiting list, attendance and completion, the
certificate, the expert's training record and the assignment types it unlocks, feedback."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from osallisuus.accounts.tests.factories import UserFactory, sign_in, user_with_role
from osallisuus.errors import DomainError
from osallisuus.experts import selectors as experts_selectors
from osallisuus.experts.models import AssignmentType, TypeRequirement
from osallisuus.experts.tests.factories import make_profile

from .. import services
from ..models import CourseFeedback, Enrolment
from .factories import course_feedback_set, make_course, with_place

pytestmark = pytest.mark.django_db


def test_a_course_with_ten_places_wait_lists_the_eleventh_who_moves_up_when_one_cancels():
    coordinator = user_with_role("coordinator")
    course = make_course(by=coordinator, capacity=10)
    placed = [with_place(course, by=coordinator) for _ in range(10)]
    eleventh = with_place(course, by=coordinator)
    twelfth = with_place(course, by=coordinator)

    assert {e.status for e in placed} == {Enrolment.Status.APPROVED}
    assert eleventh.status == twelfth.status == Enrolment.Status.WAITING

    moved = services.cancel_enrolment(enrolment=placed[3], by=placed[3].user)

    assert moved == eleventh
    eleventh.refresh_from_db()
    twelfth.refresh_from_db()
    assert eleventh.status == Enrolment.Status.APPROVED
    assert twelfth.status == Enrolment.Status.WAITING
    assert Enrolment.objects.filter(course=course, status=Enrolment.Status.APPROVED).count() == 10


def test_cancelling_a_place_on_the_waiting_list_moves_nobody_up():
    coordinator = user_with_role("coordinator")
    course = make_course(by=coordinator, capacity=1)
    with_place(course, by=coordinator)
    second = with_place(course, by=coordinator)
    third = with_place(course, by=coordinator)

    assert services.cancel_enrolment(enrolment=second, by=coordinator) is None
    third.refresh_from_db()
    assert third.status == Enrolment.Status.WAITING


def test_a_person_enrols_only_once_and_others_cannot_cancel_their_place():
    coordinator = user_with_role("coordinator")
    course = make_course(by=coordinator)
    enrolment = with_place(course, by=coordinator)
    with pytest.raises(DomainError, match="already enrolled"):
        services.enrol(course=course, user=enrolment.user)
    with pytest.raises(Http404):
        services.cancel_enrolment(enrolment=enrolment, by=UserFactory())
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.APPROVED


def test_a_session_needs_a_place_or_a_remote_link():
    coordinator = user_with_role("coordinator")
    course = make_course(by=coordinator, sessions=0, sessions_required=1)
    with pytest.raises(DomainError, match="place or the remote link"):
        services.add_session(course=course, by=coordinator, starts_at=timezone.now())
    assert not course.sessions.exists()


def test_completion_issues_a_certificate_and_unlocks_the_quality_monitor_type(client):
    coordinator = user_with_role("coordinator")
    TypeRequirement.objects.create(
        assignment_type=AssignmentType.QUALITY_MONITOR, course="Laadunvalvojan koulutus"
    )
    profile = make_profile()
    course = make_course(
        by=coordinator,
        title="Laadunvalvojan koulutus",
        unlocks=[AssignmentType.QUALITY_MONITOR],
        sessions=2,
        sessions_required=2,
    )
    enrolment = with_place(course, by=coordinator, user=profile.user)
    first, second = course.sessions.all()
    assert experts_selectors.missing_course(profile, AssignmentType.QUALITY_MONITOR)

    assert services.mark_attendance(session=first, by=coordinator, present=[enrolment]) == []
    assert experts_selectors.missing_course(profile, AssignmentType.QUALITY_MONITOR)
    completed = services.mark_attendance(session=second, by=coordinator, present=[enrolment])

    assert completed == [enrolment]
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert enrolment.certificate_number
    assert experts_selectors.missing_course(profile, AssignmentType.QUALITY_MONITOR) is None
    assert profile.trainings.get().course == "Laadunvalvojan koulutus"
    # Another type the course does not unlock stays locked.
    TypeRequirement.objects.create(assignment_type=AssignmentType.EVALUATOR, course="Arviointi")
    assert experts_selectors.missing_course(profile, AssignmentType.EVALUATOR) == "Arviointi"

    sign_in(client, profile.user)
    response = client.get(reverse("training:certificate", kwargs={"pk": enrolment.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_certificate_is_not_there_before_completion(client):
    coordinator = user_with_role("coordinator")
    course = make_course(by=coordinator)
    enrolment = with_place(course, by=coordinator)
    sign_in(client, enrolment.user)
    response = client.get(reverse("training:certificate", kwargs={"pk": enrolment.pk}))
    assert response.status_code == 404


def test_only_people_with_a_place_can_attend():
    coordinator = user_with_role("coordinator")
    course = make_course(by=coordinator, capacity=1)
    with_place(course, by=coordinator)
    waiting = with_place(course, by=coordinator)
    with pytest.raises(DomainError, match="place on the course"):
        services.mark_attendance(session=course.sessions.first(), by=coordinator, present=[waiting])
    assert not waiting.attendance.exists()


def test_course_feedback_is_checked_against_the_question_set():
    coordinator = user_with_role("coordinator")
    course = make_course(by=coordinator, question_set=course_feedback_set(), sessions_required=1)
    enrolment = with_place(course, by=coordinator)
    services.mark_attendance(session=course.sessions.first(), by=coordinator, present=[enrolment])

    with pytest.raises(DomainError) as refused:
        services.give_course_feedback(
            enrolment=enrolment, by=enrolment.user, answers={"useful": "9", "change": "x"}
        )
    assert refused.value.field == "useful"
    assert not CourseFeedback.objects.exists()

    services.give_course_feedback(
        enrolment=enrolment,
        by=enrolment.user,
        answers={"useful": "4", "change": "Enemmän harjoituksia"},
    )
    assert CourseFeedback.objects.get().answers == {"useful": 4, "change": "Enemmän harjoituksia"}


def test_a_person_enrols_on_the_course_page_and_the_coordinator_approves(client_as):
    coordinator = client_as("coordinator")
    course = make_course(by=coordinator.user)
    person = client_as("resident")
    person.post(reverse("training:enrol", kwargs={"pk": course.pk}))
    enrolment = Enrolment.objects.get(course=course, user=person.user)
    assert enrolment.status == Enrolment.Status.REQUESTED

    coordinator.post(reverse("training:approve", kwargs={"pk": enrolment.pk}))
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.APPROVED
    page = person.get(course.get_absolute_url()).content.decode()
    assert "Cancel my enrolment" in page or "Peru ilmoittautumiseni" in page


def test_approving_and_declining_a_request_post_to_their_own_addresses(client_as):
    coordinator = client_as("coordinator")
    course = make_course(by=coordinator.user)
    enrolment = services.enrol(course=course, user=user_with_role("resident"))
    page = coordinator.get(course.get_absolute_url()).content.decode()
    for name in ("training:approve", "training:decline"):
        assert f'action="{reverse(name, kwargs={"pk": enrolment.pk})}"' in page
    assert 'name="decision"' not in page


def test_the_coordinator_declines_a_request_and_is_back_on_the_course_page(client_as):
    coordinator = client_as("coordinator")
    course = make_course(by=coordinator.user)
    enrolment = services.enrol(course=course, user=user_with_role("resident"))

    response = coordinator.post(reverse("training:decline", kwargs={"pk": enrolment.pk}))

    assert response.status_code == 302
    assert response.url == course.get_absolute_url()
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.DECLINED
