"""`GET /api/v1/search/`: paginated hits in the schema's shape; bad parameters are 400 by field."""

from __future__ import annotations

import pytest

from osallisuus.feedback.services import FeedbackInput, submit_feedback

pytestmark = pytest.mark.django_db

URL = "/api/v1/search/"


def give(unit, text="Ajanvarausjärjestelmä kaatui taas."):
    return submit_feedback(FeedbackInput(unit=unit, text=text))[0]


def test_staff_get_paginated_hits_in_the_schemas_shape(unit, client_as):
    item = give(unit)
    client = client_as("staff")
    response = client.get(URL, {"q": "ajanvaraus"})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["count"] == 1 and set(data) >= {"count", "next", "previous", "results"}
    (hit,) = data["results"]
    assert hit["kind"] == "feedback" and hit["id"] == item.pk
    assert hit["excerpt"].startswith("Ajanvarausjärjestelmä")
    schema = client.get("/api/v1/schema/").json()
    assert set(hit) == set(schema["components"]["schemas"]["SearchResult"]["properties"])
    parameters = {p["name"] for p in schema["paths"]["/api/v1/search/"]["get"]["parameters"]}
    assert {"q", "kind", "unit", "service", "theme", "status", "since", "until", "page"} <= (
        parameters
    )


def test_page_size_is_bounded_and_pages_follow(unit, client_as):
    for _n in range(3):
        give(unit)
    client = client_as("staff")
    first = client.get(URL, {"q": "ajanvaraus", "page_size": 2}).json()
    assert first["count"] == 3 and len(first["results"]) == 2 and first["next"]
    second = client.get(URL, {"q": "ajanvaraus", "page_size": 2, "page": 2}).json()
    assert len(second["results"]) == 1
    seen = {hit["id"] for hit in first["results"] + second["results"]}
    assert len(seen) == 3


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": "a"}, "q"),
        ({"q": "ajanvaraus", "since": "eilen"}, "since"),
        ({"q": "ajanvaraus", "since": "2026-05-01", "until": "2026-04-01"}, "until"),
        ({"q": "ajanvaraus", "theme": "no_such_theme"}, "theme"),
        ({"q": "ajanvaraus", "kind": "letters"}, "kind"),
        ({"q": "ajanvaraus", "status": "lost"}, "status"),
        ({"q": "ajanvaraus", "unit": "x"}, "unit"),
    ],
)
def test_bad_parameters_are_400_with_the_fields_error(client_as, params, field):
    response = client_as("staff").get(URL, params)
    assert response.status_code == 400, response.content
    assert field in response.json()


def test_a_unit_outside_the_callers_scope_is_400_as_one_that_does_not_exist(
    unit, other_unit, client_as
):
    give(other_unit)
    client = client_as("staff")
    hidden = client.get(URL, {"q": "ajanvaraus", "unit": other_unit.pk})
    missing = client.get(URL, {"q": "ajanvaraus", "unit": 10**6})
    assert hidden.status_code == missing.status_code == 400
    assert set(hidden.json()) == set(missing.json()) == {"unit"}


def test_a_decision_maker_gets_redacted_text_and_no_link(unit, client_as):
    give(unit, "Ajanvaraus ei toiminut, soittakaa numeroon 040 1234567.")
    response = client_as("decision_maker").get(URL, {"q": "ajanvaraus"})
    (hit,) = response.json()["results"]
    assert "1234567" not in response.content.decode()
    assert hit["url"] == ""


@pytest.mark.parametrize("role", ["resident", "expert"])
def test_residents_and_experts_get_404(client_as, role):
    assert client_as(role).get(URL, {"q": "ajanvaraus"}).status_code == 404


def test_anonymous_callers_are_refused(client):
    assert client.get(URL, {"q": "ajanvaraus"}).status_code in (401, 403)


def test_staff_of_unit_a_never_find_unit_bs_feedback(unit, other_unit, client_as):
    give(other_unit, "Ajanvaraus ei toiminut Pihlajassa.")
    mine = give(unit)
    data = client_as("staff").get(URL, {"q": "ajanvaraus"}).json()
    assert [hit["id"] for hit in data["results"]] == [mine.pk] and data["count"] == 1
    assert "Pihlajassa" not in str(data)


def test_a_decision_maker_never_gets_who_gave_the_feedback(unit, client_as):
    submit_feedback(
        FeedbackInput(
            unit=unit,
            text="Ajanvaraus kesti viikon. Terveisin Maija Meikäläinen, maija@example.org",
            contact_email="giver@example.org",
            contact_phone="0401234567",
        )
    )
    client = client_as("decision_maker")
    body = client.get(URL, {"q": "ajanvaraus"}).content.decode()
    assert "Ajanvaraus kesti viikon." in body
    for secret in ("giver@example.org", "0401234567", "maija@example.org", "Meikäläi"):
        assert secret not in body, secret
    assert client.get(URL, {"q": "Meikäläinen"}).json()["count"] == 0
