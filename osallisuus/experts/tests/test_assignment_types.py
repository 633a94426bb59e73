"""Types of assignment (#17 item 1): shown, filterable, and a type may need a completed course
before the work starts; like every assignment, none starts without a signed contract."""

from __future__ import annotations

import pytest
from django.urls import reverse

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.experts import selectors, services
from osallisuus.experts.models import Assignment, AssignmentType, TypeRequirement
from osallisuus.experts.tests.factories import make_profile, make_request

pytestmark = pytest.mark.django_db


def signed_assignment(*, assignment_type: str, coordinator):
    """An accepted collector-type assignment whose contract both have signed."""
    profile = make_profile()
    request = make_request(assignment_type=assignment_type)
    invitation = services.invite(request=request, profiles=[profile], by=coordinator)[0]
    assignment = services.answer_invitation(invitation=invitation, accept=True)
    contract = services.current_contract(assignment)
    services.sign_contract(contract=contract, by=profile.user)
    services.sign_contract(contract=contract, by=coordinator)
    return assignment


def english(client):
    client.cookies["django_language"] = "en"
    return client


def test_a_type_that_needs_a_course_does_not_start_before_the_course(client_as):
    coordinator = english(client_as("coordinator"))
    TypeRequirement.objects.create(
        assignment_type=AssignmentType.QUALITY_MONITOR, course="Laadunvalvojan koulutus"
    )
    assignment = signed_assignment(
        assignment_type=AssignmentType.QUALITY_MONITOR, coordinator=coordinator.user
    )
    url = reverse("experts:assignment_start", kwargs={"pk": assignment.pk})
    body = coordinator.post(url, follow=True).content.decode()
    assert "needs a completed course first: Laadunvalvojan koulutus" in body
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.AGREED


def test_a_training_that_qualifies_for_the_type_lets_the_work_start(client_as):
    coordinator = client_as("coordinator")
    TypeRequirement.objects.create(assignment_type=AssignmentType.COLLECTOR, course="Keruu")
    assignment = signed_assignment(
        assignment_type=AssignmentType.COLLECTOR, coordinator=coordinator.user
    )
    training_url = reverse("experts:profile_training", kwargs={"pk": assignment.profile.pk})
    coordinator.post(
        training_url,
        {
            "training-course": "Palautteen keruu",
            "training-organiser": "Hyvinvointialue",
            "training-date": "2026-03-01",
            "training-qualifies_for": ["collector"],
        },
    )
    coordinator.post(reverse("experts:assignment_start", kwargs={"pk": assignment.pk}))
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.STARTED


def test_a_training_for_another_type_does_not_count(client_as):
    coordinator = user_with_role("coordinator")
    TypeRequirement.objects.create(assignment_type=AssignmentType.EVALUATOR, course="Arviointi")
    assignment = signed_assignment(
        assignment_type=AssignmentType.EVALUATOR, coordinator=coordinator
    )
    services.record_training(
        profile=assignment.profile,
        by=coordinator,
        course="Keruu",
        organiser="Alue",
        date=assignment.created_at.date(),
        qualifies_for=["collector"],
    )
    with pytest.raises(services.ExpertsError):
        services.start_assignment(assignment=assignment, by=coordinator)


def test_the_contract_rule_holds_for_every_type():
    coordinator = user_with_role("coordinator")
    profile = make_profile()
    request = make_request(assignment_type=AssignmentType.COLLECTOR)
    invitation = services.invite(request=request, profiles=[profile], by=coordinator)[0]
    assignment = services.answer_invitation(invitation=invitation, accept=True)
    with pytest.raises(services.ContractNotSignedError):
        services.start_assignment(assignment=assignment, by=coordinator)


def test_candidates_without_the_course_are_not_suitable_and_told_why():
    TypeRequirement.objects.create(assignment_type=AssignmentType.OBSERVER, course="Havainnointi")
    make_profile()
    request = make_request(assignment_type=AssignmentType.OBSERVER)
    [candidate] = selectors.candidates_for(request)
    assert not candidate.suitable
    assert "Ei ole suorittanut kurssia: Havainnointi" in candidate.reasons


def test_the_request_list_shows_and_filters_by_type(client_as):
    client = english(client_as("coordinator"))
    make_request(topic="Laatukierros", assignment_type=AssignmentType.QUALITY_MONITOR)
    make_request(topic="Henkilöstökoulutus", assignment_type=AssignmentType.STAFF_TRAINING)
    everything = client.get(reverse("experts:requests")).content.decode()
    assert "Laatukierros" in everything and "Henkilöstökoulutus" in everything
    assert "quality monitor" in everything
    only = client.get(reverse("experts:requests"), {"tyyppi": "quality_monitor"}).content.decode()
    assert "Laatukierros" in only
    assert "Henkilöstökoulutus" not in only


def test_a_request_is_filed_with_its_type(client_as):
    client = client_as("staff")
    body = {
        "topic": "Vertaistuki",
        "assignment_type": "peer",
        "language": "fi",
        "starts_at": "2030-01-10T10:00",
        "mode": "onsite",
        "duration_hours": "2.0",
        "role": "expert",
        "people_needed": "1",
    }
    response = client.post(reverse("experts:new_request"), body)
    assert response.status_code == 302
    request = selectors.requests_for(client.user).get()
    assert request.assignment_type == AssignmentType.PEER
    page = english(client).get(request.get_absolute_url()).content.decode()
    assert "peer or joint appointment" in page
