"""The dialogue floor's API (#16 item 7): groups with their public data only, a validated kind
filter, and staff questions to a panel through the same rules as the form."""

from __future__ import annotations

import datetime
import json

import pytest
from django.test import Client
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.authorization import SYSTEM
from osallisuus.dialogue import services
from osallisuus.dialogue.models import Question

from .factories import meeting_of, panel_for

pytestmark = pytest.mark.django_db

NEXT_MONTH = timezone.localdate() + datetime.timedelta(days=30)


@pytest.fixture
def panel(unit):
    group = panel_for(unit)
    services.add_member(
        by=SYSTEM,
        group=group,
        name="Julkinen Jäsen",
        origin="open_call",
        member_kind="client",
        email="julkinen@example.org",
        phone="+358401112223",
    )
    services.add_member(
        by=SYSTEM,
        group=group,
        name="Salainen Jäsen",
        origin="open_call",
        member_kind="client",
        publish_name=False,
        email="salainen@example.org",
    )
    meeting_of(group, approved=True)
    draft = meeting_of(group)
    draft.minutes = "Luonnos, ei julkinen"
    draft.save()
    return group


def test_anonymous_sees_only_published_members_and_approved_minutes(client, panel):
    response = client.get(f"/api/v1/groups/{panel.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["kind"] == "client_panel"
    assert body["term_starts"] == "2026-01-01"
    assert [member["name"] for member in body["members"]] == ["Julkinen Jäsen"]
    assert [m["minutes"] for m in body["minutes"]] == ["Raati keskusteli ajanvarauksesta."]
    text = response.content.decode()
    for secret in ("Salainen", "Luonnos", "@example.org", "+358401112223", "1. Ajanvaraus"):
        assert secret not in text


def test_groups_are_listed_by_kind(client, panel):
    listed = client.get("/api/v1/groups/?kind=client_panel").json()["results"]
    assert [group["id"] for group in listed] == [panel.pk]
    assert client.get("/api/v1/groups/?kind=youth_council").json()["results"] == []


def test_an_unknown_kind_is_a_400_with_the_field_named(client, panel):
    response = client.get("/api/v1/groups/?kind=secret_society")
    assert response.status_code == 400
    assert "kind" in response.json()


def _question(unit, changes=None):
    return {
        "unit": unit.pk,
        "topic": "availability",
        "title": "Saako ajan helposti?",
        "background": "Jonot ovat pidentyneet.",
        "answer_wanted_by": NEXT_MONTH.isoformat(),
        **(changes or {}),
    }


def _post(client, panel, data):
    return client.post(
        f"/api/v1/groups/{panel.pk}/questions/",
        data=json.dumps(data),
        content_type="application/json",
    )


def test_staff_put_a_question_to_the_panel(client, panel, unit):
    staff = user_with_role("staff", unit=unit)
    sign_in(client, staff)
    response = _post(client, panel, _question(unit))
    assert response.status_code == 201
    question = Question.objects.get()
    assert response.json()["id"] == question.pk
    assert (question.asked_by, question.unit, question.group) == (staff, unit, panel)


def test_anonymous_and_residents_cannot_ask(panel, unit):
    anonymous = Client()
    assert _post(anonymous, panel, _question(unit)).status_code in (401, 403)
    resident = Client()
    sign_in(resident, user_with_role("resident"))
    assert _post(resident, panel, _question(unit)).status_code == 404
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"topic": "gossip"}, "topic"),
        ({"answer_wanted_by": "2000-01-01"}, "answer_wanted_by"),
        ({"unit": 999999}, "unit"),
    ],
)
def test_bad_input_is_a_400_with_field_errors_and_nothing_is_stored(
    client, panel, unit, changes, field
):
    sign_in(client, user_with_role("staff", unit=unit))
    response = _post(client, panel, _question(unit, changes))
    assert response.status_code == 400
    assert field in response.json()
    assert not Question.objects.exists()


def test_the_group_endpoints_are_in_the_openapi_schema(client):
    paths = client.get("/api/v1/schema/").json()["paths"]
    assert "kind" in {p["name"] for p in paths["/api/v1/groups/"]["get"]["parameters"]}
    assert "/api/v1/groups/{id}/" in paths
    assert "400" in paths["/api/v1/groups/{id}/questions/"]["post"]["responses"]
