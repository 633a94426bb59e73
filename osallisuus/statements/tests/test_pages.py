"""The statement pages: a secretary edits only their own body's statements, staff of another
unit get 404, and bad input is shown beside the field with nothing stored."""

from __future__ import annotations

import pytest
from django.urls import reverse

from osallisuus.accounts.tests.factories import sign_in
from osallisuus.statements import services
from osallisuus.statements.models import RequestOrigin, RequestStatus, StatementRequest

from .factories import NEXT_MONTH, committee_of, council_for, matter_of, preparer_of, secretary

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(unit):
    preparer = preparer_of(unit)
    writer = secretary()
    council = council_for(unit.producer.organiser, secretary=writer)
    body = committee_of(unit.producer.organiser)
    request = services.request_statement(
        by=preparer,
        matter=matter_of(unit, preparer=preparer, body=body),
        group=council,
        question="Lausunto kuljetuspalvelusta",
        due_on=NEXT_MONTH,
    )
    return request, preparer, writer


def test_staff_of_another_unit_get_404_on_the_request(client, asked, other_unit):
    request, _preparer, _writer = asked
    sign_in(client, preparer_of(other_unit))
    assert client.get(request.get_absolute_url()).status_code == 404


def test_a_secretary_of_another_body_cannot_submit_its_statement(client, asked, unit):
    request, _preparer, _writer = asked
    other = secretary()
    council_for(unit.producer.organiser, secretary=other, name="Nuorisovaltuusto")
    sign_in(client, other)
    url = reverse("statements:submit", kwargs={"pk": request.pk})
    response = client.post(url, {"text": "Lausunto", "approved_on": "2026-01-01"})
    assert response.status_code == 404
    request.refresh_from_db()
    assert request.status == RequestStatus.REQUESTED


def test_a_statement_without_text_shows_the_error_beside_the_field(client, asked):
    request, _preparer, writer = asked
    sign_in(client, writer)
    url = reverse("statements:submit", kwargs={"pk": request.pk})
    response = client.post(url, {"text": "", "approved_on": ""})
    assert response.status_code == 200
    assert response.context["submit_form"].errors.keys() == {"text"}
    request.refresh_from_db()
    assert request.status == RequestStatus.REQUESTED


def test_the_secretary_flags_a_matter_from_the_form(client, unit):
    preparer = preparer_of(unit)
    writer = secretary()
    council = council_for(unit.producer.organiser, secretary=writer)
    matter = matter_of(unit, preparer=preparer, body=committee_of(unit.producer.organiser))
    sign_in(client, writer)
    assert client.get(reverse("statements:list")).context["may_flag"]
    response = client.post(
        reverse("statements:flag"),
        {"group": council.pk, "matter": matter.pk, "reason": "Koskee meitä.", "due_on": NEXT_MONTH},
    )
    request = StatementRequest.objects.get()
    assert response.status_code == 302 and response.url == request.get_absolute_url()
    assert request.origin == RequestOrigin.FLAGGED
