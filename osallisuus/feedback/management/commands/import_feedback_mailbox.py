"""Import feedback e-mails from an mbox file or a Maildir folder (the e-mail door of issue #3).

Each message becomes one feedback item with channel "email"; its Message-ID makes a second
import of the same mailbox store nothing new. A bad message is reported and skipped.
"""

from __future__ import annotations

import email
import mailbox
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from osallisuus.errors import DomainError
from osallisuus.feedback.intake.adapters import feedback_from_email
from osallisuus.feedback.services import submit_feedback


class Command(BaseCommand):
    help = "Import feedback e-mails from an mbox file or a Maildir folder (PATH)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="An mbox file or a Maildir folder.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        if not path.exists():
            raise CommandError(f"No such mailbox: {path}")
        box: mailbox.Mailbox = (
            mailbox.Maildir(str(path), factory=None, create=False)
            if path.is_dir()
            else mailbox.mbox(str(path), create=False)
        )
        imported = already = failed = 0
        for number, key in enumerate(box.keys(), start=1):
            raw = box.get_bytes(key)
            message = email.message_from_bytes(raw, policy=policy.default)
            assert isinstance(message, EmailMessage)  # noqa: S101 (policy.default guarantees it)
            label = str(message.get("Message-ID") or f"#{number}")
            try:
                feedback, created = submit_feedback(feedback_from_email(message, raw=raw))
            except DomainError as error:
                failed += 1
                self.stderr.write(f"{label}: {error}")
                continue
            except Exception as error:  # One broken message must not stop the rest.
                failed += 1
                self.stderr.write(f"{label}: {type(error).__name__}: {error}")
                continue
            if created:
                imported += 1
                self.stdout.write(f"{label}: {feedback.unit.code} {feedback.reply_code}")
            else:
                already += 1
        box.close()
        self.stdout.write(
            self.style.SUCCESS(f"Imported {imported}, already imported {already}, failed {failed}.")
        )
