"""The demo county gets one concluded evaluation of the demo project's trial with two
evaluators' assessments."""

from __future__ import annotations

import pytest

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.codevelopment.demo import seed_demo_data as seed_codevelopment
from osallisuus.evaluation.demo import seed_demo_data
from osallisuus.evaluation.models import Assessment, Evaluation
from osallisuus.experts.tests.factories import make_profile

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_concluded_evaluation_with_two_evaluators(unit):
    unit.name_fi = "Järvilaakso terveysasema"
    unit.save()
    for username, role in (
        ("kokemus", "expert"),
        ("hoitaja", "staff"),
        ("asukas", "resident"),
        ("esihenkilo", "unit_manager"),
        ("koordinaattori", "coordinator"),
    ):
        user = user_with_role(role, unit=unit)
        user.username = username
        user.save()
        if role == "expert":
            make_profile(user=user)
    seed_codevelopment()
    seed_demo_data()
    seed_demo_data()  # once only
    evaluation = Evaluation.objects.get()
    assert evaluation.is_concluded
    assert evaluation.project is not None
    assert set(evaluation.evaluators.values_list("username", flat=True)) == {"kokemus", "hoitaja"}
    assert Assessment.objects.filter(criterion__evaluation=evaluation).count() == 6
