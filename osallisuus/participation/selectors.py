"""Reads for one's own page: everything a signed-in person takes part in, gathered from the
pool, co-development and feedback through their selectors, and the download of it all."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from osallisuus.codevelopment import selectors as codevelopment
from osallisuus.experts import selectors as experts
from osallisuus.feedback.selectors import LinkedFeedback, linked_feedback_of

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

CHANNELS = ("email", "sms")


@dataclass
class MyParticipation:
    """What the page shows; each list empty when the person has none of it."""

    profile: Any = None
    invitations: list[Any] = field(default_factory=list)
    assignments: list[Any] = field(default_factory=list)
    groups: list[Any] = field(default_factory=list)
    workshops: list[Any] = field(default_factory=list)
    linked_feedback: list[LinkedFeedback] = field(default_factory=list)
    # Invitations to groups, panels and the pool (#19 item 2) get their list here once the
    # invitations app (osallisuus/invitations) offers a selector for a person's invitations.


def pool_profile(user: User) -> Any:
    """The person's profile in the pool of experts, unless it has been erased."""
    profile = experts.profile_of(user)
    return profile if profile is not None and profile.erased_at is None else None


def my_participation(user: User) -> MyParticipation:
    profile = pool_profile(user)
    mine = MyParticipation(
        profile=profile,
        groups=list(codevelopment.memberships_of(user)),
        workshops=list(codevelopment.upcoming_workshops_for(user)),
        linked_feedback=linked_feedback_of(user),
    )
    if profile is not None:
        mine.invitations = list(experts.own_invitations(profile, pending=True))
        mine.assignments = list(experts.own_assignments(profile))
    return mine


def may_close_account(user: User) -> bool:
    """Participants close their own accounts; accounts with a staff role are closed by an
    administrator (see permissions.py)."""
    return bool(user.has_perm("participation.close_account", user))


def available_channels(user: User) -> list[str]:
    """Where notices can go: e-mail with an address, text messages with a phone number."""
    have = {"email": bool(user.email), "sms": bool(user.phone)}
    return [channel for channel in CHANNELS if have[channel]]


def own_data(user: User) -> dict[str, Any]:
    """Everything stored about the person that the platform can gather for them (GDPR art. 15
    and 20): the account, notification settings, followed feedback, the pool and groups."""
    profile = pool_profile(user)
    return {
        "account": {
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "phone": user.phone,
            "joined_at": user.date_joined.isoformat(),
            "last_sign_in_at": user.last_login.isoformat() if user.last_login else None,
            "verified_at": user.verified_at.isoformat() if user.verified_at else None,
            "signed_up_by_themselves": user.self_registered,
            "strong_identification_linked": bool(user.strong_identity_hash),
        },
        "notification_settings": {
            "channel": user.notify_channel,
            "language": user.preferred_language,
            "at_most_one_message_a_day": user.notify_daily,
        },
        "linked_feedback": [item.as_data() for item in linked_feedback_of(user)],
        "expert_pool": experts.own_data(profile) if profile is not None else None,
        "codevelopment": codevelopment.own_data(user),
    }
