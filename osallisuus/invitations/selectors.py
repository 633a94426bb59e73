"""Reads of invitations: by a link's token, a target's sent list, and who a link may sign in."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import Http404

from osallisuus.accounts.selectors import needs_two_factor
from osallisuus.authorization import require

from .models import Invitation
from .targets import target_kind

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser


def hash_token(token: str) -> str:
    """The stored form of a link's token (256 random bits, so a fast hash is enough)."""
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("invited_by", "project")
        .filter(token_hash=hash_token(token))
        .first()
    )


def invitations_for(*, kind: str, target: Any) -> QuerySet[Invitation]:
    """A target's invitations, newest first (the caller has asked the invite rule)."""
    field = target_kind(kind).field
    items = Invitation.objects.filter(kind=kind)
    if field:
        items = items.filter(**{field: target})
    return items.select_related("invited_by", "accepted_by")


def access_invitation(*, user: MaybeUser, pk: int) -> Invitation:
    """Fetch and authorise in one call: 404 unless the user may withdraw it."""
    invitation = Invitation.objects.select_related("project").filter(pk=pk).first()
    if invitation is None:
        raise Http404
    require(user, "invitations.withdraw", invitation)
    return invitation


def may_sign_in_by_link(user: MaybeUser) -> bool:
    """A link proves an address, not a second factor: it signs in participants only."""
    return bool(
        user.is_active
        and not user.is_staff
        and not user.is_superuser
        and not needs_two_factor(user)
    )
