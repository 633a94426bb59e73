"""The staff API of matters: open one, record its decision, list what the caller may see."""

import pytest

from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.organisation.models import DecisionBody
from osallisuus.organisation.tests.factories import OrganiserFactory
from osallisuus.trail.matters.services import create_matter
from osallisuus.trail.models import Decision, InputLink, Matter

pytestmark = pytest.mark.django_db

LIST = "/api/v1/matters/"


def give(unit):
    return submit_feedback(FeedbackInput(unit=unit, text="Jonotin tunnin puhelimessa"))[0]


@pytest.fixture
def committee(make_user):
    body = DecisionBody.objects.create(
        organiser=OrganiserFactory(), kind="committee", name_fi="Sosiaali- ja terveyslautakunta"
    )
    body.member = make_user("decision_maker")
    body.members.add(body.member)
    return body


def body_for(user, committee, inputs):
    return {
        "title": "Takaisinsoitto",
        "summary": "Jonot ovat pitkiä.",
        "carrier": user.pk,
        "target_body": committee.pk,
        "inputs": inputs,
    }


def test_staff_open_a_matter_with_an_input_of_their_unit(unit, make_user, committee, client):
    staff = make_user("staff")
    feedback = give(unit)
    sign_in(client, staff)
    response = client.post(
        LIST,
        body_for(staff, committee, [{"kind": "feedback", "id": feedback.pk}]),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["carrier"] == staff.pk
    assert InputLink.objects.filter(matter_id=response.json()["id"]).count() == 1


def test_a_hidden_input_is_answered_exactly_as_a_missing_one(
    unit, other_unit, make_user, committee, client
):
    staff = make_user("staff")
    sign_in(client, staff)
    answers = []
    for pk in (give(other_unit).pk, 10**9):
        response = client.post(
            LIST,
            body_for(staff, committee, [{"kind": "feedback", "id": pk}]),
            content_type="application/json",
            headers={"Accept-Language": "en"},
        )
        answers.append((response.status_code, response.json()))
    assert answers[0] == answers[1] == (400, {"inputs": ["Unknown input."]})
    assert not Matter.objects.exists()


def open_matter(unit, make_user, committee):
    manager = make_user("unit_manager")
    return create_matter(
        by=manager,
        title="Takaisinsoitto",
        summary="Jonot.",
        carrier=manager,
        target_body=committee,
        unit=unit,
    )


def decision(reasons):
    return {
        "outcome": "changed",
        "decided_by": "Sosiaali- ja terveyslautakunta",
        "decided_on": "2026-11-20",
        "reasons": reasons,
        "public_text_fi": "Hyväksyttiin muutoksin.",
    }


@pytest.mark.parametrize("reasons", ["", None])
def test_a_decision_without_reasons_is_400_on_reasons_and_nothing_is_stored(
    unit, make_user, committee, client, reasons
):
    matter = open_matter(unit, make_user, committee)
    sign_in(client, committee.member)
    body = decision(reasons)
    if reasons is None:
        del body["reasons"]
    response = client.post(
        f"/api/v1/matters/{matter.pk}/decision/", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert "reasons" in response.json()
    assert not Decision.objects.exists()


def test_a_committee_member_records_the_decision(unit, make_user, committee, client):
    matter = open_matter(unit, make_user, committee)
    sign_in(client, committee.member)
    response = client.post(
        f"/api/v1/matters/{matter.pk}/decision/",
        decision("Kokeillaan ensin kahdella asemalla."),
        content_type="application/json",
    )
    assert response.status_code == 201
    assert Decision.objects.get().recorded_by == committee.member


def test_another_decision_maker_gets_404_on_the_decision(unit, make_user, committee, client):
    matter = open_matter(unit, make_user, committee)
    sign_in(client, user_with_role("decision_maker"))
    response = client.post(
        f"/api/v1/matters/{matter.pk}/decision/",
        decision("Syy."),
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not Decision.objects.exists()


def test_the_list_holds_only_matters_the_caller_may_see(
    unit, other_unit, make_user, committee, client
):
    mine = open_matter(unit, make_user, committee)
    theirs_manager = user_with_role("unit_manager", unit=other_unit)
    create_matter(
        by=theirs_manager,
        title="Muu",
        summary="Muu.",
        carrier=theirs_manager,
        target_office="Palvelujohtaja",
        unit=other_unit,
    )
    sign_in(client, make_user("staff"))
    page = client.get(LIST).json()
    assert [row["id"] for row in page["results"]] == [mine.pk]
    sign_in(client, committee.member)
    assert [row["id"] for row in client.get(LIST).json()["results"]] == [mine.pk]


def test_the_matters_api_is_in_the_schema(client):
    schema = client.get("/api/v1/schema/").json()
    assert "/api/v1/matters/" in schema["paths"]
    assert "/api/v1/matters/{id}/decision/" in schema["paths"]
    assert "MatterInputRequest" in schema["components"]["schemas"]
