"""`python manage.py feedback_trends`: themes rising this month, county-wide or for a unit/service.

Prints the theme label, this month's comments, the expected count from the months before and
the Holm-adjusted p-value of a one-sided Poisson test.
"""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone, translation

from osallisuus.organisation.models import Service, Unit
from osallisuus.reports.selectors import rising_for


def parse_month(text: str) -> date:
    try:
        year, month = (int(part) for part in text.split("-"))
        return date(year, month, 1)
    except ValueError as error:
        raise CommandError(f"--month must look like 2026-01, not {text!r}") from error


class Command(BaseCommand):
    help = "List themes rising this month against the previous twelve months."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", help="Unit code (default: the whole county).")
        parser.add_argument("--service", type=int, help="Service id.")
        parser.add_argument("--month", help="YYYY-MM (default: this month).")
        parser.add_argument("--language", default="en", choices=["fi", "sv", "en"])

    def handle(self, *args: Any, **options: Any) -> None:
        month = (
            parse_month(options["month"])
            if options["month"]
            else timezone.localdate().replace(day=1)
        )
        units = Unit.objects.all()
        scope = "county"
        if options["unit"]:
            units = units.filter(code=options["unit"].upper())
            if not units.exists():
                raise CommandError(f"No unit has the code {options['unit']!r}.")
            scope = f"unit {options['unit'].upper()}"
        if options["service"]:
            if not Service.objects.filter(pk=options["service"]).exists():
                raise CommandError(f"No service has the id {options['service']}.")
            units = units.filter(service_id=options["service"])
            scope = f"service {options['service']}"
        with translation.override(options["language"]):
            rising = rising_for(units=units, month=month)
            self.stdout.write(f"Rising themes, {scope}, {month:%Y-%m}:")
            if not rising:
                self.stdout.write("  none")
                return
            self.stdout.write(f"  {'theme':<40} {'this month':>10} {'expected':>9} {'p-value':>9}")
            for item in rising:
                self.stdout.write(
                    f"  {item.label:<40} {item.count:>10} {item.expected:>9.1f} "
                    f"{item.p_value:>9.2g}"
                )
