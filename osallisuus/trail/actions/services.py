"""Writes on actions: planning one, moving it along, linking and unlinking inputs.

Every change is a step on the action's timeline (trail.services.record_event), and a step with
a public text is told to every linked giver.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from osallisuus.authorization import person, require
from osallisuus.errors import DomainError

from ..models import Action, InputLink, TrailEvent
from ..services import UnknownInputError, link_inputs, record_event
from .selectors import owner_candidates, services_for_actions, units_for_actions

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

LANGUAGES = ("fi", "sv", "en")

# planned → in progress → done | dropped; done and dropped are final.
NEXT_STATUSES: dict[str, tuple[str, ...]] = {
    Action.Status.PLANNED: (Action.Status.IN_PROGRESS, Action.Status.DONE, Action.Status.DROPPED),
    Action.Status.IN_PROGRESS: (Action.Status.DONE, Action.Status.DROPPED),
    Action.Status.DONE: (),
    Action.Status.DROPPED: (),
}


class ActionError(DomainError):
    """A rule of actions the user broke; nothing is saved."""


def _unknown_input() -> ActionError:
    return ActionError(_("Unknown input."), field="inputs")


def _texts(texts: dict[str, str]) -> dict[str, str]:
    return {lang: (texts.get(lang) or "").strip() for lang in LANGUAGES}


@transaction.atomic
def create_action(
    *,
    by: User,
    title_fi: str,
    owner: User | None,
    title_sv: str = "",
    title_en: str = "",
    texts: dict[str, str] | None = None,
    unit: Any = None,
    service: Any = None,
    due_date: date | None = None,
    inputs: Iterable[tuple[str, int]] = (),
) -> Action:
    """Plan an action, link its inputs and tell their givers what is planned."""
    require(by, "trail.add_action")
    if not title_fi.strip():
        raise ActionError(_("Give the action a title in Finnish."), field="title_fi")
    if unit is not None and service is not None:
        raise ActionError(_("Choose a unit or a service, not both."), field="service")
    if unit is not None and not units_for_actions(by).filter(pk=unit.pk).exists():
        raise ActionError(_("Choose a unit you handle."), field="unit")
    if service is not None and not services_for_actions(by).filter(pk=service.pk).exists():
        raise ActionError(_("Choose a service you handle."), field="service")
    if unit is None and service is None and not by.has_perm("trail.plan_county_action"):
        raise ActionError(_("Choose the unit or the service the action belongs to."), field="unit")
    if owner is None or not owner_candidates(by).filter(pk=owner.pk).exists():
        raise ActionError(_("Choose a staff member as the owner."), field="owner")
    public = _texts(texts or {})
    action = Action.objects.create(
        title_fi=title_fi.strip(),
        title_sv=title_sv.strip(),
        title_en=title_en.strip(),
        owner=owner,
        unit=unit,
        service=service,
        due_date=due_date,
        created_by=by,
        **{f"public_text_{lang}": text for lang, text in public.items()},
    )
    refs = list(inputs)
    if refs:
        try:
            link_inputs(by=by, refs=refs, action=action)
        except UnknownInputError:
            raise _unknown_input() from None
    record_event(
        kind=TrailEvent.Kind.ACTION_CREATED,
        by=person(by),
        action=action,
        status=action.status,
        texts=public,
    )
    return action


@transaction.atomic
def change_action_status(
    *, action: Action, by: User, status: str, texts: dict[str, str] | None = None, reasons: str = ""
) -> TrailEvent:
    """Move an action along. Done needs a public text (givers are told what changed); dropped
    needs reasons, which givers are told when no other public text is written."""
    require(by, "trail.manage_action", action)
    if status not in NEXT_STATUSES.get(action.status, ()):
        raise ActionError(_("The action cannot move to this status."), field="status")
    public = _texts(texts or {})
    reasons = reasons.strip()
    if status == Action.Status.DROPPED and not reasons:
        raise ActionError(_("Give the reasons why the action is dropped."), field="reasons")
    if status == Action.Status.DONE and not public["fi"]:
        raise ActionError(
            _("Write in Finnish what was done: the givers are told."), field="public_text_fi"
        )
    if status == Action.Status.DROPPED and not any(public.values()):
        public["fi"] = reasons
    action.status = status
    if reasons:
        action.reasons = reasons
    if status in (Action.Status.DONE, Action.Status.DROPPED):
        action.closed_at = timezone.now()
    action.save(update_fields=["status", "reasons", "closed_at"])
    return record_event(
        kind=TrailEvent.Kind.ACTION_STATUS,
        by=person(by),
        action=action,
        status=status,
        texts=public,
    )


@transaction.atomic
def link_to_action(*, action: Action, by: User, inputs: Iterable[tuple[str, int]]) -> int:
    """Link more inputs to an action; an input the user may not see is an unknown input."""
    require(by, "trail.manage_action", action)
    refs = list(inputs)
    if not refs:
        raise ActionError(_("Choose at least one input."), field="inputs")
    try:
        return link_inputs(by=by, refs=refs, action=action)
    except UnknownInputError:
        raise _unknown_input() from None


@transaction.atomic
def unlink_from_action(*, action: Action, by: User, kind: str, pk: int) -> None:
    """Remove one input's link; an input the user may not see is not found either."""
    require(by, "trail.manage_action", action)
    from .. import kinds

    try:
        visible = kinds.input_kind(kind).items([pk], by)
    except kinds.UnknownKindError:
        visible = []
    if not visible:
        raise _unknown_input()
    InputLink.objects.filter(action=action, kind=kind, object_id=pk).delete()
