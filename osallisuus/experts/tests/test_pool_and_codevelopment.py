"""The pool joined to co-development (#17 item 2): a project asks the pool; the person who
accepts and signs becomes a group member as an expert by experience; the group's balance and
the person's fees follow. Matching ranks a recent use of the services higher."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.codevelopment.selectors import group_balance, group_of
from osallisuus.codevelopment.services import join_as_expert
from osallisuus.codevelopment.tests.factories import project_with_workshop
from osallisuus.experts import selectors, services
from osallisuus.experts.fees import LineInput
from osallisuus.experts.models import ExpertRequest
from osallisuus.experts.tests.factories import fee_tables, make_profile, make_request

pytestmark = pytest.mark.django_db


def request_body(title: str) -> dict[str, str]:
    starts = timezone.localtime() + datetime.timedelta(days=10)
    return {
        "topic": title,
        "assignment_type": "workshop",
        "language": "fi",
        "starts_at": starts.strftime("%Y-%m-%dT10:00"),
        "mode": "onsite",
        "duration_hours": "3.0",
        "role": "developer_client",
        "people_needed": "1",
    }


def test_the_facilitator_asks_the_pool_from_the_project(client, unit):
    setup = project_with_workshop(unit)
    sign_in(client, setup.facilitator)
    url = reverse("experts:project_request", kwargs={"project_pk": setup.project.pk})
    group_page = client.get(reverse("codevelopment:group", kwargs={"pk": setup.project.pk}))
    assert url in group_page.content.decode()
    assert client.get(url).status_code == 200
    response = client.post(url, request_body("Ajanvarauksen työpaja"))
    request = ExpertRequest.objects.get()
    assert response.url == request.get_absolute_url()
    assert request.project == setup.project
    assert request.requested_by == setup.facilitator


def test_a_group_member_who_does_not_run_the_project_cannot_ask(client, unit):
    setup = project_with_workshop(unit)
    sign_in(client, setup.professional)
    url = reverse("experts:project_request", kwargs={"project_pk": setup.project.pk})
    assert client.post(url, request_body("Työpaja")).status_code == 404
    assert not ExpertRequest.objects.exists()


def test_the_accepted_person_joins_the_group_under_the_signed_contract_and_is_paid(unit):
    fee_tables(timezone.localdate().year)
    setup = project_with_workshop(unit)
    coordinator = user_with_role("coordinator")
    before = group_balance(setup.project)
    request = services.ask_pool_for_project(
        project=setup.project,
        by=setup.facilitator,
        areas=[],
        topic="Ajanvarauksen työpaja",
        language="fi",
        starts_at=timezone.now(),
        mode="onsite",
        duration_hours=Decimal("3.0"),
        role="developer_client",
        people_needed=1,
    )
    profile = make_profile(roles=("developer_client",))
    invitation = services.invite(request=request, profiles=[profile], by=coordinator)[0]
    assignment = services.answer_invitation(invitation=invitation, accept=True)
    contract = services.current_contract(assignment)
    services.sign_contract(contract=contract, by=profile.user)
    # Not a member before the organisation has signed too (confidentiality is in the contract).
    assert not group_of(setup.project).filter(user=profile.user).exists()
    services.sign_contract(contract=contract, by=coordinator)
    member = group_of(setup.project).get(user=profile.user)
    assert member.role == "expert"
    assert group_balance(setup.project).clients == before.clients + 1
    services.start_assignment(assignment=assignment, by=coordinator)
    claim = services.submit_claim(
        assignment=assignment,
        by=profile.user,
        lines=[LineInput(date=timezone.localdate(), hours=Decimal(3))],
        expenses=[],
    )
    services.decide_claim(claim=claim, by=coordinator, approve=True)
    [row] = selectors.approved_claims()
    assert (row.name, row.fee) == (profile.name, Decimal("75.00"))


def test_a_recent_use_of_the_services_ranks_higher_with_its_reason():
    request = make_request()
    today = timezone.localdate()
    long_ago = make_profile(last_service_use=today - datetime.timedelta(days=3650))
    recent = make_profile(last_service_use=today - datetime.timedelta(days=60))
    candidates = selectors.candidates_for(request)
    assert [c.profile for c in candidates] == [recent, long_ago]
    assert any(r.startswith("Palvelujen tuore käyttö") for r in candidates[0].reasons)


def test_the_date_of_service_use_needs_consent():
    with pytest.raises(services.ExpertsError):
        services.apply_to_pool(
            user=user_with_role("resident"),
            data=services.ProfileData(last_service_use=datetime.date(2026, 1, 1)),
        )


def test_the_requester_who_is_not_a_coordinator_does_not_see_the_date(client, unit):
    profile = make_profile(last_service_use=datetime.date(2026, 5, 4))
    staff = user_with_role("staff", unit=unit)
    request = make_request(by=staff)
    services.answer_invitation(
        invitation=services.invite(
            request=request, profiles=[profile], by=user_with_role("coordinator")
        )[0],
        accept=True,
    )
    sign_in(client, staff)
    assert "4.5.2026" not in client.get(request.get_absolute_url()).content.decode()


def test_joining_through_the_pool_pays_a_client_member_and_never_demotes_a_professional(unit):
    setup = project_with_workshop(unit)
    join_as_expert(project=setup.project, user=setup.client)
    join_as_expert(project=setup.project, user=setup.professional)
    roles = dict(group_of(setup.project).values_list("user", "role"))
    assert roles[setup.client.pk] == "expert"
    assert roles[setup.professional.pk] == "professional"
