"""The demo county holds seed 002's pilot coaching (20 completed) and its two follow-ups."""

import pytest

from osallisuus.demo.county import build_demo_county

from .. import demo
from ..models import Course, Enrolment

pytestmark = pytest.mark.django_db


def test_the_pilot_coaching_has_twenty_completed_and_two_courses_tailored_from_it():
    build_demo_county()
    demo.seed_demo_data()
    pilot = Course.objects.get(title="Palveluohjauksen pilottivalmennus")
    completed = Enrolment.objects.filter(course=pilot, status=Enrolment.Status.COMPLETED)
    assert completed.count() == 20
    assert {e.completed_at.year for e in completed} == {2017}
    assert {c.sessions.first().starts_at.year for c in pilot.followers.all()} == {2018}
    assert pilot.followers.count() == 2
    demo.seed_demo_data()  # seeding twice adds nothing
    assert Course.objects.count() == 4
