"""Dashboards show the right figures for a known data set, and only within the user's scope."""

from datetime import timedelta

import pytest
from django.utils import timezone

from osallisuus.complaints.tests.factories import county_takes_objections, handled_objections
from osallisuus.reports.selectors import Period, add_months
from osallisuus.reports.services import rebuild_rollups

from .factories import make_feedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def known_month(unit):
    """Six answers this month at KST, one button-mash, one comment about waiting."""
    now = timezone.now()
    for score, nps in [(5, 10), (5, 9), (4, 8), (3, 3), (1, 0), (5, 10)]:
        make_feedback(unit, received_at=now, score=score, nps=nps)
    make_feedback(unit, received_at=now, score=1, nps=0, mashing=True, channel="kiosk")
    make_feedback(unit, received_at=now, text="Jono", themes=["access_waiting"], channel="qr")
    rebuild_rollups()
    return now


def test_the_unit_dashboard_shows_counts_and_the_recommendation_index_and_no_average(
    client_as, known_month
):
    response = client_as("staff").get("/raportit/toimipiste/KST/")
    assert response.status_code == 200
    board = response.context["board"]
    assert board.count == 7  # the button-mash is left out
    # Each statement's own counts, not a mixed 1–5 average or chart (#21 item 10).
    assert [c.count for c in response.context["questions"][0].counts] == [1, 0, 1, 1, 3]
    assert not hasattr(board, "mean_score") and "score_chart" not in response.context
    # 3 promoters, 1 passive, 2 detractors of 6 → (3 − 2) / 6 = 17.
    assert board.recommendation_index == 17
    assert [n for _label, n in board.channels] == [6, 1]
    assert board.top_themes[0][0] == "access_waiting"
    body = response.content.decode()
    assert "<svg" in body and "<title" in body and "<desc" in body
    assert "<table" in body
    assert "Average score" not in body and "Keskiarvo" not in body and "1–5" not in body


def test_a_small_group_hides_its_answers(client_as, unit):
    for score in (5, 4, 1):
        make_feedback(unit, score=score, nps=9)
    rebuild_rollups()
    response = client_as("staff").get("/raportit/toimipiste/KST/")
    board = response.context["board"]
    assert board.count == 3
    assert [q.shown for q in response.context["questions"]] == [False, False]
    assert board.recommendation_index is None


def test_the_smallest_group_shown_is_the_one_setting_of_the_public_pages(client_as, unit, settings):
    for score in (5, 4, 1):
        make_feedback(unit, score=score, nps=9)
    rebuild_rollups()
    settings.PUBLIC_MIN_ANSWERS = 3
    response = client_as("staff").get("/raportit/toimipiste/KST/")
    board = response.context["board"]
    assert response.context["questions"][0].answers == 3
    assert board.recommendation_index == 100
    settings.PUBLIC_MIN_ANSWERS = 4
    response = client_as("staff").get("/raportit/toimipiste/KST/")
    assert not response.context["questions"][0].shown
    assert response.context["min_group"] == 4


def test_answers_in_time_and_changes_made_are_counted(client_as, unit):
    long_ago = timezone.now() - timedelta(days=75)
    for _ in range(4):
        make_feedback(unit, received_at=long_ago, text="x", answered_after=timedelta(days=3))
    make_feedback(unit, received_at=long_ago, text="x", answered_after=timedelta(days=30))
    make_feedback(
        unit,
        received_at=long_ago,
        text="x",
        answered_after=timedelta(days=2),
        change_made=True,
    )
    make_feedback(unit, received_at=long_ago, text="never answered")
    rebuild_rollups()
    board = client_as("staff").get("/raportit/toimipiste/KST/").context["board"]
    assert board.answered_in_time == 5
    assert board.due_count == 7
    assert board.in_time_share == 71
    assert board.change_made == 1


def test_the_monthly_trend_covers_twelve_months(client_as, unit):
    today = timezone.localdate()
    three_months_ago = timezone.now() - timedelta(days=92)
    for _ in range(2):
        make_feedback(unit, received_at=three_months_ago)
    rebuild_rollups()
    board = client_as("staff").get("/raportit/").context["board"]
    assert len(board.trend) == 12
    assert board.trend[-1].month == today.replace(day=1)
    assert sum(m.count for m in board.trend) == 2


def test_the_period_filter_limits_the_figures(client_as, unit):
    make_feedback(unit, received_at=timezone.now() - timedelta(days=200))
    make_feedback(unit)
    rebuild_rollups()
    this_month = timezone.localdate().replace(day=1)
    response = client_as("staff").get(
        "/raportit/", {"since": f"{this_month:%Y-%m}", "until": f"{this_month:%Y-%m}"}
    )
    assert response.context["board"].count == 1
    assert response.context["period"] == Period(this_month, this_month)


def test_a_period_that_ends_before_it_starts_is_refused_next_to_the_field(client_as, unit):
    response = client_as("staff").get("/raportit/", {"since": "2026-05", "until": "2026-01"})
    body = response.content.decode()
    assert "error-summary" in body
    assert response.context["form"].errors["until"]
    assert 'class="error-text" id="id_until_error"' in body


def test_staff_of_another_unit_see_none_of_kst(client, unit, other_unit, login, settings):
    from osallisuus.accounts.tests.factories import user_with_role

    make_feedback(unit, score=5)
    make_feedback(other_unit, score=2)
    rebuild_rollups()
    login(user_with_role("staff", unit=other_unit))
    assert client.get("/raportit/toimipiste/KST/").status_code == 404
    # KST and MTR share a service here: its dashboard counts MTR only for MTR's staff.
    assert client.get(f"/raportit/palvelu/{unit.service_id}/").context["board"].count == 1
    settings.PUBLIC_MIN_ANSWERS = 1
    response = client.get("/raportit/")
    assert response.context["board"].count == 1
    [scale] = response.context["questions"]
    assert [c.count for c in scale.counts] == [0, 1, 0, 0, 0]  # MTR's 2, not KST's 5


def test_a_service_without_units_in_scope_is_404(client, unit, other_unit, login):
    from osallisuus.accounts.tests.factories import user_with_role
    from osallisuus.organisation.tests.factories import ServiceFactory

    dental = ServiceFactory(name_fi="Hammashoitolat")
    login(user_with_role("staff", unit=other_unit))
    assert client.get(f"/raportit/palvelu/{dental.pk}/").status_code == 404


def test_a_service_dashboard_counts_only_the_units_in_scope(client, unit, other_unit, login):
    from osallisuus.accounts.tests.factories import user_with_role

    assert other_unit.service_id == unit.service_id
    make_feedback(unit)
    make_feedback(other_unit)
    make_feedback(other_unit)
    rebuild_rollups()
    login(user_with_role("staff", unit=unit))
    assert client.get(f"/raportit/palvelu/{unit.service_id}/").context["board"].count == 1
    login(user_with_role("coordinator"))
    assert client.get(f"/raportit/palvelu/{unit.service_id}/").context["board"].count == 3


def test_county_wide_roles_see_the_whole_county(client_as, unit, other_unit):
    make_feedback(unit)
    make_feedback(other_unit)
    rebuild_rollups()
    response = client_as("decision_maker").get("/raportit/")
    assert response.context["board"].count == 2
    assert "MTR" in response.content.decode()


def test_the_county_dashboard_costs_the_same_queries_whatever_the_rows(
    client_as, unit, other_unit, django_assert_max_num_queries
):
    client = client_as("coordinator")
    start = timezone.now() - timedelta(days=300)
    for index in range(30):
        make_feedback(
            unit if index % 2 else other_unit,
            received_at=start + timedelta(days=10 * index),
            score=index % 5 + 1,
            text="x",
            themes=["care_quality"],
        )
    county_takes_objections()
    handled_objections(unit, 2, answered_after_days=3)
    handled_objections(other_unit, 1, concern="social")
    rebuild_rollups()
    client.get("/raportit/")
    # 12 for the feedback figures, two per input kind plus one for the trail figures, and two
    # for the objection figures (counts, handling times), two for the per-question figures
    # (the answer roll-ups, the questions' wording).
    from osallisuus.trail.kinds import input_kinds

    with django_assert_max_num_queries(12 + 2 * len(input_kinds()) + 1 + 2 + 2) as few:
        client.get("/raportit/")
    for index in range(120):
        make_feedback(unit, received_at=start + timedelta(days=2 * index), score=3, channel="kiosk")
    handled_objections(unit, 6, answered_after_days=9)
    handled_objections(other_unit, 5, concern="social", answered_after_days=1)
    rebuild_rollups()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/raportit/")


def test_the_nav_shows_reports_to_staff_only(client_as, unit):
    assert 'href="/raportit/"' in client_as("staff").get("/").content.decode()
    assert 'href="/raportit/"' not in client_as("resident").get("/").content.decode()


def test_add_months_crosses_years():
    from datetime import date

    assert add_months(date(2026, 11, 1), 3) == date(2027, 2, 1)
    assert add_months(date(2026, 1, 1), -1) == date(2025, 12, 1)
