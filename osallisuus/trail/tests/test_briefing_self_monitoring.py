"""Overdue self-monitoring summaries in the briefing (#15 item 10): a body reads which of its
units have not published their four-monthly summary after its due date, with a link to it."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.organisation.models import DecisionBody
from osallisuus.organisation.tests.factories import OrganiserFactory, ServiceFactory, UnitFactory
from osallisuus.reports.models import SelfMonitoringPublication
from osallisuus.reports.self_monitoring.selectors import FourMonths
from osallisuus.trail.briefings.services import build_briefing
from osallisuus.trail.models import Briefing

from .test_briefings import pdf_text

pytestmark = pytest.mark.django_db

PERIOD = FourMonths(2026, 2)  # May–August 2026


@pytest.fixture
def dental(db):
    """A unit of another service than the body's."""
    return UnitFactory(code="HAM", service=ServiceFactory(name_fi="Suun terveydenhuolto"))


@pytest.fixture
def board(make_user, unit, dental):
    """A body deciding on the first unit's service only."""
    body = DecisionBody.objects.create(
        organiser=OrganiserFactory(), kind=DecisionBody.Kind.COMMITTEE, name_fi="Lautakunta"
    )
    body.services.add(unit.service)
    member = make_user("decision_maker")
    body.members.add(member)
    body.member = member
    assert dental.service_id != unit.service_id
    return body


def build(body, *, today):
    build_briefing(body=body, month=date(2026, 11, 1), today=today, send=False)
    return Briefing.objects.get(body=body)


def test_the_briefing_lists_the_bodys_overdue_units_until_they_publish(
    board, unit, dental, login, client
):
    the_day_after = PERIOD.due + timedelta(days=1)
    briefing = build(board, today=the_day_after)
    codes = [row["unit_code"] for row in briefing.content["overdue_self_monitoring"]]
    assert unit.code in codes
    assert dental.code not in codes  # another service's unit is not this body's

    login(board.member)
    page = client.get(reverse("briefings:detail", args=[briefing.pk])).content.decode()
    summary_url = reverse("reports:self_monitoring_unit", args=[unit.code, PERIOD.slug])
    assert summary_url in page
    assert "1.5.–31.8.2026" in page
    assert client.get(summary_url).status_code == 200  # the member may follow the link
    pdf = client.get(reverse("briefings:pdf", args=[briefing.pk])).content
    assert "Keskustan terveysasema" in pdf_text(pdf) and "31.8.2026" in pdf_text(pdf)

    SelfMonitoringPublication.objects.create(
        unit=unit, year=2026, part=2, published_at=timezone.now(), published_by=board.member
    )
    briefing = build(board, today=the_day_after)
    overdue = {(r["unit_code"], r["period"]) for r in briefing.content["overdue_self_monitoring"]}
    assert (unit.code, PERIOD.slug) not in overdue
    page = client.get(reverse("briefings:detail", args=[briefing.pk])).content.decode()
    assert summary_url not in page


def test_nothing_is_overdue_on_the_due_day(board, unit):
    briefing = build(board, today=PERIOD.due)
    assert PERIOD.slug not in {r["period"] for r in briefing.content["overdue_self_monitoring"]}
