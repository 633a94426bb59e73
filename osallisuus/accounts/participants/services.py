"""Writes of the participants' way in: sign-up, one-time codes and links, and removing accounts
that were never verified.

A person proves they hold an e-mail address or a phone number with a six-digit code (by SMS or
e-mail) or a link (by e-mail). Both are random, stored only as keyed hashes, work once, expire,
and a code may be guessed wrong only a few times. Sending is limited per address or number (no
one can flood someone else's phone) and per client address.

Signing up with an address that already has an account looks the same from outside as a new
sign-up: the holder gets a sign-in message instead, and no second account is made.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F, ProtectedError, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from osallisuus.accounts.models import SignInCode, User
from osallisuus.accounts.services import (
    create_participant,
    find_participant,
    mark_verified,
    normalise_phone,
)
from osallisuus.errors import DomainError
from osallisuus.links import absolute_url
from osallisuus.notifications.services import send_email, send_sms
from osallisuus.rate_limits import count_hit, uncount_hit

CODE_DIGITS = 6
# An e-mail may wait in an inbox for a while; a text message is read at once.
EMAIL_CODE_LIFETIME = timedelta(minutes=60)
SMS_CODE_LIFETIME = timedelta(minutes=15)
# Wrong guesses a code survives; with six digits an attacker's chance stays below 1 in 100 000.
MAX_WRONG_GUESSES = 5
# Codes and links sent to one address or number, and asked from one client address, an hour.
CODES_PER_ADDRESS_PER_HOUR = 5
CODES_PER_CLIENT_PER_HOUR = 20
LIMIT_WINDOW_SECONDS = 3600
_HASH_SALT = "osallisuus.accounts.sign_in_code"


@dataclass(frozen=True)
class Address:
    """Where a participant is reached: an e-mail address or an E.164 phone number."""

    email: str = ""
    phone: str = ""

    @property
    def channel(self) -> str:
        return SignInCode.Channel.EMAIL if self.email else SignInCode.Channel.SMS

    def __str__(self) -> str:
        return self.email or self.phone


def parse_address(typed: str) -> Address | None:
    """An e-mail address (with @) or a phone number as a person types it; None if neither."""
    typed = typed.strip()
    if "@" in typed:
        try:
            validate_email(typed)
        except ValidationError:
            return None
        return Address(email=BaseUserManager.normalize_email(typed))
    phone = normalise_phone(typed)
    return Address(phone=phone) if phone else None


class TooManyCodesError(DomainError):
    """More codes were asked for an address, or from a client, than the hour allows.

    Pages and the API answer it 429 (Too Many Requests), the API with `retry_after_seconds`.
    """

    def __init__(self) -> None:
        super().__init__(
            _(
                "Too many codes were asked for in a short time. Wait an hour and try again, "
                "or use a code you already received."
            )
        )
        self.retry_after_seconds = LIMIT_WINDOW_SECONDS


def _within_budget(key: str, limit: int) -> bool:
    """Count one hit; over the limit (a sliding hour), take it back and say no."""
    now = timezone.now().timestamp()
    current, previous, start = count_hit(key, LIMIT_WINDOW_SECONDS, now)
    weight = max(0.0, 1.0 - (now - start) / LIMIT_WINDOW_SECONDS)
    if previous * weight + current <= limit:
        return True
    uncount_hit(key, LIMIT_WINDOW_SECONDS, start)
    return False


def check_code_limits(*, address: Address, client: str) -> None:
    """Count a request for a code against the address's and the client's budgets."""
    if not _within_budget(f"sign-in-code:to:{address}", CODES_PER_ADDRESS_PER_HOUR):
        raise TooManyCodesError
    if not _within_budget(f"sign-in-code:from:{client}", CODES_PER_CLIENT_PER_HOUR):
        raise TooManyCodesError


def _hash(value: str) -> str:
    return salted_hmac(_HASH_SALT, value, algorithm="sha256").hexdigest()


def _code_hash(user: User, code: str) -> str:
    return _hash(f"{user.pk}:{code}")


def code_lifetime(address: Address) -> timedelta:
    return EMAIL_CODE_LIFETIME if address.email else SMS_CODE_LIFETIME


def link_url(token: str, next_url: str = "") -> str:
    """The address of a sign-in link, with where to go afterwards."""
    url = absolute_url(reverse("accounts:sign_in_link", kwargs={"token": token}))
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def _send_code(*, user: User, address: Address, welcome: bool, next_url: str) -> None:
    """Make a code (and a link, by e-mail) and send it in the person's own language."""
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    token = secrets.token_urlsafe(32) if address.email else ""
    lifetime = code_lifetime(address)
    SignInCode.objects.create(
        user=user,
        channel=address.channel,
        code_hash=_code_hash(user, code),
        link_hash=_hash(token) if token else "",
        expires_at=timezone.now() + lifetime,
    )
    minutes = int(lifetime.total_seconds() // 60)
    with translation.override(user.preferred_language):
        if not address.email:
            send_sms(
                to=address.phone,
                text=_(
                    "Your Osallisuus code is %(code)s. It works for %(minutes)d minutes. "
                    "Do not give it to anyone."
                )
                % {"code": code, "minutes": minutes},
            )
            return
        if welcome:
            subject = _("Confirm your e-mail address")
            opening = _("Welcome! Confirm your e-mail address and sign in by opening this link:")
        else:
            subject = _("Your sign-in link")
            opening = _("You have an account with this address. Sign in by opening this link:")
        body = "\n\n".join(
            [
                opening,
                link_url(token, next_url),
                _("Or type this code on the sign-in page: %(code)s") % {"code": code},
                _(
                    "The link and the code work once, for %(minutes)d minutes. If you did not "
                    "ask for them, ignore this message: nothing happens without them."
                )
                % {"minutes": minutes},
            ]
        )
        send_email(to=address.email, subject=subject, body=body)


def _never_verified(user: User) -> bool:
    """A sign-up still waiting for its first link or code (accounts staff made are not)."""
    return user.self_registered and user.verified_at is None


@transaction.atomic
def sign_up(
    *,
    address: Address,
    language: str,
    client: str,
    first_name: str = "",
    last_name: str = "",
    next_url: str = "",
) -> None:
    """Make an unverified participant and send a code, or, when the address already has an
    account, send its holder a sign-in code instead. The caller sees no difference."""
    check_code_limits(address=address, client=client)
    user = find_participant(email=address.email, phone=address.phone)
    if user is None:
        try:
            with transaction.atomic():
                user = create_participant(
                    email=address.email, phone=address.phone, language=language
                )
        except IntegrityError:  # the same number signed up at the same moment
            user = find_participant(email=address.email, phone=address.phone)
            if user is None:
                raise
        else:
            if first_name or last_name:
                user.first_name, user.last_name = first_name, last_name
                user.save(update_fields=["first_name", "last_name"])
    if user.is_active:
        _send_code(user=user, address=address, welcome=_never_verified(user), next_url=next_url)


@transaction.atomic
def request_sign_in(*, address: Address, client: str, next_url: str = "") -> None:
    """Send a one-time code (and link) to an account's holder; nothing to an unknown address."""
    check_code_limits(address=address, client=client)
    user = find_participant(email=address.email, phone=address.phone)
    if user is not None and user.is_active:
        _send_code(user=user, address=address, welcome=_never_verified(user), next_url=next_url)


def _spend_codes(user: User, now: datetime) -> None:
    """One proof is enough: every live code of the person stops working."""
    SignInCode.objects.filter(user=user, used_at__isnull=True).update(used_at=now)


def _live(now: datetime) -> QuerySet[SignInCode]:
    return SignInCode.objects.filter(
        used_at__isnull=True, expires_at__gt=now, wrong_guesses__lt=MAX_WRONG_GUESSES
    )


@transaction.atomic
def redeem_code(*, address: Address, code: str) -> User | None:
    """The account whose live code this is, now verified; None (and a wrong guess counted)."""
    user = find_participant(email=address.email, phone=address.phone)
    if user is None or not user.is_active:
        return None
    now = timezone.now()
    live = _live(now).select_for_update().filter(user=user)
    wanted = _code_hash(user, code)
    if not any(constant_time_compare(c.code_hash, wanted) for c in live):
        live.update(wrong_guesses=F("wrong_guesses") + 1)
        return None
    _spend_codes(user, now)
    mark_verified(user)
    return user


def link_is_live(token: str) -> bool:
    """Whether a link still works (looking does not use it up)."""
    return _live(timezone.now()).filter(link_hash=_hash(token)).exists()


@transaction.atomic
def redeem_link(*, token: str) -> User | None:
    """The account this live link belongs to, now verified; None for any other link."""
    now = timezone.now()
    found = (
        _live(now).select_for_update().filter(link_hash=_hash(token)).select_related("user").first()
    )
    if found is None or not found.user.is_active:
        return None
    _spend_codes(found.user, now)
    mark_verified(found.user)
    return found.user


@dataclass(frozen=True)
class CleanupResult:
    accounts_removed: int
    codes_removed: int


@transaction.atomic
def remove_unverified_accounts(*, now: datetime | None = None) -> CleanupResult:
    """Remove self-made accounts never verified within UNVERIFIED_ACCOUNT_DAYS, and old codes.

    GDPR art. 5(1)(e): an address nobody confirmed is not kept. Accounts an administrator made,
    and any account that has signed in or holds a role, are never touched.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.UNVERIFIED_ACCOUNT_DAYS)
    stale = User.objects.filter(
        self_registered=True,
        verified_at__isnull=True,
        last_login__isnull=True,
        date_joined__lt=cutoff,
        role_assignments__isnull=True,
    )
    removed = 0
    for user in stale.order_by("pk").iterator():
        try:
            with transaction.atomic():
                user.delete()
        except ProtectedError:  # something that must stay refers to it (the audit log): keep
            continue
        removed += 1
    codes, _by_model = SignInCode.objects.filter(expires_at__lt=now - timedelta(days=1)).delete()
    return CleanupResult(accounts_removed=removed, codes_removed=codes)
