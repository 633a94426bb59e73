"""Reply codes: the giver's key to their feedback's trail.

Eight characters from 31 symbols (no 0/O, 1/I/L) give about 40 bits: easy to read aloud and
far too many to guess, the more so as look-ups are rate-limited.
"""

from __future__ import annotations

import re
import secrets

REPLY_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
REPLY_CODE_LENGTH = 8
_FORMAT = re.compile(rf"^[{REPLY_CODE_ALPHABET}]{{4}}-[{REPLY_CODE_ALPHABET}]{{4}}$")


def new_reply_code() -> str:
    raw = "".join(secrets.choice(REPLY_CODE_ALPHABET) for _ in range(REPLY_CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise_reply_code(typed: str) -> str | None:
    """Accept what a person types (any case, spaces, with or without the dash)."""
    compact = re.sub(r"[\s-]", "", typed.upper())
    candidate = f"{compact[:4]}-{compact[4:]}"
    return candidate if _FORMAT.match(candidate) else None
