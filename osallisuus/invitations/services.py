"""Writes of invitations: send, withdraw, accept (account and membership in one step), decline."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from osallisuus.accounts.services import (
    create_participant,
    find_participant,
    mark_verified,
    normalise_phone,
)
from osallisuus.audit.services import Action, record_access
from osallisuus.authorization import require
from osallisuus.errors import DomainError
from osallisuus.links import absolute_url
from osallisuus.notifications.services import send_email, send_sms

from .consent import CONSENT_VERSION
from .models import Invitation, Status
from .selectors import hash_token
from .targets import target_kind, target_of

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

# The inviter may choose how long the link works, up to this many days.
MAX_DAYS = 60
MESSAGE_LANGUAGES = ("fi", "sv", "en")


class InvitationError(DomainError):
    """An invitation that cannot be sent, withdrawn or answered as asked."""


class InvitationClosed(InvitationError):  # noqa: N818 - a refusal, like Http404
    """The invitation was withdrawn, has expired or was already answered; nothing was done."""

    def __init__(self, status: str) -> None:
        super().__init__(closed_message(status))
        self.status = status


def closed_message(status: str) -> str:
    """Why a link no longer works, in words the invitee understands."""
    messages: dict[str, str] = {
        Status.WITHDRAWN: _("This invitation has been withdrawn by the person who sent it."),
        Status.EXPIRED: _("This invitation has expired."),
        Status.ACCEPTED: _("This invitation has already been accepted."),
        Status.DECLINED: _("This invitation has already been declined."),
    }
    return messages.get(status, _("This invitation can no longer be used."))


def invitation_link(token: str) -> str:
    return absolute_url(reverse("invitations:accept", args=[token]))


@transaction.atomic
def invite(
    *,
    by: User,
    kind: str,
    target: Any = None,
    email: str = "",
    phone: str = "",
    language: str = "fi",
    days: int | None = None,
) -> tuple[Invitation, str]:
    """Send an invitation by e-mail or text message; return it with its link's token.

    The token is in the message only; the database keeps its hash.
    """
    spec = target_kind(kind)
    require(by, spec.permission, target)
    email = email.strip()
    if bool(email) == bool(phone.strip()):
        raise InvitationError(_("Give an e-mail address or a phone number (one of them)."))
    if phone.strip():
        normalised = normalise_phone(phone)
        if normalised is None:
            raise InvitationError(_("Enter a valid phone number."), field="phone")
        phone = normalised
    if language not in MESSAGE_LANGUAGES:
        raise InvitationError(_("Choose the language of the message."), field="language")
    days = settings.INVITATION_DAYS if days is None else days
    if not 1 <= days <= MAX_DAYS:
        raise InvitationError(
            _("An invitation is valid for 1 to %(max)d days.") % {"max": MAX_DAYS}, field="days"
        )
    now = timezone.now()
    open_ones = Invitation.objects.filter(
        kind=kind,
        withdrawn_at=None,
        accepted_at=None,
        declined_at=None,
        expires_at__gt=now,
        **{spec.field: target} if spec.field else {},
    )
    if (email and open_ones.filter(email__iexact=email).exists()) or (
        phone and open_ones.filter(phone=phone).exists()
    ):
        raise InvitationError(
            _(
                "This person already has an open invitation here. Withdraw it first to send a "
                "new one."
            ),
            field="phone" if phone else "email",
        )
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        kind=kind,
        email=email,
        phone=phone,
        language=language,
        token_hash=hash_token(token),
        invited_by=by,
        created_at=now,
        expires_at=now + timedelta(days=days),
        **{spec.field: target} if spec.field else {},
    )
    _send_message(invitation, token)
    record_access(actor=by, obj=invitation, action=Action.CHANGE, reason="invitation sent")
    return invitation, token


def _send_message(invitation: Invitation, token: str) -> None:
    spec = target_kind(invitation.kind)
    inviter = invitation.invited_by
    with translation.override(invitation.language):
        values = {
            "inviter": inviter.get_full_name() or inviter.username,
            "target": spec.describe(target_of(invitation)),
            "link": invitation_link(token),
            "date": formats.date_format(
                timezone.localtime(invitation.expires_at), "SHORT_DATE_FORMAT"
            ),
        }
        if invitation.email:
            send_email(
                to=invitation.email,
                subject=_("Invitation: %(target)s") % values,
                body=_(
                    "Hello,\n\n%(inviter)s invites you to take part in %(target)s.\n\n"
                    "Open this link to see what it means, what data is kept and why, and to "
                    "accept or decline:\n%(link)s\n\n"
                    "The link works until %(date)s. If you did not expect this message, you "
                    "can ignore it: nothing happens unless you accept."
                )
                % values,
            )
        else:
            send_sms(
                to=invitation.phone,
                text=_(
                    "%(inviter)s invites you to take part in %(target)s. "
                    "Accept or decline by %(date)s: %(link)s"
                )
                % values,
            )


@transaction.atomic
def withdraw(*, invitation: Invitation, by: User) -> Invitation:
    """Stop an open invitation's link from working."""
    require(by, "invitations.withdraw", invitation)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    status = invitation.status()
    if status != Status.PENDING:
        raise InvitationClosed(status)
    invitation.withdrawn_at = timezone.now()
    invitation.withdrawn_by = by
    invitation.save(update_fields=["withdrawn_at", "withdrawn_by"])
    record_access(actor=by, obj=invitation, action=Action.CHANGE, reason="invitation withdrawn")
    return invitation


def _open_for_answer(invitation: Invitation) -> Invitation:
    """The invitation, locked, if it can still be answered; InvitationClosed otherwise."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    status = locked.status()
    if status != Status.PENDING:
        raise InvitationClosed(status)
    return locked


@transaction.atomic
def accept(*, invitation: Invitation, user: User | None = None) -> Any:
    """Accept: the account (found, or made) and the membership together; return the account.

    `user` is the signed-in person, who is attached whatever address the invitation went to.
    Signed out, the account holding the invited address is used, or a new participant account
    is made; following the link proves the person holds the address, so it counts as verified.
    """
    invitation = _open_for_answer(invitation)
    if user is None:
        user = find_participant(email=invitation.email, phone=invitation.phone)
        if user is None:
            user = create_participant(
                email=invitation.email,
                phone=invitation.phone,
                language=invitation.language,
                verified=True,
            )
        elif not user.is_active:
            raise InvitationError(
                _("The account of this address is closed. Ask the person who invited you.")
            )
        else:
            mark_verified(user)
    spec = target_kind(invitation.kind)
    spec.admit(target_of(invitation), user)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.consent_version = CONSENT_VERSION
    invitation.save(update_fields=["accepted_at", "accepted_by", "consent_version"])
    record_access(actor=user, obj=invitation, action=Action.CHANGE, reason="invitation accepted")
    return user


@transaction.atomic
def decline(*, invitation: Invitation) -> Invitation:
    """Say no: nothing is created, and the link stops working."""
    invitation = _open_for_answer(invitation)
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at"])
    return invitation
