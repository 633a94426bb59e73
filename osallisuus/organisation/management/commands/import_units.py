"""`python manage.py import_units FILE`: create or update units from a register CSV."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from osallisuus.organisation.selectors import current_organiser
from osallisuus.organisation.unit_register import import_units


class Command(BaseCommand):
    help = "Import units from CSV (the export_units format). A file with errors saves nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="CSV file in UTF-8 (a BOM is accepted)")

    def handle(self, *args: Any, **options: Any) -> None:
        organiser = current_organiser()
        if organiser is None:
            raise CommandError("No organiser exists yet: create it in the admin or run seed_demo.")
        try:
            with open(options["file"], encoding="utf-8-sig", newline="") as source:
                result = import_units(source, organiser=organiser)
        except OSError as error:
            raise CommandError(f"Cannot read {options['file']}: {error.strerror}") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{options['file']} is not UTF-8 text.") from error
        if not result.ok:
            for row_error in result.errors:
                self.stderr.write(f"line {row_error.line}: {row_error.message}")
            raise CommandError(f"{len(result.errors)} problem(s) found; nothing was saved.")
        self.stdout.write(f"{result.created} units created, {result.updated} updated.")
