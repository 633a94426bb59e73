"""`python manage.py plan_meetings`: create the coming meetings of every recurring-meetings rule
(e.g. the network of experiential expertise "twice a year, spring and autumn") as drafts, up to
the end of next year. Run it daily or monthly; a second run creates nothing new."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from osallisuus.dialogue.services import plan_meetings


class Command(BaseCommand):
    help = "Create the coming meetings of the recurring-meetings rules as drafts."

    def handle(self, *args: Any, **options: Any) -> None:
        made = plan_meetings(today=timezone.localdate())
        for meeting in made:
            self.stdout.write(f"{meeting.group.name_fi} {meeting.starts_at:%Y-%m-%d}")
        self.stdout.write(self.style.SUCCESS(f"{len(made)} meetings planned."))
