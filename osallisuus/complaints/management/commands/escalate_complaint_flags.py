"""`python manage.py escalate_complaint_flags`: tell coordinators of flags not decided in time."""

from typing import Any

from django.core.management.base import BaseCommand

from osallisuus.complaints.services import escalate_late_flags


class Command(BaseCommand):
    help = "E-mail the coordinators once about flagged feedback left undecided (run hourly)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{escalate_late_flags()} late flags escalated.")
