"""The demo county gets a reported visit with an answered finding on the unit's public page."""

from __future__ import annotations

import pytest

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.observation.demo import seed_demo_data
from osallisuus.observation.models import Finding, Visit
from osallisuus.observation.selectors import public_summary

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_reported_visit_and_a_follow_up(unit):
    for username, role in (
        ("kokemus", "expert"),
        ("koordinaattori", "coordinator"),
        ("esihenkilo", "unit_manager"),
    ):
        user = user_with_role(role, unit=unit)
        user.username = username
        user.save()
    seed_demo_data()
    seed_demo_data()  # once only
    reported = Visit.objects.get(status="reported")
    assert reported.findings.count() == 3
    assert Visit.objects.get(follow_up_of=reported).status == "planned"
    assert Finding.objects.filter(status="answered").count() == 1
    assert len(public_summary(unit)) == 1
