"""`python manage.py send_expert_reminders`: e-mail people whose invitation still waits."""

from typing import Any

from django.core.management.base import BaseCommand

from osallisuus.experts.services import send_reminders


class Command(BaseCommand):
    help = "Remind invited experts who have not answered in two days (run daily)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{send_reminders()} reminders queued.")
