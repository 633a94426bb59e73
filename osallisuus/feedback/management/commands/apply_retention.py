"""`python manage.py apply_retention`: erase old contact details and anonymise old feedback."""

from typing import Any

from django.core.management.base import BaseCommand

from osallisuus.feedback.retention import apply_retention


class Command(BaseCommand):
    help = (
        "Erase contact details after FEEDBACK_CONTACT_RETENTION_DAYS and anonymise feedback "
        "after FEEDBACK_RETENTION_DAYS. Idempotent; run daily."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = apply_retention()
        self.stdout.write(
            f"Contact details erased: {result.contacts_erased}; "
            f"feedback anonymised: {result.feedback_anonymised}."
        )
