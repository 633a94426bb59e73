"""The session's note that its person was strongly identified, and the question doors ask."""

from __future__ import annotations

import time

from django.http import HttpRequest

# Seconds since the epoch when the person signed in strongly in this session. Signing in as
# someone else flushes the session, and with it this note.
SESSION_KEY = "osallisuus_strongly_identified_at"


def mark_strongly_identified(request: HttpRequest) -> None:
    """Note in the session that its person has just been strongly identified."""
    request.session[SESSION_KEY] = int(time.time())


def is_strongly_identified(request: HttpRequest, *, within_seconds: int | None = None) -> bool:
    """True when the signed-in person identified strongly in this session (recently enough).

    A door such as a formal objection asks this before it takes the person's word as theirs;
    `within_seconds` asks for an identification no older than that.
    """
    if not request.user.is_authenticated:
        return False
    at = request.session.get(SESSION_KEY)
    if not isinstance(at, int):
        return False
    return within_seconds is None or time.time() - at <= within_seconds
