"""Writes on accounts: granting roles, two-factor devices and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

import phonenumbers
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from osallisuus.audit.services import Action, record_access
from osallisuus.authorization import NotPermitted, require
from osallisuus.errors import DomainError
from osallisuus.organisation.models import Producer, Service, Unit

from .models import ApiToken, Role, RoleAssignment, User

# API tokens live 90 days unless their maker chooses otherwise, and a year at the most.
API_TOKEN_DEFAULT_DAYS = 90
API_TOKEN_MAX_DAYS = 365
# How often a token's last use is written down: a busy script does not write on every call.
API_TOKEN_USE_RESOLUTION = timedelta(minutes=1)

# Roles that maintain registers in the admin screens.
ADMIN_SCREEN_ROLES = frozenset({Role.COORDINATOR, Role.ADMINISTRATOR})


@transaction.atomic
def assign_role(
    *,
    user: User,
    role: str,
    unit: Unit | None = None,
    service: Service | None = None,
    producer: Producer | None = None,
) -> RoleAssignment:
    """Give a user a role; coordinators and administrators also get the admin screens.
    A producer's contact is scoped to one producer (`producer`), covering all its units."""
    assignment, _created = RoleAssignment.objects.get_or_create(
        user=user, role=role, unit=unit, service=service, producer=producer
    )
    if role in ADMIN_SCREEN_ROLES and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    if hasattr(user, "_osallisuus_roles"):
        del user._osallisuus_roles
    return assignment


def confirmed_totp_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_totp_device(user: User) -> TOTPDevice:
    """The unconfirmed device being set up, created on the first visit to the set-up page."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def confirm_totp_device(device: TOTPDevice) -> None:
    device.confirmed = True
    device.save(update_fields=["confirmed"])


def hash_api_key(secret: str) -> str:
    """The stored form of a token's secret (256 random bits, so a fast hash is enough)."""
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def create_api_token(
    *, owner: User, name: str, days: int, two_factor_done: bool
) -> tuple[ApiToken, str]:
    """Make an API token; return it with its secret, which is shown once and never stored.

    Only someone who passed the two-factor step in this session may make one: a token signs
    in without it.
    """
    if not two_factor_done:
        raise NotPermitted
    require(owner, "accounts.use_api_tokens")
    if not 1 <= days <= API_TOKEN_MAX_DAYS:
        raise DomainError(
            _("A token is valid for 1 to %(max)d days.") % {"max": API_TOKEN_MAX_DAYS},
            field="days",
        )
    secret = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=owner,
        name=name,
        prefix=secret[:8],
        key_hash=hash_api_key(secret),
        expires_at=timezone.now() + timedelta(days=days),
    )
    record_access(actor=owner, obj=token, action=Action.CHANGE, reason="API token created")
    return token, secret


@transaction.atomic
def revoke_api_token(*, token: ApiToken, by: User) -> None:
    """Stop a token from working at once; its owner or an administrator may."""
    require(by, "accounts.revoke_api_token", token)
    if token.revoked_at is not None:
        return
    token.revoked_at = timezone.now()
    token.revoked_by = by
    token.save(update_fields=["revoked_at", "revoked_by"])
    record_access(actor=by, obj=token, action=Action.CHANGE, reason="API token revoked")


def note_api_token_use(token: ApiToken) -> None:
    """Record when the token was last used (to the minute, so a busy caller costs no writes)."""
    now = timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < API_TOKEN_USE_RESOLUTION:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now


# --- Participants (#19): people outside staff ---------------------------------------------

# Numbers without a country code are read as Finnish ones (040 123 4567 -> +358401234567).
DEFAULT_PHONE_REGION = "FI"


def normalise_phone(typed: str) -> str | None:
    """The number in E.164 form, or None when it is not a possible phone number."""
    try:
        number = phonenumbers.parse(typed, DEFAULT_PHONE_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def find_participant(*, email: str = "", phone: str = "") -> User | None:
    """The account that holds this e-mail address (any case) or E.164 phone number."""
    if email:
        return User.objects.filter(email__iexact=email).order_by("pk").first()
    if phone:
        return User.objects.filter(phone=phone).first()
    return None


@transaction.atomic
def create_participant(
    *, email: str = "", phone: str = "", language: str = "fi", verified: bool = False
) -> User:
    """A new account with no role: it sees only what is its own.

    `verified` is True when the person already proved they hold the address or number (they
    followed a link sent to it, as an invitation's); otherwise the account waits for a link or
    code and is removed if it never gets one. Give exactly one of `email` and E.164 `phone`.
    """
    if bool(email) == bool(phone):
        raise ValueError("a participant signs up with an e-mail address or a phone number")
    user = User(
        username=f"p-{secrets.token_hex(8)}",
        email=email,
        phone=phone,
        preferred_language=language,
        self_registered=True,
        verified_at=timezone.now() if verified else None,
        notify_channel="sms" if phone else "email",
    )
    user.set_unusable_password()
    user.save()
    return user


def mark_verified(user: User) -> None:
    """The person proved they hold the address or number: the account may sign in."""
    if user.verified_at is None:
        user.verified_at = timezone.now()
        user.save(update_fields=["verified_at"])
