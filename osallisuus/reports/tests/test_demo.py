"""The demo data: about 1,500 items over 14 months, counted into the roll-ups, one rising theme."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_demo_feedback_fills_the_dashboards_and_shows_a_rising_theme():
    from osallisuus.demo.county import build_demo_county
    from osallisuus.feedback import demo as feedback_demo
    from osallisuus.feedback.models import Feedback
    from osallisuus.organisation.models import Unit
    from osallisuus.reports import demo as reports_demo
    from osallisuus.reports.models import MonthlyRollup

    build_demo_county()
    feedback_demo.seed_demo_data()
    reports_demo.seed_demo_data()
    items = Feedback.objects.count()
    assert 1400 <= items <= 1600
    assert set(Feedback.objects.values_list("language", flat=True)) == {"fi", "sv", "en"}
    assert Feedback.objects.filter(status="change_made").exists()
    assert (
        sum(MonthlyRollup.objects.values_list("count", flat=True))
        == Feedback.objects.filter(suspected_mashing=False).count()
    )
    station = Unit.objects.get(name_fi=feedback_demo.RISING_UNIT)
    out = io.StringIO()
    call_command("feedback_trends", "--unit", station.code, stdout=out)
    assert "Premises, location and accessibility" in out.getvalue()
    # Seeding twice adds nothing.
    feedback_demo.seed_demo_data()
    assert Feedback.objects.count() == items
