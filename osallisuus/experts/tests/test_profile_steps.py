"""A coordinator's steps on a person's page: each posts to its own address."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.experts.models import ExpertProfile, ProfileStatus
from osallisuus.experts.tests.factories import make_profile

pytestmark = pytest.mark.django_db

STEPS = ["profile_approve", "profile_erase", "profile_training", "profile_membership"]


def step(name: str, profile: ExpertProfile) -> str:
    return reverse(f"experts:{name}", kwargs={"pk": profile.pk})


def english(client):
    client.cookies["django_language"] = "en"
    return client


def test_a_coordinator_approves_an_applicant(client_as):
    profile = make_profile(status=ProfileStatus.APPLICANT)
    coordinator = english(client_as("coordinator"))
    response = coordinator.post(step("profile_approve", profile), follow=True)
    assert response.redirect_chain == [(profile.get_absolute_url(), 302)]
    assert "The applicant was approved." in response.content.decode()
    profile.refresh_from_db()
    assert profile.status == ProfileStatus.ACTIVE


def test_confirming_erasure_goes_back_to_the_applicants(client_as):
    profile = make_profile()
    profile.erasure_requested_at = timezone.now()
    profile.save(update_fields=["erasure_requested_at"])
    coordinator = english(client_as("coordinator"))
    response = coordinator.post(step("profile_erase", profile))
    assert response.url == reverse("experts:applicants")
    profile.refresh_from_db()
    assert profile.erased_at is not None


def test_a_membership_without_a_status_shows_the_page_again_with_the_error(client_as):
    profile = make_profile()
    coordinator = english(client_as("coordinator"))
    response = coordinator.post(
        step("profile_membership", profile),
        {"membership-status": "", "membership-stage": "support"},
    )
    assert response.status_code == 200
    assert response.context["membership_form"].errors["status"]
    assert not response.context["training_form"].is_bound
    profile.refresh_from_db()
    assert profile.status == ProfileStatus.ACTIVE


@pytest.mark.parametrize("name", STEPS)
def test_each_step_is_post_only_and_for_coordinators(client_as, name):
    profile = make_profile(status=ProfileStatus.APPLICANT)
    assert client_as("coordinator").get(step(name, profile)).status_code == 405
    assert client_as("staff").post(step(name, profile)).status_code == 404
    profile.refresh_from_db()
    assert profile.status == ProfileStatus.APPLICANT


def test_the_page_posts_each_step_to_its_own_address(client_as):
    profile = make_profile(status=ProfileStatus.APPLICANT)
    profile.erasure_requested_at = timezone.now()
    profile.save(update_fields=["erasure_requested_at"])
    coordinator = client_as("coordinator")
    assert coordinator.post(profile.get_absolute_url()).status_code == 405
    body = coordinator.get(profile.get_absolute_url()).content.decode()
    for name in STEPS:
        assert f'action="{step(name, profile)}"' in body, name
    assert 'name="action"' not in body
