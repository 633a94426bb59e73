"""Trail figures (#15 item 12): how far the input of a unit, a service or the county got, per
input kind; on the dashboards and in the API, hidden below the smallest group."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.feedback.models import Feedback
from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.organisation.models import DecisionBody, Unit
from osallisuus.organisation.tests.factories import OrganiserFactory
from osallisuus.reports.services import refresh_feedback_rollup
from osallisuus.trail.actions.services import (
    change_action_status,
    create_action,
    link_to_action,
)
from osallisuus.trail.matters.services import create_matter, decide_matter
from osallisuus.trail.models import Matter
from osallisuus.trail.selectors import trail_figures

pytestmark = pytest.mark.django_db

URL = "/api/v1/reports/trail/"


def give(unit, days_ago=0, count=1):
    items = [
        submit_feedback(FeedbackInput(unit=unit, text="Jonotin puhelimessa tunnin"))[0]
        for _ in range(count)
    ]
    Feedback.objects.filter(pk__in=[i.pk for i in items]).update(
        received_at=timezone.now() - timedelta(days=days_ago)
    )
    # The dashboards count the items from the roll-ups, which follow an item's own changes
    # (a test's direct update sends no signal).
    for item in items:
        refresh_feedback_rollup(item.pk)
    return items


def refs(items):
    return [("feedback", item.pk) for item in items]


def figures_for(unit, kind="feedback"):
    today = timezone.localdate()
    figures = trail_figures(
        units=Unit.objects.filter(pk=unit.pk), start=today - timedelta(days=60), end=today
    )
    return next(row for row in figures.kinds if row.kind == kind), figures


def carry(manager, body, unit, inputs=(), title="Takaisinsoitto"):
    return create_matter(
        by=manager,
        title=title,
        summary="Jonot",
        carrier=manager,
        target_body=body,
        unit=unit,
        inputs=inputs,
    )


def decide(matter, body, outcome="accepted"):
    decide_matter(
        matter=matter,
        by=body.members.get(),
        outcome=outcome,
        decided_by="Lautakunta",
        decided_on=timezone.localdate(),
        reasons="Tarpeellinen",
        texts={"fi": "Päätettiin."},
    )


@pytest.fixture
def manager(make_user):
    return make_user("unit_manager")


@pytest.fixture
def committee(make_user):
    body = DecisionBody.objects.create(
        organiser=OrganiserFactory(), kind=DecisionBody.Kind.COMMITTEE, name_fi="Lautakunta"
    )
    body.members.add(make_user("decision_maker"))
    return body


def test_inputs_with_a_done_action_count_as_with_an_effect_and_their_givers_as_told(unit, manager):
    linked = give(unit, count=5)
    give(unit, count=1)  # given, never linked
    action = create_action(
        by=manager, title_fi="Takaisinsoitto", owner=manager, unit=unit, inputs=refs(linked)
    )
    row, _ = figures_for(unit)
    assert (row.inputs, row.linked, row.with_outcome) == (6, 5, 0)
    # Planning without a public text tells nobody.
    assert row.told == 0 and row.told_share == 0

    change_action_status(
        action=action, by=manager, status="in_progress", texts={"fi": "Aloitimme."}
    )
    change_action_status(action=action, by=manager, status="done", texts={"fi": "Valmis."})
    row, _ = figures_for(unit)
    assert (row.with_outcome, row.outcome_share) == (5, 83)
    assert (row.told, row.told_share) == (5, 100)


def test_an_input_linked_after_the_last_told_step_is_not_counted_as_told(unit, manager):
    first = give(unit, count=5)
    action = create_action(
        by=manager,
        title_fi="Takaisinsoitto",
        owner=manager,
        unit=unit,
        inputs=refs(first),
        texts={"fi": "Suunnittelemme takaisinsoittoa."},
    )
    late = give(unit, count=5)
    link_to_action(action=action, by=manager, inputs=refs(late))
    row, _ = figures_for(unit)
    assert (row.linked, row.told, row.told_share) == (10, 5, 50)


def test_shares_and_the_median_are_hidden_below_the_smallest_group(unit, manager, committee):
    few = give(unit, days_ago=20, count=3)
    decide(carry(manager, committee, unit, inputs=refs(few)), committee)
    row, _ = figures_for(unit)
    assert (row.inputs, row.with_outcome) == (3, 3)
    assert row.outcome_share is None and row.told_share is None
    assert row.median_days_to_decision is None


def test_the_median_days_run_from_each_input_to_the_decision_through_an_action(
    unit, manager, committee
):
    items = give(unit, days_ago=10, count=3) + give(unit, days_ago=30, count=2)
    action = create_action(
        by=manager, title_fi="Takaisinsoitto", owner=manager, unit=unit, inputs=refs(items)
    )
    matter = carry(manager, committee, unit)
    matter.actions.add(action)
    decide(matter, committee, outcome="changed")
    row, _ = figures_for(unit)
    assert row.median_days_to_decision == 10


def test_another_units_input_and_matters_stay_out_of_a_units_figures(
    unit, other_unit, manager, committee
):
    give(other_unit, count=5)
    old = carry(manager, committee, unit, title="Vanha asia")
    Matter.objects.filter(pk=old.pk).update(carried_on=timezone.localdate() - timedelta(days=400))
    row, figures = figures_for(unit)
    assert row.inputs == 0
    assert figures.matters_undecided_past_limit == 1
    _row, theirs = figures_for(other_unit)
    assert theirs.matters_undecided_past_limit == 0


def test_the_api_gives_the_figures_per_kind_in_the_callers_scope(
    unit, other_unit, client_as, manager
):
    give(unit, count=5)
    client = client_as("staff")
    response = client.get(URL, {"unit_code": unit.code})
    assert response.status_code == 200, response.content
    data = response.json()
    feedback = next(row for row in data["kinds"] if row["kind"] == "feedback")
    assert feedback["inputs"] == 5 and feedback["outcome_share"] == 0
    assert {"since", "until", "matters_undecided_past_limit"} <= set(data)
    schema = client.get("/api/v1/schema/").json()
    assert set(schema["components"]["schemas"]["TrailKind"]["properties"]) == set(feedback)
    assert client.get(URL, {"unit_code": other_unit.code}).status_code == 404
    assert client.get(URL, {"since": "2026-13"}).status_code == 400
    assert client_as("anonymous").get(URL).status_code in (401, 403)


def test_the_dashboard_shows_the_trail_figures(unit, login, client, manager):
    give(unit, count=5)
    login(manager)
    response = client.get(reverse("reports:unit", kwargs={"code": unit.code}))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="trail-figures"' in page
    assert "<td>5</td>" in page
