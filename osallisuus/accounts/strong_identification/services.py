"""Writes for strong identification: the keyed hash of an identity code and its one account."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from osallisuus.accounts.models import User


def identity_hash(identity_code: str) -> str:
    """HMAC-SHA256 of the code under RESIDENT_IDENTITY_HASH_KEY, as 64 hex digits.

    Keyed, not a plain hash: identity codes are few enough (a birth date and four characters)
    to be tried one by one against a plain SHA-256, so a copy of the database alone must not
    reveal them. The key lives outside the database.
    """
    key = settings.RESIDENT_IDENTITY_HASH_KEY.encode()
    return hmac.new(key, identity_code.encode(), hashlib.sha256).hexdigest()


@transaction.atomic
def create_strongly_identified_participant(
    *, identity_hash: str, language: str, first_name: str = "", last_name: str = ""
) -> User:
    """A new account with no role for a strongly identified person, verified by that identification.

    It has no e-mail address or phone number until the person adds one, and no password: it
    signs in by strong identification (or by a one-time link once it has an address).
    """
    user = User(
        username=f"p-{secrets.token_hex(8)}",
        first_name=first_name[:150],
        last_name=last_name[:150],
        preferred_language=language,
        self_registered=True,
        verified_at=timezone.now(),
        strong_identity_hash=identity_hash,
    )
    user.set_unusable_password()
    user.save()
    return user


def resident_for_identity(
    *, identity_code: str, language: str, first_name: str = "", last_name: str = ""
) -> User:
    """The one account of the person with this identity code, made on their first sign-in."""
    digest = identity_hash(identity_code)
    user = User.objects.filter(strong_identity_hash=digest).first()
    if user is not None:
        return user
    try:
        return create_strongly_identified_participant(
            identity_hash=digest, language=language, first_name=first_name, last_name=last_name
        )
    except IntegrityError:
        # The same person's other tab made the account a moment ago.
        return User.objects.get(strong_identity_hash=digest)
