"""A link keeps where and when its input was given (#15 item 12 at 10 M inputs): the trail
figures read a unit's links by that place instead of every input of the period, so the place
must follow the input and the figures must equal a recount from the inputs themselves."""

from datetime import timedelta

import pytest
from django.utils import timezone

from osallisuus.feedback.models import Feedback
from osallisuus.feedback.signals import deliver_change
from osallisuus.feedback.trail_kind import FEEDBACK_KIND
from osallisuus.organisation.models import Unit
from osallisuus.organisation.tests.factories import UnitFactory
from osallisuus.trail.actions.services import change_action_status, create_action
from osallisuus.trail.models import InputLink
from osallisuus.trail.selectors import EFFECT, trail_figures

from .test_trail_figures import figures_for, give, refs

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(make_user):
    return make_user("unit_manager")


def test_a_link_keeps_the_unit_and_local_day_its_input_was_given(unit, manager):
    (item,) = give(unit, days_ago=10)
    create_action(by=manager, title_fi="Jonot", owner=manager, unit=unit, inputs=refs([item]))
    item.refresh_from_db()
    link = InputLink.objects.get(kind="feedback", object_id=item.pk)
    assert (link.unit_id, link.given_on) == (unit.pk, timezone.localdate(item.received_at))


def test_an_input_moved_to_another_unit_counts_there_once_the_change_is_delivered(unit, manager):
    other = UnitFactory(service=unit.service)
    items = give(unit, count=5)
    create_action(by=manager, title_fi="Jonot", owner=manager, unit=unit, inputs=refs(items))
    assert figures_for(unit)[0].linked == 5

    ids = [item.pk for item in items]
    Feedback.objects.filter(pk__in=ids).update(unit=other)
    deliver_change(ids, arrived=False)  # what the task worker runs after the move commits

    assert figures_for(unit)[0].linked == 0
    assert figures_for(other)[0].linked == 5


def test_items_flagged_as_button_mashing_later_leave_the_figures(unit, manager):
    items = give(unit, count=6)
    create_action(by=manager, title_fi="Jonot", owner=manager, unit=unit, inputs=refs(items))
    flagged = [items[0].pk]
    Feedback.objects.filter(pk__in=flagged).update(suspected_mashing=True)
    deliver_change(flagged, arrived=False)
    assert figures_for(unit)[0].linked == 5


def test_the_figures_from_the_places_equal_a_recount_from_the_inputs(unit, manager, make_user):
    coordinator = make_user("coordinator")
    other = UnitFactory(service=unit.service)
    # Inside the period at both units, before it, and linked to done and planned actions.
    recent, old, elsewhere = give(unit, count=7), give(unit, days_ago=90, count=3), give(other)
    done = create_action(
        by=manager, title_fi="Tehty", owner=manager, unit=unit, inputs=refs(recent[:4] + old)
    )
    create_action(
        by=manager, title_fi="Suunniteltu", owner=manager, unit=unit, inputs=refs(recent[3:])
    )
    create_action(
        by=coordinator, title_fi="Muualla", owner=coordinator, unit=other, inputs=refs(elsewhere)
    )
    change_action_status(action=done, by=manager, status="in_progress", texts={})
    change_action_status(action=done, by=manager, status="done", texts={"fi": "Valmis."})

    today = timezone.localdate()
    start = today - timedelta(days=60)
    for scope in (Unit.objects.filter(pk=unit.pk), Unit.objects.all()):
        row = next(
            r
            for r in trail_figures(units=scope, start=start, end=today).kinds
            if r.kind == "feedback"
        )
        # The recount: links of the inputs the kind itself says were given in scope.
        links = InputLink.objects.filter(
            kind="feedback", object_id__in=FEEDBACK_KIND.received_ids(scope, start, today)
        )
        linked = links.values("object_id").distinct().count()
        with_outcome = links.filter(EFFECT).values("object_id").distinct().count()
        assert (row.linked, row.with_outcome) == (linked, with_outcome)
    assert (row.linked, row.with_outcome) == (8, 4)
