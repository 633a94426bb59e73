"""The actions API (#15 item 11): plan an action with its inputs and list those one may see; a
hidden input is answered exactly as a nonexistent one."""

import pytest

from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.trail.actions.services import create_action
from osallisuus.trail.models import Action, InputLink

pytestmark = pytest.mark.django_db

URL = "/api/v1/actions/"


def give(unit):
    return submit_feedback(FeedbackInput(unit=unit, text="Jonotin puhelimessa tunnin"))[0]


def body(client, unit, *inputs):
    return {
        "title_fi": "Takaisinsoitto",
        "public_text_fi": "Otamme takaisinsoiton käyttöön.",
        "owner": client.user.pk,
        "unit": unit.pk,
        "inputs": [{"kind": "feedback", "id": item.pk} for item in inputs],
    }


def schema_fields(client, component):
    schema = client.get("/api/v1/schema/").json()
    return set(schema["components"]["schemas"][component]["properties"])


def test_staff_plan_an_action_with_inputs_and_it_matches_the_schema(unit, client_as):
    client = client_as("staff")
    first, second = give(unit), give(unit)
    response = client.post(URL, body(client, unit, first, second), content_type="application/json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "planned" and data["inputs_linked"] == 2
    assert set(data) == schema_fields(client, "Action")
    assert "inputs" in schema_fields(client, "ActionInputRequest")
    assert InputLink.objects.filter(action_id=data["id"]).count() == 2


def test_a_hidden_input_is_400_unknown_input_as_a_nonexistent_one(unit, other_unit, client_as):
    client = client_as("staff")
    hidden = give(other_unit)
    answers = []
    for pk in (hidden.pk, 10**9):
        payload = body(client, unit)
        payload["inputs"] = [{"kind": "feedback", "id": pk}]
        response = client.post(URL, payload, content_type="application/json")
        answers.append((response.status_code, response.json()))
    assert answers[0] == answers[1]
    assert answers[0][0] == 400 and "inputs" in answers[0][1]
    assert not Action.objects.exists()


def test_the_list_is_paginated_and_holds_only_actions_in_scope(
    unit, other_unit, client_as, make_user
):
    from osallisuus.accounts.tests.factories import user_with_role

    mine = create_action(by=make_user("staff"), title_fi="Oma", owner=make_user("staff"), unit=unit)
    stranger = user_with_role("staff", unit=other_unit)
    create_action(by=stranger, title_fi="Vieras", owner=stranger, unit=other_unit)
    client = client_as("staff")
    data = client.get(URL).json()
    assert data["count"] == 1
    assert [row["id"] for row in data["results"]] == [mine.pk]
    assert "/api/v1/actions/" in client.get("/api/v1/schema/").json()["paths"]


def test_decision_makers_may_list_but_not_plan(unit, client_as):
    client = client_as("decision_maker")
    assert client.get(URL).status_code == 200
    response = client.post(
        URL, {"title_fi": "X", "owner": client.user.pk}, content_type="application/json"
    )
    assert response.status_code == 404
