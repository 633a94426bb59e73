"""Who may do what on the dialogue floor: everyone reads a group's public page; members read
drafts and take part; a group's secretary runs only their own group; coordinators run all."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules

from osallisuus.accounts.permissions import (
    is_administrator,
    is_coordinator_or_admin,
    is_staff_member,
)

from .models import Group, Member, MemberRole

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser


def membership(user: MaybeUser, group: Group | None) -> Member | None:
    """The user's current seat in the group, if they hold one through their account."""
    if group is None or not user.is_authenticated or user.pk is None:
        return None
    return group.members.filter(user=user, left_on__isnull=True).first()


@rules.predicate
def is_member(user: MaybeUser, group: Group | None) -> bool:
    return membership(user, group) is not None


@rules.predicate
def is_secretary_of(user: MaybeUser, group: Group | None) -> bool:
    """A secretary's role is scoped to one group: their own (Act 611/2021 § 32 bodies)."""
    member = membership(user, group)
    return member is not None and member.role == MemberRole.SECRETARY


can_run_group = is_coordinator_or_admin | is_secretary_of

rules.add_perm("dialogue.add_group", is_coordinator_or_admin)
rules.add_perm("dialogue.run_group", can_run_group)
rules.add_perm("dialogue.see_drafts", can_run_group | is_member)
# Contact details are for those who run the group; each look is audit-logged (selectors).
rules.add_perm("dialogue.view_contacts", can_run_group)
rules.add_perm("dialogue", is_coordinator_or_admin)
rules.add_perm("dialogue.view_group", is_coordinator_or_admin)
rules.add_perm("dialogue.change_group", is_coordinator_or_admin)
rules.add_perm("dialogue.add_member", is_coordinator_or_admin)
rules.add_perm("dialogue.view_member", is_coordinator_or_admin)
rules.add_perm("dialogue.change_member", is_coordinator_or_admin)
rules.add_perm("dialogue.delete_group", is_administrator)


# --- Questions from professionals to client panels (#16 item 2) ------------------------------


def units_for_questions(user: MaybeUser, group: Group) -> Any:
    """The units on whose behalf the user may ask the panel: units they handle, within a
    producer's panel's scope (its producer, and its service when it has one)."""
    from osallisuus.accounts.selectors import units_handled_by

    units = units_handled_by(user)
    if group.producer_id:
        units = units.filter(producer_id=group.producer_id)
    if group.service_id:
        units = units.filter(service_id=group.service_id)
    return units


@rules.predicate
def may_ask(user: MaybeUser, group: Group | None) -> bool:
    from .models import GroupKind

    if group is None or group.kind not in (GroupKind.CLIENT_PANEL, GroupKind.RESIDENT_PANEL):
        return False
    return bool(units_for_questions(user, group).exists())


@rules.predicate
def handles_question_unit(user: MaybeUser, question: Any) -> bool:
    """Staff follow the questions of the units they handle: staff of another unit get 404."""
    from osallisuus.accounts.permissions import handles_unit

    return question is not None and bool(handles_unit(user, question.unit))


@rules.predicate
def member_of_question_group(user: MaybeUser, question: Any) -> bool:
    return question is not None and is_member(user, question.group)


@rules.predicate
def runs_question_group(user: MaybeUser, question: Any) -> bool:
    return question is not None and bool(can_run_group(user, question.group))


@rules.predicate
def asked_it(user: MaybeUser, question: Any) -> bool:
    return question is not None and question.asked_by_id == getattr(user, "pk", None)


rules.add_perm("dialogue.ask_question", may_ask)
rules.add_perm(
    "dialogue.view_question",
    is_coordinator_or_admin | handles_question_unit | member_of_question_group,
)
rules.add_perm("dialogue.handle_question", runs_question_group)
rules.add_perm("dialogue.discuss_question", member_of_question_group | runs_question_group)
rules.add_perm("dialogue.close_question", asked_it & handles_question_unit)
rules.add_perm("dialogue.answer_influence", is_member)


# --- User seats on the county's decision-making bodies (#16 item 5) ---------------------------

# Staff read the register of bodies (as the trail's register, trail.view_decision_bodies) with
# their user seats and attendance; coordinators give seats and record attendance.
rules.add_perm("dialogue.view_user_seats", is_staff_member)
rules.add_perm("dialogue.manage_user_seats", is_coordinator_or_admin)


# --- The panel's own initiatives to a service (#16 item 2) -------------------------------------


@rules.predicate
def runs_a_panel(user: MaybeUser, group: Group | None) -> bool:
    """The panel raises its initiatives through those who run it (coordinator or secretary)."""
    from .models import GroupKind

    if group is None or group.kind not in (GroupKind.CLIENT_PANEL, GroupKind.RESIDENT_PANEL):
        return False
    return bool(can_run_group(user, group))


@rules.predicate
def handles_initiative_service(user: MaybeUser, initiative: Any) -> bool:
    """Staff of a unit of the service the initiative went to answer it for the service."""
    from osallisuus.accounts.selectors import units_handled_by

    if initiative is None:
        return False
    return bool(units_handled_by(user).filter(service_id=initiative.service_id).exists())


@rules.predicate
def member_of_initiative_group(user: MaybeUser, initiative: Any) -> bool:
    return initiative is not None and is_member(user, initiative.group)


@rules.predicate
def runs_initiative_group(user: MaybeUser, initiative: Any) -> bool:
    return initiative is not None and bool(can_run_group(user, initiative.group))


rules.add_perm("dialogue.raise_initiative", runs_a_panel)
rules.add_perm(
    "dialogue.view_initiative",
    is_coordinator_or_admin
    | handles_initiative_service
    | member_of_initiative_group
    | runs_initiative_group,
)
rules.add_perm("dialogue.answer_initiative", is_coordinator_or_admin | handles_initiative_service)
