"""An expert downloads their own statement of a year's compensation as a PDF."""

import base64
import re
import zlib

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in
from osallisuus.experts import services
from osallisuus.experts.tests.factories import assignment_with_claim, make_profile

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    """The text drawn on the pages (reportlab writes them ASCII85-encoded and compressed)."""
    streams = re.findall(rb"stream\r?\n(.*?)~>", data, re.S)
    return "".join(
        zlib.decompress(base64.a85decode(stream.strip())).decode("latin-1") for stream in streams
    )


def test_the_statement_has_the_approved_total_of_the_year(client, client_as):
    trail = assignment_with_claim()
    coordinator = client_as("coordinator").user
    services.decide_claim(claim=trail["claim"], by=coordinator, approve=True)
    sign_in(client, trail["expert_profile"].user)
    year = timezone.localdate().year
    response = client.get(reverse("experts:my_yearly_statement"), {"vuosi": year})
    assert response["Content-Type"] == "application/pdf"
    assert f"korvaukset-{year}.pdf" in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert str(trail["claim"].total) in text
    assert str(year) in text
    earlier = pdf_text(client.get(reverse("experts:my_yearly_statement"), {"vuosi": 2001}).content)
    assert str(trail["claim"].total) not in earlier


def test_a_claim_waiting_for_approval_is_not_on_the_statement(client):
    trail = assignment_with_claim()
    sign_in(client, trail["expert_profile"].user)
    text = pdf_text(client.get(reverse("experts:my_yearly_statement")).content)
    assert str(trail["claim"].total) not in text


def test_someone_without_a_profile_gets_nothing(client_as):
    make_profile()  # somebody else's
    assert client_as("staff").get(reverse("experts:my_yearly_statement")).status_code == 404
