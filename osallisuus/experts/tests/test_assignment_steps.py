"""A coordinator's steps on an assignment: each posts to its own address and comes back."""

from __future__ import annotations

import pytest
from django.urls import reverse

from osallisuus.accounts.tests.factories import sign_in
from osallisuus.experts.models import Assignment, Contract
from osallisuus.experts.tests.factories import assignment_with_claim

pytestmark = pytest.mark.django_db

STEPS = ["assignment_start", "assignment_finish", "assignment_contract"]


def step(name: str, assignment: Assignment) -> str:
    return reverse(f"experts:{name}", kwargs={"pk": assignment.pk})


def english(client):
    client.cookies["django_language"] = "en"
    return client


def test_a_coordinator_marks_a_started_assignment_done(client_as):
    assignment = assignment_with_claim()["assignment"]
    coordinator = english(client_as("coordinator"))
    response = coordinator.post(step("assignment_finish", assignment), follow=True)
    assert response.redirect_chain == [(assignment.get_absolute_url(), 302)]
    assert "The assignment is done." in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.DONE


def test_starting_without_a_signed_contract_is_refused_with_a_message(client_as):
    assignment = assignment_with_claim()["assignment"]
    coordinator = english(client_as("coordinator"))
    coordinator.post(step("assignment_contract", assignment))  # a new version, unsigned
    response = coordinator.post(step("assignment_start", assignment), follow=True)
    assert response.redirect_chain == [(assignment.get_absolute_url(), 302)]
    body = response.content.decode()
    assert "Both parties must sign the contract before the start." in body
    assert "The assignment has started." not in body


def test_a_coordinator_makes_a_new_contract_version(client_as):
    assignment = assignment_with_claim()["assignment"]
    coordinator = english(client_as("coordinator"))
    response = coordinator.post(step("assignment_contract", assignment), follow=True)
    assert "A new contract version was made." in response.content.decode()
    versions = Contract.objects.filter(assignment=assignment).values_list("version", flat=True)
    assert sorted(versions) == [1, 2]


@pytest.mark.parametrize("name", STEPS)
def test_the_expert_cannot_take_a_coordinators_step(client, name):
    trail = assignment_with_claim()
    assignment = trail["assignment"]
    sign_in(client, trail["expert_profile"].user)
    assert client.post(step(name, assignment)).status_code == 404
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.STARTED
    assert Contract.objects.filter(assignment=assignment).count() == 1


@pytest.mark.parametrize("name", STEPS)
def test_each_step_is_post_only(client_as, name):
    assignment = assignment_with_claim()["assignment"]
    coordinator = client_as("coordinator")
    assert coordinator.get(step(name, assignment)).status_code == 405
    assert coordinator.post(assignment.get_absolute_url()).status_code == 405


def test_the_page_posts_the_step_to_its_own_address(client_as):
    assignment = assignment_with_claim()["assignment"]
    body = client_as("coordinator").get(assignment.get_absolute_url()).content.decode()
    assert f'action="{step("assignment_finish", assignment)}"' in body
    assert 'name="action"' not in body
