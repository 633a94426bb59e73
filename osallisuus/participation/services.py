"""Writes on one's own page: notification settings, and closing the account.

Closing erases what has no legal reason to stay and keeps what the law requires, through the
services of the apps that own each part (the pool, co-development, feedback).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from osallisuus.audit.services import Action, record_access
from osallisuus.authorization import require
from osallisuus.codevelopment import services as codevelopment
from osallisuus.errors import DomainError, Problem
from osallisuus.experts import services as experts
from osallisuus.feedback import services as feedback

from .selectors import available_channels, pool_profile

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


class ParticipationError(DomainError):
    """A setting of one's own that cannot be saved as asked."""


@transaction.atomic
def save_notification_settings(
    *, user: User, channel: str | None, language: str, daily: bool
) -> None:
    """How and in which language the person's notices come, and whether at most once a day.

    A channel needs its address: text messages a phone number, e-mail an e-mail address.
    `channel` None keeps the channel (an account with neither has nothing to choose).
    """
    require(user, "participation.change_own_settings")
    problems: list[Problem] = []
    if channel is None:
        channel = user.notify_channel
    elif channel not in available_channels(user):
        if channel == "sms":
            message = _("Your account has no phone number, so notices cannot come by SMS.")
        elif channel == "email":
            message = _("Your account has no e-mail address, so notices cannot come by e-mail.")
        else:
            message = _("Choose e-mail or SMS.")
        problems.append(Problem(message, field="notify_channel"))
    if language not in {code for code, _name in settings.LANGUAGES}:
        problems.append(
            Problem(_("Choose Finnish, Swedish or English."), field="preferred_language")
        )
    if problems:
        raise ParticipationError.of(problems)
    user.notify_channel = channel
    user.preferred_language = language
    user.notify_daily = daily
    user.save(update_fields=["notify_channel", "preferred_language", "notify_daily"])


def pseudonym(user: User) -> str:
    """The name a closed account keeps on what must stay (paid claims, board notes)."""
    return f"suljettu-tili-{user.pk}"


@transaction.atomic
def close_account(*, user: User, by: User, path: str = "") -> None:
    """Close a participant's account at their own request (GDPR art. 17).

    Erased: name, e-mail address, phone number, the strong identification's hash, the staff
    directory link, notification settings and the password; the pool profile (through the
    pool's own erasure), group memberships and meeting registrations; the links to followed
    feedback (the feedback stays, anonymous as it was given). Kept: approved and paid claims
    and their contracts (the Accounting Act), now under a pseudonym, and the audit entry.
    The account can no longer sign in.
    """
    require(by, "participation.close_account", user)
    profile = pool_profile(user)
    if profile is not None:
        experts.erase_profile(profile=profile, by=by)
        user.refresh_from_db()
    feedback.unlink_all(account=user)
    codevelopment.leave_all_groups(user=user)
    user.username = pseudonym(user)
    user.first_name = user.last_name = user.email = user.phone = ""
    user.strong_identity_hash = user.oidc_subject = ""
    user.notify_channel = "email"
    user.notify_daily = False
    user.preferred_language = "fi"
    user.verified_at = None
    user.is_active = False
    user.set_unusable_password()
    user.save()
    record_access(
        actor=by, obj=user, action=Action.DELETE, reason="account closed by its holder", path=path
    )
