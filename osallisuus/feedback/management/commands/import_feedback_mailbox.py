"""Import feedback e-mails from an mbox file or a Maildir folder (the e-mail door,
feedback/intake/mailbox.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from osallisuus.feedback.intake.mailbox import import_mailbox


class Command(BaseCommand):
    help = "Import feedback e-mails from an mbox file or a Maildir folder (PATH)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="An mbox file or a Maildir folder.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        if not path.exists():
            raise CommandError(f"No such mailbox: {path}")
        imported = already = failed = 0
        for result in import_mailbox(path):
            if result.feedback is None:
                failed += 1
                self.stderr.write(f"{result.label}: {result.error}")
            elif result.created:
                imported += 1
                self.stdout.write(
                    f"{result.label}: {result.feedback.unit.code} {result.feedback.reply_code}"
                )
            else:
                already += 1
        self.stdout.write(
            self.style.SUCCESS(f"Imported {imported}, already imported {already}, failed {failed}.")
        )
