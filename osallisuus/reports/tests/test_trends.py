"""Rising themes: a theme made to rise this month is listed by the command and the dashboard."""

import io
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from osallisuus.reports.selectors import add_months
from osallisuus.reports.services import rebuild_rollups

from .factories import make_feedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def rising_safety(unit, other_unit):
    """Six quiet months of care-quality comments; this month safety comes up twelve times."""
    this_month = timezone.localdate().replace(day=1)
    for back in range(1, 7):
        month = add_months(this_month, -back)
        moment = datetime(month.year, month.month, 10, 12, 0, tzinfo=UTC)
        for _ in range(10):
            make_feedback(unit, received_at=moment, text="x", themes=["care_quality"])
        make_feedback(unit, received_at=moment, text="x", themes=["safety"])
    now = timezone.now()
    for _ in range(12):
        make_feedback(unit, received_at=now, text="x", themes=["safety"])
    for _ in range(5):
        make_feedback(unit, received_at=now, text="x", themes=["care_quality"])
    make_feedback(other_unit, received_at=now - timedelta(minutes=1), text="x", themes=["safety"])
    rebuild_rollups()


def test_the_trends_command_lists_a_theme_made_to_rise(rising_safety):
    out = io.StringIO()
    call_command("feedback_trends", "--unit", "KST", stdout=out)
    text = out.getvalue()
    assert "Client and patient safety" in text
    assert "Quality of care" not in text
    line = next(line for line in text.splitlines() if "safety" in line.lower())
    assert " 12 " in line


def test_the_trends_command_for_an_earlier_month_finds_nothing(rising_safety):
    out = io.StringIO()
    month = add_months(timezone.localdate().replace(day=1), -2)
    call_command("feedback_trends", "--unit", "KST", "--month", f"{month:%Y-%m}", stdout=out)
    assert "none" in out.getvalue()


def test_the_trends_command_refuses_an_unknown_unit(rising_safety):
    with pytest.raises(CommandError):
        call_command("feedback_trends", "--unit", "XYZ", stdout=io.StringIO())


def test_the_unit_dashboard_shows_the_rising_theme(client_as, rising_safety):
    client = client_as("staff")
    client.cookies["django_language"] = "en"
    response = client.get("/raportit/toimipiste/KST/")
    assert [r.theme for r in response.context["board"].rising] == ["safety"]
    assert "Client and patient safety" in response.content.decode()
