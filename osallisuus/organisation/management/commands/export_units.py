"""`python manage.py export_units > units.csv`: the unit register as CSV on standard output."""

from typing import Any

from django.core.management.base import BaseCommand

from osallisuus.organisation.unit_register import export_units


class Command(BaseCommand):
    help = "Write the unit register as CSV (header row first, first column “code”) to stdout."

    def handle(self, *args: Any, **options: Any) -> None:
        export_units(self.stdout)
