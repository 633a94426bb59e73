"""`python manage.py remove_unverified_accounts`: remove sign-ups that were never verified."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from osallisuus.accounts.participants.services import remove_unverified_accounts


class Command(BaseCommand):
    help = (
        "Remove accounts people made for themselves but never verified within "
        "UNVERIFIED_ACCOUNT_DAYS, and expired sign-in codes. Idempotent; run daily."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = remove_unverified_accounts()
        self.stdout.write(
            f"Unverified accounts removed (older than {settings.UNVERIFIED_ACCOUNT_DAYS} days): "
            f"{result.accounts_removed}; expired sign-in codes removed: {result.codes_removed}."
        )
