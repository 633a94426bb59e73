"""`python manage.py rebuild_rollups`: recount every roll-up from the raw feedback rows."""

from typing import Any

from django.core.management.base import BaseCommand

from osallisuus.reports.services import rebuild_rollups


class Command(BaseCommand):
    help = "Recount the dashboard roll-ups from every feedback item (safe to run any time)."

    def handle(self, *args: Any, **options: Any) -> None:
        counted = rebuild_rollups()
        self.stdout.write(f"Roll-ups rebuilt from {counted} feedback items.")
