"""POST /api/v1/statement-requests/<id>/statement/: the asked body's secretary submits its
statement; bad input is a 400 with field errors and nothing stored; anyone else gets 404."""

from __future__ import annotations

import pytest
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in
from osallisuus.statements import services
from osallisuus.statements.models import RequestStatus

from .factories import NEXT_MONTH, council_for, matter_of, preparer_of, secretary

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(unit):
    preparer = preparer_of(unit)
    writer = secretary()
    council = council_for(unit.producer.organiser, secretary=writer)
    request = services.request_statement(
        by=preparer,
        matter=matter_of(unit, preparer=preparer),
        group=council,
        question="Lausunto kuljetuspalvelusta",
        due_on=NEXT_MONTH,
    )
    return request, writer


def _url(request):
    return f"/api/v1/statement-requests/{request.pk}/statement/"


def test_the_secretary_submits_the_statement_through_the_api(client, asked):
    request, writer = asked
    sign_in(client, writer)
    today = timezone.localdate().isoformat()
    response = client.post(
        _url(request),
        {
            "text": "Neuvosto puoltaa.",
            "approved_on": today,
            "minutes_section": "4",
            "public": False,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "submitted" and body["public"] is False
    request.refresh_from_db()
    assert request.text == "Neuvosto puoltaa." and request.minutes_section == "4"


@pytest.mark.parametrize(
    ("data", "fields"),
    [
        ({"text": "", "approved_on": "2026-01-01"}, {"text"}),
        ({"text": "Lausunto"}, {"approved_on"}),
        ({"text": "Lausunto", "approved_on": "ei päivä"}, {"approved_on"}),
        ({"text": "Lausunto", "approved_on": "2026-01-01", "meeting": 999999}, {"meeting"}),
        ({"text": "Lausunto", "approved_on": "2999-01-01"}, {"approved_on"}),
    ],
)
def test_bad_input_is_a_400_with_field_errors_and_nothing_is_stored(client, asked, data, fields):
    request, writer = asked
    sign_in(client, writer)
    response = client.post(_url(request), data, content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()) == fields
    request.refresh_from_db()
    assert request.status == RequestStatus.REQUESTED and request.text == ""


def test_the_preparer_and_another_bodys_secretary_get_404(client, asked, unit):
    request, _writer = asked
    other = secretary()
    council_for(unit.producer.organiser, secretary=other, name="Vanhusneuvosto")
    for user in (other, request.requested_by):
        sign_in(client, user)
        response = client.post(
            _url(request),
            {"text": "Lausunto", "approved_on": "2026-01-01"},
            content_type="application/json",
        )
        assert response.status_code == 404
    request.refresh_from_db()
    assert request.status == RequestStatus.REQUESTED


def test_the_schema_documents_the_statement_input(client):
    schema = client.get("/api/v1/schema/").json()
    post = schema["paths"]["/api/v1/statement-requests/{id}/statement/"]["post"]
    assert {"201", "400", "404"} <= set(post["responses"])
    ref = post["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    inputs = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert inputs["required"] == ["text"]
