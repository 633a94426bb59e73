"""`python manage.py build_briefings [--month 2026-11]`: build every active decision-making
body's briefing for the period holding that month (default: the last whole month). Running it
again rebuilds the same briefings in place; members are e-mailed a link only the first time."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from osallisuus.trail.briefings.periods import parse_month
from osallisuus.trail.briefings.services import build_briefings


class Command(BaseCommand):
    help = "Build (or rebuild) the decision makers' briefings for a month (YYYY-MM)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--month", help="YYYY-MM; default: the last whole month.")
        parser.add_argument(
            "--no-email", action="store_true", help="Do not e-mail the members a link."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["month"]:
            try:
                month = parse_month(options["month"])
            except ValueError:
                raise CommandError("Give the month as YYYY-MM, e.g. 2026-11.") from None
        else:
            first = timezone.localdate().replace(day=1)
            month = (first - timedelta(days=1)).replace(day=1)
        built = build_briefings(month=month, send=not options["no_email"])
        for result in built:
            verb = "built" if result.created else "rebuilt"
            briefing = result.briefing
            self.stdout.write(f"{briefing.body.name_fi} {briefing.period_label}: {verb}")
        self.stdout.write(self.style.SUCCESS(f"{len(built)} briefings."))
