"""The pool's API: requests, assignments, contracts (with their PDF) and claims, each scoped
as on the pages, paginated, and lived-experience data only for the person and coordinators."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from osallisuus.accounts.tests.factories import UserFactory, sign_in
from osallisuus.audit.models import AccessLog
from osallisuus.experts.tests.factories import (
    ExperienceAreaFactory,
    assignment_with_claim,
    make_profile,
)

pytestmark = pytest.mark.django_db

LISTS = [
    "api:expert-request-list",
    "api:expert-assignment-list",
    "api:expert-contract-list",
    "api:expert-claim-list",
]


def _client(user: Any) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def _rows(client: Client, name: str, query: str = "") -> list[dict[str, Any]]:
    response = client.get(f"{reverse(name)}{query}")
    assert response.status_code == 200, (name, response.content)
    results: list[dict[str, Any]] = response.json()["results"]
    return results


def _pdf(client: Client, contract: Any, query: str = "") -> Any:
    url = reverse("api:expert-contract-pdf", kwargs={"pk": contract.pk})
    return client.get(f"{url}{query}", headers={"Accept": "application/pdf"})


@pytest.fixture
def trail(make_user: Any) -> dict[str, Any]:
    """The expert's started assignment with its contract and a submitted claim, on a request a
    staff member filed; the expert has an area of lived experience."""
    trail = assignment_with_claim(expert=UserFactory(), requester=make_user("staff"))
    trail["expert_profile"].experience_areas.add(ExperienceAreaFactory(name_fi="Päihteet"))
    return trail


def test_the_expert_reads_their_own_assignment_contract_and_claim_with_their_experience(trail):
    client = _client(trail["expert_profile"].user)
    [assignment] = _rows(client, "api:expert-assignment-list")
    assert assignment["id"] == trail["assignment"].pk
    assert assignment["topic"] == trail["request"].topic
    assert assignment["expert"]["experience_areas"] == ["Päihteet"]
    [contract] = _rows(client, "api:expert-contract-list")
    assert contract["id"] == trail["contract"].pk
    assert contract["fully_signed"] is True
    assert contract["pdf"].endswith(
        reverse("api:expert-contract-pdf", kwargs={"pk": trail["contract"].pk})
    )
    [claim] = _rows(client, "api:expert-claim-list")
    assert claim["id"] == trail["claim"].pk
    assert claim["status"] == "submitted"
    assert claim["total"] == str(trail["claim"].total)
    assert claim["expenses"] == [{"description": "Pysäköinti", "amount": "4.50"}]
    assert len(claim["lines"]) == 1
    # The expert files no requests: the requests list is a staff member's.
    assert client.get(reverse("api:expert-request-list")).status_code == 404


def test_another_expert_sees_nothing_of_the_first(trail):
    client = _client(make_profile().user)
    for name in LISTS[1:]:
        assert _rows(client, name) == [], name
    assert client.get(reverse("api:expert-request-list")).status_code == 404
    assert _pdf(client, trail["contract"]).status_code == 404


def test_the_requester_sees_their_request_and_who_is_coming_but_no_lived_experience(trail):
    client = _client(trail["request"].requested_by)
    [request] = _rows(client, "api:expert-request-list")
    assert request["id"] == trail["request"].pk
    [person] = request["people"]
    assert person["expert"]["name"] == trail["expert_profile"].name
    assert person["expert"]["roles"] == ["developer_client"]
    assert "experience_areas" not in person["expert"]
    [assignment] = _rows(client, "api:expert-assignment-list")
    assert "experience_areas" not in assignment["expert"]
    assert "Päihteet" not in client.get(reverse("api:expert-request-list")).content.decode()
    # The contract and the claim are the expert's and the coordinators' only.
    assert _rows(client, "api:expert-contract-list") == []
    assert _rows(client, "api:expert-claim-list") == []
    assert _pdf(client, trail["contract"]).status_code == 404


def test_another_staff_member_sees_none_of_the_requesters_things(trail, make_user):
    client = _client(make_user("staff"))
    for name in LISTS:
        assert _rows(client, name) == [], name
    assert _pdf(client, trail["contract"]).status_code == 404


def test_a_coordinator_sees_everyones_with_their_experience_and_the_reads_are_logged(
    trail, make_user
):
    second = assignment_with_claim()
    coordinator = make_user("coordinator")
    client = _client(coordinator)
    for name in LISTS:
        assert len(_rows(client, name)) == 2, name
    experts = {
        row["expert"]["name"]: row["expert"] for row in _rows(client, "api:expert-assignment-list")
    }
    assert experts[trail["expert_profile"].name]["experience_areas"] == ["Päihteet"]
    assert experts[second["expert_profile"].name]["experience_areas"] == []
    people = {
        p["expert"]["name"]: p["expert"] for r in _rows(client, LISTS[0]) for p in r["people"]
    }
    assert people[trail["expert_profile"].name]["experience_areas"] == ["Päihteet"]
    logged = set(
        AccessLog.objects.filter(
            actor=coordinator, object_type="experts.expertprofile"
        ).values_list("object_id", flat=True)
    )
    assert logged == {str(trail["expert_profile"].pk), str(second["expert_profile"].pk)}


@pytest.mark.parametrize("role", ["resident", "unit_manager", "decision_maker", "administrator"])
def test_people_outside_the_pool_see_nothing(trail, client_as, role):
    client = client_as(role)
    for name in LISTS[1:]:
        assert _rows(client, name) == [], name
    # Any staff member may ask for experts (and sees their own requests: none here).
    expected = 404 if role == "resident" else 200
    response = client.get(reverse("api:expert-request-list"))
    assert response.status_code == expected
    if expected == 200:
        assert response.json()["results"] == []
    assert _pdf(client, trail["contract"]).status_code == 404


def test_anonymous_callers_are_refused_everywhere(trail, client):
    for name in LISTS:
        assert client.get(reverse(name)).status_code in (401, 403), name
    assert _pdf(client, trail["contract"]).status_code in (401, 403)


def test_the_lists_are_paginated_and_filtered_by_status(trail, make_user):
    assignment_with_claim()
    client = _client(make_user("coordinator"))
    first = client.get(f"{reverse('api:expert-claim-list')}?page_size=1").json()
    assert first["count"] == 2
    assert len(first["results"]) == 1
    assert first["next"]
    second = client.get(f"{reverse('api:expert-claim-list')}?page_size=1&page=2").json()
    assert second["results"][0]["id"] != first["results"][0]["id"]
    assert client.get(f"{reverse('api:expert-claim-list')}?page=9").status_code == 404
    assert _rows(client, "api:expert-claim-list", "?status=paid") == []
    assert len(_rows(client, "api:expert-claim-list", "?status=submitted")) == 2
    assert len(_rows(client, "api:expert-assignment-list", "?status=started")) == 2
    assert _rows(client, "api:expert-assignment-list", "?status=done") == []
    assert _rows(client, "api:expert-request-list", "?status=cancelled") == []


def test_the_contract_pdf_is_for_the_expert_and_coordinators(trail, make_user):
    for user in (trail["expert_profile"].user, make_user("coordinator")):
        client = _client(user)
        for query in ("", "?language=sv"):
            response = _pdf(client, trail["contract"], query)
            assert response.status_code == 200
            assert response["Content-Type"] == "application/pdf"
            assert response.content.startswith(b"%PDF")
    # Asking for the PDF does not change what a refusal looks like: JSON, 404.
    refused = _pdf(_client(trail["request"].requested_by), trail["contract"])
    assert refused.status_code == 404
    assert refused["Content-Type"] == "application/json"
