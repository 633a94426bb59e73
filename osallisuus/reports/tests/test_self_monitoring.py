"""Four-monthly self-monitoring summaries (#15 item 10, Act 741/2023 §§ 26–27): the periods and
their due dates, a unit's summary, publishing it, the public page and PDF, overdue units."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.experts.tests.test_yearly_statement import pdf_text
from osallisuus.reports.models import SelfMonitoringPublication
from osallisuus.reports.self_monitoring.selectors import (
    FourMonths,
    overdue_for,
    summary,
)
from osallisuus.reports.services import rebuild_rollups
from osallisuus.trail.actions.services import change_action_status, create_action

from .factories import make_feedback

pytestmark = pytest.mark.django_db

PERIOD = FourMonths(2026, 2)  # May–August 2026
IN_PERIOD = datetime(2026, 6, 15, 9, tzinfo=UTC)


def test_the_year_has_three_four_month_periods_each_due_thirty_days_after_it_ends(settings):
    assert FourMonths.of(date(2026, 4, 30)) == FourMonths(2026, 1)
    assert FourMonths.of(date(2026, 5, 1)) == PERIOD
    assert (PERIOD.start, PERIOD.last_day) == (date(2026, 5, 1), date(2026, 8, 31))
    assert PERIOD.due == date(2026, 9, 30)
    assert FourMonths(2026, 1).previous() == FourMonths(2025, 3)
    settings.SELF_MONITORING_DUE_DAYS = 14
    assert PERIOD.due == date(2026, 9, 14)


def test_the_summary_counts_each_questions_answers_themes_and_changes_and_hides_small_groups(
    unit, settings
):
    settings.PUBLIC_MIN_ANSWERS = 3
    for score in (2, 4, 5):
        make_feedback(unit, received_at=IN_PERIOD, score=score, text="Jono", themes=["waiting"])
    make_feedback(unit, received_at=IN_PERIOD, score=5, text="Hissi", themes=["facilities"])
    make_feedback(unit, received_at=IN_PERIOD + timedelta(days=90), score=1)  # after the period
    rebuild_rollups()
    manager = user_with_role("unit_manager", unit=unit)
    action = create_action(by=manager, title_fi="Takaisinsoitto", owner=manager, unit=unit)
    change_action_status(action=action, by=manager, status="done", texts={"fi": "Soitamme."})
    dropped = create_action(by=manager, title_fi="Uusi aula", owner=manager, unit=unit)
    change_action_status(action=dropped, by=manager, status="dropped", reasons="Ei rahaa.")
    from osallisuus.trail.models import Action

    Action.objects.update(closed_at=IN_PERIOD)

    result = summary(unit, PERIOD)

    assert result.count == 4
    # Each statement on its own scale, never one average (#21 item 10).
    [scale] = result.questions  # the recommendation question, unanswered, is not listed
    assert [c.count for c in scale.counts] == [0, 1, 0, 1, 2] and scale.answers == 4
    assert [(t.theme, t.count) for t in result.themes] == [("waiting", 3)]  # facilities: 1 < 3
    assert [o.title for o in result.changes] == ["Takaisinsoitto"]
    assert [o.reasons for o in result.outcomes.not_changed] == ["Ei rahaa."]
    assert result.has_changes


def test_nothing_changed_needs_the_units_reasons_before_it_is_published(unit, client):
    manager = user_with_role("unit_manager", unit=unit)
    sign_in(client, manager)
    url = f"/raportit/omavalvonta/{unit.code}/{PERIOD.slug}/julkaise/"
    public = f"/raportit/omavalvonta/julkinen/{unit.code}/{PERIOD.slug}/"
    assert client.get(public).status_code == 404

    refused = client.post(url, {"comment": ""}, HTTP_ACCEPT_LANGUAGE="fi")
    html = refused.content.decode()
    assert refused.status_code == 200
    assert 'href="#id_comment"' in html and "id_comment_error" in html
    assert not SelfMonitoringPublication.objects.exists()

    done = client.post(url, {"comment": "Palaute oli myönteistä; emme muuttaneet mitään."})
    assert done.status_code == 302
    assert SelfMonitoringPublication.objects.get().published_by == manager
    client.logout()
    page = client.get(public)
    assert page.status_code == 200
    assert "emme muuttaneet mitään" in page.content.decode()
    assert "741/2023" in page.content.decode()


def test_staff_may_read_but_not_publish_and_staff_of_another_unit_get_404(unit, other_unit, client):
    staff = user_with_role("staff", unit=unit)
    sign_in(client, staff)
    assert client.get(f"/raportit/omavalvonta/{unit.code}/{PERIOD.slug}/").status_code == 200
    url = f"/raportit/omavalvonta/{unit.code}/{PERIOD.slug}/julkaise/"
    assert client.post(url, {"comment": "x"}).status_code == 404
    assert client.get(f"/raportit/omavalvonta/{other_unit.code}/{PERIOD.slug}/").status_code == 404
    assert not SelfMonitoringPublication.objects.exists()


def test_a_period_that_has_not_ended_has_no_summary_yet(unit, client):
    sign_in(client, user_with_role("coordinator", unit=unit))
    running = FourMonths.of(timezone.localdate())
    assert client.get(f"/raportit/omavalvonta/{unit.code}/{running.slug}/").status_code == 404


def test_the_coordinator_sees_overdue_units_until_they_publish(unit, other_unit):
    coordinator = user_with_role("coordinator", unit=unit)
    staff = user_with_role("staff", unit=unit)
    today = PERIOD.due + timedelta(days=1)

    overdue = {(row.unit, row.period) for row in overdue_for(coordinator, today=today)}
    assert {(unit, PERIOD), (other_unit, PERIOD)} <= overdue
    assert {row.unit for row in overdue_for(staff, today=today)} == {unit}
    on_due_day = {row.period for row in overdue_for(coordinator, today=PERIOD.due)}
    assert PERIOD not in on_due_day  # due today: not yet overdue

    SelfMonitoringPublication.objects.create(
        unit=unit, year=2026, part=2, published_at=timezone.now(), published_by=coordinator
    )
    overdue = {(row.unit, row.period) for row in overdue_for(coordinator, today=today)}
    assert (unit, PERIOD) not in overdue and (other_unit, PERIOD) in overdue


def test_the_pdf_has_a_text_layer_with_the_sections_and_no_contact_details(unit, client):
    from osallisuus.feedback.models import Contact

    item = make_feedback(unit, received_at=IN_PERIOD, score=4, text="Jono", themes=["waiting"])
    Contact.objects.create(feedback=item, email="giver@example.org", consent_at=IN_PERIOD)
    sign_in(client, user_with_role("unit_manager", unit=unit))
    response = client.get(
        f"/raportit/omavalvonta/{unit.code}/{PERIOD.slug}.pdf", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for words in ("Self-monitoring", "Main themes", "Changes made", "741/2023"):
        assert words in text
    assert "giver@example.org" not in text


def test_the_demo_county_has_one_published_summary():
    from osallisuus.demo.county import build_demo_county
    from osallisuus.reports import demo

    build_demo_county()
    demo.seed_demo_data()
    publication = SelfMonitoringPublication.objects.get()
    assert publication.unit.name_fi == demo.PUBLISHED_UNIT
    demo.seed_demo_data()
    assert SelfMonitoringPublication.objects.count() == 1
