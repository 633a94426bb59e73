"""What an invitation can be for: one entry per kind, the only place that knows the other apps.

Each entry says which named rule lets a person invite to it, how to find its object for the
person asking, how to name it to the invitee, what accepting does, and where the invitee goes
next. Panels (#16) and developer groups (#17) add an entry here and a foreign key in models.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils.translation import gettext as _

from osallisuus.authorization import SYSTEM
from osallisuus.codevelopment import selectors as codevelopment_selectors
from osallisuus.codevelopment import services as codevelopment_services

from .models import Invitation, Kind

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


@dataclass(frozen=True)
class TargetKind:
    kind: str
    # The named rule (invitations/permissions.py) asked with the target object.
    permission: str
    # The model field holding the target object; None when the kind itself is the target.
    field: str | None
    # The target for a person who asks by its primary key (404 outside their scope).
    access: Callable[[Any, int | None], Any]
    # "the co-development group “Ajanvaraus”", in the active language.
    describe: Callable[[Any], str]
    # What accepting does for the user (inside the acceptance's transaction).
    admit: Callable[[Any, Any], None]
    # Where the invitee goes after accepting.
    next_url: Callable[[Any], str]
    # The page of the target's invitations (the invite form and the sent list).
    manage_url: Callable[[Any], str]


def _group_access(user: User, pk: int | None) -> Any:
    return codevelopment_selectors.access_project(user=user, pk=pk or 0)


def _group_describe(project: Any) -> str:
    return _("the co-development group “%(title)s”") % {"title": project.title}


def _group_admit(project: Any, user: User) -> None:
    # The invitation was authorised when it was sent; withdrawing it is how it is taken back.
    codevelopment_services.join_group(project=project, by=SYSTEM, user=user)


def _pool_describe(target: Any) -> str:
    return _("applying to the pool of experts by experience")


def _pool_admit(target: Any, user: User) -> None:
    """Nothing to create yet: the person fills in the application after signing in."""


REGISTRY: dict[str, TargetKind] = {
    Kind.CODEVELOPMENT_GROUP: TargetKind(
        kind=Kind.CODEVELOPMENT_GROUP,
        permission="invitations.invite_to_group",
        field="project",
        access=_group_access,
        describe=_group_describe,
        admit=_group_admit,
        next_url=lambda project: project.get_absolute_url(),
        manage_url=lambda project: reverse("invitations:group", kwargs={"pk": project.pk}),
    ),
    Kind.EXPERT_POOL: TargetKind(
        kind=Kind.EXPERT_POOL,
        permission="invitations.invite_to_pool",
        field=None,
        access=lambda user, pk: None,
        describe=_pool_describe,
        admit=_pool_admit,
        next_url=lambda target: reverse("experts:apply"),
        manage_url=lambda target: reverse("invitations:pool"),
    ),
}


def target_kind(kind: str) -> TargetKind:
    return REGISTRY[kind]


def target_of(invitation: Invitation) -> Any:
    """The object the invitation is for (None for kinds without one)."""
    field = target_kind(invitation.kind).field
    return getattr(invitation, field) if field else None
