"""Writes of developer groups (#17 item 7): a group with its owner, coordinator, support person
and home base moves through seed 000's seven steps in order, one step at a time, and shares a
request given to it among its members. No member's assignment starts before the group has
reached the contract step (checked in services.start_assignment)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from osallisuus.authorization import person, require

from .models import DeveloperGroup, ExpertProfile, ExpertRequest, GroupStep, Stage
from .services import ExpertsError, invite

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

STEPS: list[str] = list(Stage.values)


def next_step(group: DeveloperGroup) -> str | None:
    index = STEPS.index(group.stage)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


@transaction.atomic
def create_group(
    *,
    by: User,
    members: Iterable[ExpertProfile] = (),
    reached_on: datetime.date | None = None,
    notes: str = "",
    **fields: Any,
) -> DeveloperGroup:
    """A new group at its first step, forming the group."""
    require(by, "experts.coordinate_pool")
    group = DeveloperGroup.objects.create(stage=Stage.FORMING, **fields)
    group.members.set(list(members))
    GroupStep.objects.create(
        group=group,
        stage=Stage.FORMING,
        reached_on=reached_on or timezone.localdate(),
        notes=notes,
        recorded_by=person(by),
    )
    return group


@transaction.atomic
def change_members(
    *, group: DeveloperGroup, by: User, members: Iterable[ExpertProfile]
) -> DeveloperGroup:
    require(by, "experts.coordinate_pool")
    group.members.set(list(members))
    return group


@transaction.atomic
def advance_group(
    *, group: DeveloperGroup, by: User, stage: str, reached_on: datetime.date, notes: str = ""
) -> GroupStep:
    """The group reaches its next step; skipping or going back is refused."""
    require(by, "experts.coordinate_pool")
    group = DeveloperGroup.objects.select_for_update().get(pk=group.pk)
    expected = next_step(group)
    if expected is None:
        raise ExpertsError(_("The group has already reached its last step."), field="stage")
    if stage != expected:
        raise ExpertsError(
            _("The group moves through the steps in order: the next step is %(step)s.")
            % {"step": Stage(expected).label},
            field="stage",
        )
    last = group.steps.order_by("-reached_on").values_list("reached_on", flat=True).first()
    if last is not None and reached_on < last:
        raise ExpertsError(
            _("The date cannot be before the previous step (%(date)s).")
            % {"date": f"{last:%d.%m.%Y}"},
            field="reached_on",
        )
    group.stage = stage
    group.save(update_fields=["stage"])
    return GroupStep.objects.create(
        group=group, stage=stage, reached_on=reached_on, notes=notes, recorded_by=person(by)
    )


@transaction.atomic
def give_request_to_group(
    *, request: ExpertRequest, group: DeveloperGroup, by: User, members: Iterable[ExpertProfile]
) -> ExpertRequest:
    """The group takes the request and shares it: the chosen members are invited."""
    require(by, "experts.coordinate_pool")
    chosen = list(members)
    member_ids = set(group.members.values_list("pk", flat=True))
    if not chosen:
        raise ExpertsError(_("Choose the members who share the work."), field="members")
    if any(profile.pk not in member_ids for profile in chosen):
        raise ExpertsError(_("Only members of the group can share its work."), field="members")
    if len(chosen) > request.people_needed:
        raise ExpertsError(
            _("The request needs %(count)s people; choose no more.")
            % {"count": request.people_needed},
            field="members",
        )
    if request.group_id not in (None, group.pk):
        raise ExpertsError(_("The request has been given to another group."), field="members")
    request.group = group
    request.save(update_fields=["group"])
    invite(request=request, profiles=chosen, by=by)
    return request
