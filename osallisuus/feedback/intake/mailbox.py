"""The e-mail door: feedback e-mails from an mbox file or a Maildir folder (issue #3).

Each message becomes one feedback item with channel "email"; its Message-ID makes a second
import of the same mailbox store nothing new. A bad message is reported and skipped.
`manage.py import_feedback_mailbox PATH` runs it.
"""

from __future__ import annotations

import email
import mailbox
from collections.abc import Iterator
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from pathlib import Path

from osallisuus.errors import DomainError

from ..models import Feedback
from ..services import submit_feedback
from .adapters import feedback_from_email


@dataclass(frozen=True, slots=True)
class MailResult:
    """One message: the item it stored (None when it failed), whether it is new, and why not."""

    label: str
    feedback: Feedback | None
    created: bool = False
    error: str = ""


def import_mailbox(path: Path) -> Iterator[MailResult]:
    """Store each message of the mailbox at `path` as feedback, one result per message."""
    box: mailbox.Mailbox = (
        mailbox.Maildir(str(path), factory=None, create=False)
        if path.is_dir()
        else mailbox.mbox(str(path), create=False)
    )
    try:
        for number, key in enumerate(box.keys(), start=1):
            raw = box.get_bytes(key)
            message = email.message_from_bytes(raw, policy=policy.default)
            assert isinstance(message, EmailMessage)  # noqa: S101 (policy.default guarantees it)
            label = str(message.get("Message-ID") or f"#{number}")
            try:
                feedback, created = submit_feedback(feedback_from_email(message, raw=raw))
            except DomainError as error:
                yield MailResult(label, None, error=str(error))
            except Exception as error:  # One broken message must not stop the rest.
                yield MailResult(label, None, error=f"{type(error).__name__}: {error}")
            else:
                yield MailResult(label, feedback, created=created)
    finally:
        box.close()
