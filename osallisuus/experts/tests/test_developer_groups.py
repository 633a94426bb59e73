"""Developer groups (#17 item 7): seed 000's seven steps in order, a request shared among the
members, and no member's assignment before the group has reached the contract step."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.experts import group_services, services
from osallisuus.experts.models import Assignment, Stage
from osallisuus.experts.services import ExpertsError
from osallisuus.experts.tests.factories import make_profile, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


DAY = datetime.date(2026, 1, 12)


def make_group(coordinator, members=()):
    return group_services.create_group(
        by=coordinator,
        name="Perhekeskuksen kehittäjäryhmä",
        owner_kind="county",
        owner_name="Hyvinvointialue",
        home_base="Perhekeskus, Keskusta",
        coordinator=coordinator,
        support_person=user_with_role("coordinator"),
        members=members,
        reached_on=DAY,
    )


def advance_to(group, stage, coordinator):
    """Record each step up to `stage`, a day apart."""
    steps = Stage.values
    for step in steps[steps.index(group.stage) + 1 : steps.index(stage) + 1]:
        day = DAY + datetime.timedelta(days=steps.index(step))
        group_services.advance_group(group=group, by=coordinator, stage=step, reached_on=day)
    group.refresh_from_db()


def test_a_group_moves_through_the_seven_steps_in_order():
    coordinator = user_with_role("coordinator")
    group = make_group(coordinator)

    with pytest.raises(ExpertsError, match="in order"):
        group_services.advance_group(
            group=group, by=coordinator, stage=Stage.CONTRACT, reached_on=DAY
        )
    group.refresh_from_db()
    assert group.stage == Stage.FORMING

    advance_to(group, Stage.SUPPORT, coordinator)

    assert [s.stage for s in group.steps.order_by("reached_on")] == list(Stage.values)
    with pytest.raises(ExpertsError, match="last step"):
        group_services.advance_group(
            group=group, by=coordinator, stage=Stage.FORMING, reached_on=DAY
        )


def test_a_step_cannot_be_dated_before_the_previous_one():
    coordinator = user_with_role("coordinator")
    group = make_group(coordinator)
    with pytest.raises(ExpertsError, match="before the previous step"):
        group_services.advance_group(
            group=group,
            by=coordinator,
            stage=Stage.TRAINING,
            reached_on=DAY - datetime.timedelta(days=1),
        )


def test_an_assignment_before_the_contract_step_is_refused():
    coordinator = user_with_role("coordinator")
    profile = make_profile()
    group = make_group(coordinator, members=[profile])
    request = make_request()
    group_services.give_request_to_group(
        request=request, group=group, by=coordinator, members=[profile]
    )
    invitation = request.invitations.get()
    assignment = services.answer_invitation(invitation=invitation, accept=True)
    contract = services.current_contract(assignment)
    services.sign_contract(contract=contract, by=profile.user)
    services.sign_contract(contract=contract, by=coordinator)
    advance_to(group, Stage.ORIENTATION, coordinator)

    with pytest.raises(ExpertsError, match="contract step"):
        services.start_assignment(assignment=assignment, by=coordinator)
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.AGREED

    advance_to(group, Stage.CONTRACT, coordinator)
    services.start_assignment(assignment=assignment, by=coordinator)
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.STARTED


def test_only_members_share_the_groups_work():
    coordinator = user_with_role("coordinator")
    member, outsider = make_profile(), make_profile()
    group = make_group(coordinator, members=[member])
    request = make_request(people_needed=1)
    with pytest.raises(ExpertsError, match="Only members"):
        group_services.give_request_to_group(
            request=request, group=group, by=coordinator, members=[outsider]
        )
    request.refresh_from_db()
    assert request.group is None
    assert not request.invitations.exists()
