"""A refused claim reads the same in the page's error summary and in an API's 400."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from osallisuus.accounts.tests.factories import sign_in
from osallisuus.experts.fees import LineInput, NoFeeTableError, price_claim
from osallisuus.experts.models import Claim, FeeTable
from osallisuus.experts.tests.factories import assignment_with_claim, one_line_claim
from osallisuus.security import api_exception_handler

pytestmark = pytest.mark.django_db
NO_FEE_TABLE = "Tälle päivälle ei ole vielä palkkiotaulukkoa; kysy koordinaattorilta."


def test_a_claim_no_fee_table_covers_is_refused_in_the_same_finnish_words_everywhere(client):
    trail = assignment_with_claim()
    Claim.objects.all().delete()
    FeeTable.objects.all().delete()
    sign_in(client, trail["expert_profile"].user)
    client.cookies["django_language"] = "fi"
    response = client.post(
        reverse("experts:new_claim", kwargs={"pk": trail["assignment"].pk}),
        one_line_claim(datetime.date(2026, 3, 2)),
    )
    assert response.status_code == 200
    summary = response.content.decode().split('<div class="error-summary"', 1)[1]
    assert f"<li>{NO_FEE_TABLE}</li>" in summary.split("</div>", 1)[0]
    assert not Claim.objects.exists()
    with translation.override("fi"):
        with pytest.raises(NoFeeTableError) as refused:
            line = LineInput(date=trail["assignment"].request.starts_at.date())
            price_claim(role=trail["assignment"].role, lines=[line], expenses=[])
        api = api_exception_handler(refused.value, {})
    assert api is not None and api.status_code == 400
    assert api.data == {"non_field_errors": [NO_FEE_TABLE]}
